package io.switchboard.console;

import io.switchboard.api.HttpRequestParts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.Exchange;

/**
 * The console's static files by name: its style sheet, and Swagger UI from its webjar. Only the names listed here
 * are served, so no path from a request reaches the class path.
 */
public final class ConsoleAssets {
    private record Asset(String resource, String contentType) {
    }

    private final Map<String, Asset> assets;

    public ConsoleAssets() {
        String swaggerUi = "META-INF/resources/webjars/swagger-ui/" + webjarVersion("swagger-ui") + "/";
        this.assets = Map.of(
                "console.css", new Asset("console/console.css", "text/css; charset=utf-8"),
                "swagger-init.js", new Asset("console/swagger-init.js", "text/javascript; charset=utf-8"),
                "swagger-ui.css", new Asset(swaggerUi + "swagger-ui.css", "text/css; charset=utf-8"),
                "swagger-ui-bundle.js", new Asset(swaggerUi + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"));
    }

    /** {@code GET /console/assets/{file}}. */
    public void serve(Exchange exchange) {
        Asset asset = assets.get(HttpRequestParts.path(exchange, "file"));
        if (asset == null) {
            throw new ConsoleRefusal(404, "No such file.");
        }
        ConsoleExchange.answer(exchange, 200, asset.contentType(), read(asset.resource()), null);
        // the files change only with the engine's version
        exchange.getMessage().setHeader("Cache-Control", "max-age=3600");
    }

    /** {@code GET /console/api}: Swagger UI on {@code /openapi.json}. */
    public void swaggerUi(Exchange exchange) {
        ConsoleExchange.pageWithInlineStyles(exchange, Html.markup("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>API · Switchboard</title>
                <link rel="stylesheet" href="/console/assets/swagger-ui.css"></head>
                <body><p><a href="/console">Switchboard console</a> · <a href="/openapi.json">/openapi.json</a></p>
                <div id="swagger-ui"></div>
                <script src="/console/assets/swagger-ui-bundle.js"></script>
                <script src="/console/assets/swagger-init.js"></script></body></html>
                """));
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion(String name) {
        String resource = "META-INF/maven/org.webjars/" + name + "/pom.properties";
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
