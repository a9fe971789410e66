package io.switchboard.console;

import static io.switchboard.console.Html.of;

import io.switchboard.api.HttpRequestParts;
import io.switchboard.salesforce.ApiPause;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.ConnectionStats;
import io.switchboard.salesforce.LoginGate;
import io.switchboard.salesforce.SalesforceClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * {@code /console/connections}: each Salesforce connection's login state (and, when refused, the diagnosis), its API
 * usage now and over 24 hours, whether its events are paused, and a button that runs the check-connection report.
 */
public final class ConsoleConnections {
    private final SalesforceClients clients;
    private final ApiUsageHistory history;
    private final BiFunction<CamelContext, ConnectionSettings, List<String>> check;
    private final Clock clock;

    /** check: the check-connection report of one connection, line by line. */
    public ConsoleConnections(SalesforceClients clients, ApiUsageHistory history,
                              BiFunction<CamelContext, ConnectionSettings, List<String>> check, Clock clock) {
        this.clients = clients;
        this.history = history;
        this.check = check;
        this.clock = clock;
    }

    public void show(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.session(exchange);
        ConsoleExchange.page(exchange, 200, Layout.page("Connections", session, connections(session, null, List.of())));
    }

    /** {@code POST /console/connections/{name}/check}: the page again, with that connection's report. */
    public void check(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.session(exchange);
        String name = HttpRequestParts.path(exchange, "name");
        ConnectionSettings settings = clients.settings().get(name);
        if (settings == null) {
            throw new ConsoleRefusal(404, "No connection has this name.");
        }
        List<String> report = check.apply(exchange.getContext(), settings);
        ConsoleExchange.page(exchange, 200, Layout.page("Connections", session, connections(session, name, report)));
    }

    private Html connections(ConsoleSessions.Session session, String checked, List<String> report) {
        List<Html> parts = new ArrayList<>();
        for (Map.Entry<String, ConnectionSettings> entry : clients.settings().entrySet()) {
            String name = entry.getKey();
            ConnectionStats stats = clients.stats().get(name);
            LoginGate.State refusal = clients.logins().get(name).state();
            ApiPause.State pause = clients.pauses().get(name).state();
            Html login = refusal != null
                    ? of("<span class=\"status failed\">login refused</span> since {}: {} (next attempt {})",
                            refusal.since(), refusal.diagnosis(), refusal.nextAttempt())
                    : stats.outage() != null
                    ? of("<span class=\"status failed\">down</span> since {}: <code>{}</code> {}", stats.outage().at(),
                            stats.outage().code(), stats.outage().message())
                    : stats.lastSuccess() != null
                    ? of("<span class=\"status done\">ok</span>, last answer {}", stats.lastSuccess())
                    : Html.markup("<span class=\"status pending\">no call yet</span>");
            Html usage = stats.apiMax() > 0
                    ? of("{} of {} daily requests used ({}%)", stats.apiUsed(), stats.apiMax(),
                            String.format("%.1f", 100.0 * stats.apiUsed() / stats.apiMax()))
                    : Html.markup("not reported yet");
            Html paused = pause == null ? Html.markup("no")
                    : of("<strong>paused</strong> since {}: {} (checked again {})", pause.since(), pause.reason(),
                            pause.nextProbe());
            Html reportBlock = name.equals(checked)
                    ? of("<h3>check-connection</h3><pre class=\"report\" id=\"check-report\">{}</pre>",
                            String.join("\n", report))
                    : Html.empty();
            parts.add(of("""
                    <section class="connection"><h2>{}</h2>
                    <table class="facts"><tr><th>Login</th><td class="login-state">{}</td></tr>
                    <tr><th>Login URL</th><td>{}</td></tr>
                    <tr><th>API usage</th><td>{}</td></tr><tr><th>Paused</th><td>{}</td></tr></table>
                    {}
                    <form method="post" action="/console/connections/{}/check">{}<button class="check">Check connection</button></form>
                    {}</section>
                    """, name, login, entry.getValue().loginUrl(), usage, paused,
                    UsageChart.render(history.of(name), clock.instant()), ConsoleEvents.encode(name),
                    Layout.csrfField(session), reportBlock));
        }
        return Html.join(parts);
    }
}
