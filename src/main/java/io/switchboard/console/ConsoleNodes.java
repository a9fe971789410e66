package io.switchboard.console;

import static io.switchboard.console.Html.of;

import io.switchboard.store.LiveNodes;
import io.switchboard.store.NodeSeen;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * {@code /console/nodes}: the nodes whose heartbeat reached the store within the claim lease, as health lists them;
 * a node silent for longer has its events taken over by the others.
 */
public final class ConsoleNodes {
    private final LiveNodes nodes;

    public ConsoleNodes(LiveNodes nodes) {
        this.nodes = nodes;
    }

    public void show(Exchange exchange) {
        ConsoleSessions.Session session = ConsoleExchange.session(exchange);
        List<NodeSeen> alive = nodes.alive();
        List<Html> rows = new ArrayList<>();
        for (NodeSeen seen : alive) {
            rows.add(of("<tr><td class=\"node-id\">{}</td><td>{}</td><td>{}</td></tr>", seen.id(), seen.lastSeen(),
                    seen.id().equals(nodes.self()) ? Html.markup("<strong>this node</strong>") : Html.empty()));
        }
        Html body = of("""
                <p>This node: <code id="this-node">{}</code>. {} node(s) alive: their heartbeat reached the store in \
                the last {} s.</p>
                <table class="nodes"><tr><th>node</th><th>last seen</th><th></th></tr>{}</table>
                """, nodes.self(), alive.size(), nodes.window().toSeconds(), Html.join(rows));
        ConsoleExchange.page(exchange, 200, Layout.page("Nodes", session, body));
    }
}
