package io.switchboard.salesforce;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/**
 * Turns a failed login into a sentence an operator can act on: which host, which flow, what Salesforce said,
 * and the causes that usually lie behind that answer for that flow and host.
 */
public final class LoginDiagnosis {
    private static final String SANDBOX_HINT = "a sandbox logs in at https://test.salesforce.com or at its My Domain "
            + "(https://NAME--SANDBOX.sandbox.my.salesforce.com), not at login.salesforce.com";
    private static final String PRODUCTION_HINT = "a production or developer org logs in at https://login.salesforce.com "
            + "or its My Domain, not at test.salesforce.com";

    private LoginDiagnosis() {
    }

    public static String explain(ConnectionSettings settings, Throwable failure) {
        String answer = salesforceAnswer(failure);
        StringBuilder message = new StringBuilder()
                .append("Login for connection '").append(settings.name()).append("' at ").append(settings.loginUrl())
                .append(" with the ").append(settings.authType()).append(" flow failed: ").append(answer);
        List<String> causes = likelyCauses(settings, failure, answer.toLowerCase(Locale.ROOT));
        if (!causes.isEmpty()) {
            message.append(". Likely cause").append(causes.size() > 1 ? "s" : "").append(": ");
            message.append(String.join("; ", causes));
        }
        return message.append('.').toString();
    }

    private static String salesforceAnswer(Throwable failure) {
        Throwable cause = rootCause(failure);
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return "the host cannot be reached (" + cause.getClass().getSimpleName() + ")";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sfe && sfe.getErrors() != null && !sfe.getErrors().isEmpty()) {
                RestError error = sfe.getErrors().get(0);
                return error.getMessage() != null ? error.getMessage() : error.getErrorCode();
            }
        }
        return String.valueOf(failure.getMessage());
    }

    private static List<String> likelyCauses(ConnectionSettings settings, Throwable failure, String answer) {
        List<String> causes = new ArrayList<>();
        Throwable root = rootCause(failure);
        if (root instanceof ConnectException || root instanceof UnknownHostException) {
            causes.add("the login URL is wrong or the network blocks it (check " + settings.loginUrl() + ")");
            return causes;
        }
        if (answer.contains("invalid_client_id")) {
            causes.add("the consumer key is not known at this host: a connected app of another org, or a new one "
                    + "that has not propagated yet (this takes up to 10 minutes)");
            addHostHint(settings, causes);
        } else if (answer.contains("invalid_client")) {
            causes.add("the consumer secret does not belong to this consumer key");
        } else if (answer.contains("unsupported_grant_type")) {
            causes.add("the connected app does not allow the " + settings.authType() + " flow");
        } else if (answer.contains("invalid_grant")) {
            causes.addAll(invalidGrantCauses(settings));
        }
        return causes;
    }

    private static List<String> invalidGrantCauses(ConnectionSettings settings) {
        List<String> causes = new ArrayList<>();
        AuthenticationType type = settings.authType();
        switch (type) {
            case USERNAME_PASSWORD -> {
                if (settings.securityToken() == null) {
                    causes.add("no security token is set (SF_SECURITY_TOKEN): outside the org's trusted IP ranges "
                            + "Salesforce needs it appended to the password");
                } else {
                    causes.add("wrong password or an outdated security token (a password reset issues a new token)");
                }
                causes.add("the username-password flow is blocked, as it is by default in orgs created since "
                        + "Summer '23: allow it under OAuth and OpenID Connect Settings, or use the JWT or "
                        + "client-credentials flow");
            }
            case REFRESH_TOKEN -> causes.add("the refresh token was revoked, expired under the connected app's "
                    + "refresh-token policy, or issued for another connected app");
            case JWT -> causes.add("the user is not pre-authorised for the connected app, the certificate uploaded "
                    + "to the connected app does not match the keystore's key, or the audience is wrong");
            case CLIENT_CREDENTIALS -> causes.add("the connected app has no run-as user for the client-credentials "
                    + "flow, or the login URL is not the org's My Domain");
        }
        addHostHint(settings, causes);
        return causes;
    }

    private static void addHostHint(ConnectionSettings settings, List<String> causes) {
        String host = settings.loginHost().toLowerCase(Locale.ROOT);
        if (host.equals("login.salesforce.com")) {
            causes.add(SANDBOX_HINT);
        } else if (host.equals("test.salesforce.com")) {
            causes.add(PRODUCTION_HINT);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
