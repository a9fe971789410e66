package io.switchboard.behaviours.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.EventOutcome;
import io.switchboard.events.EventProperties;
import io.switchboard.events.EventType;
import io.switchboard.intake.EventParser;
import io.switchboard.intake.InvalidEventException;
import io.switchboard.mapping.MappingFiles;
import io.switchboard.mapping.Mappings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * Bare exchanges as the worker hands them to a behaviour route: the event, parsed from an example of
 * {@code src/test/resources/events/} by the intake's own parser, as its property, and a fresh outcome.
 */
public final class StepExchanges {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("src/test/resources/events");
    /** Never started: a bare exchange needs a context to belong to, not a running one. */
    private static final CamelContext CONTEXT = new DefaultCamelContext();

    private StepExchanges() {
    }

    /** The shipped {@code config/*.yaml}, loaded as the engine loads them. */
    public static Mappings shippedMappings() {
        return MappingFiles.load(Path.of("config"), Set.of("default"));
    }

    /**
     * The shipped files copied into {@code dir}, one of them edited as an operator would, loaded as the engine loads
     * them.
     */
    public static Mappings editedMappings(Path dir, String file, UnaryOperator<String> edit) {
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            for (Path shipped : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(shipped, dir.resolve(shipped.getFileName()));
            }
            Path edited = dir.resolve(file);
            Files.writeString(edited, edit.apply(Files.readString(edited)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return MappingFiles.load(dir, Set.of("default"));
    }

    /** The example event as a client could send it after {@code edit}, parsed and checked by the intake. */
    public static Record event(EventType type, String example, Consumer<ObjectNode> edit) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(Files.readString(EVENTS.resolve(example + ".json")));
            edit.accept(json);
            return EventParser.read(type, json.toString()).event();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidEventException e) {
            throw new IllegalArgumentException("the edited " + example + " is no longer a valid event: "
                    + e.getMessage(), e);
        }
    }

    public static Record event(EventType type, String example) {
        return event(type, example, json -> { });
    }

    /** A bare exchange carrying the event and an empty outcome, as the worker starts a route. */
    public static Exchange exchangeFor(Record event) {
        return exchangeFor(CONTEXT, event);
    }

    /** The same, in a context that holds what the step needs, such as a connection's Salesforce component. */
    public static Exchange exchangeFor(CamelContext context, Record event) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(EventProperties.EVENT, event);
        exchange.setProperty(EventOutcome.PROPERTY, new EventOutcome());
        return exchange;
    }

    public static EventOutcome outcome(Exchange exchange) {
        return exchange.getProperty(EventOutcome.PROPERTY, EventOutcome.class);
    }
}
