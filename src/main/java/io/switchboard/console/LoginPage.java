package io.switchboard.console;

import static io.switchboard.console.Html.of;

/** The form that asks for the API token; the token is posted, never put in a URL. */
final class LoginPage {
    private LoginPage() {
    }

    static Html render(String error) {
        return Layout.page("Sign in", null, of("""
                {}<form method="post" action="/console/login" class="login">
                <label>API token (SWITCHBOARD_API_TOKEN)
                <input type="password" name="token" autocomplete="current-password" autofocus required></label>
                <button type="submit">Sign in</button></form>
                """, error == null ? Html.empty() : Layout.message("error", error)));
    }
}
