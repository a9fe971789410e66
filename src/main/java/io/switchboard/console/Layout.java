package io.switchboard.console;

import static io.switchboard.console.Html.of;

/** The frame every console page shares: title, navigation, and the sign-out form with its CSRF token. */
final class Layout {
    private Layout() {
    }

    static Html page(String title, ConsoleSessions.Session session, Html body) {
        Html navigation = session == null ? Html.empty() : of("""
                <nav><a href="/console">Events</a> <a href="/console/connections">Connections</a> \
                <a href="/console/contacts">Contact links</a> <a href="/console/nodes">Nodes</a> \
                <a href="/console/api">API</a>
                <form method="post" action="/console/logout" class="inline">{}<button>Sign out</button></form></nav>
                """, csrfField(session));
        return of("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{} · Switchboard</title>
                <link rel="stylesheet" href="/console/assets/console.css"></head>
                <body><header><strong>Switchboard</strong> {}</header>
                <main><h1>{}</h1>
                {}</main></body></html>
                """, title, navigation, title, body);
    }

    /** The hidden field that makes a form state-changing only when sent from a page of this session. */
    static Html csrfField(ConsoleSessions.Session session) {
        return of("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", session.csrfToken());
    }

    static Html message(String cssClass, String text) {
        return of("<p class=\"{}\">{}</p>", cssClass, text);
    }
}
