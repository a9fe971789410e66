package io.switchboard.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.dto.AbstractSObjectBase;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conversions camel-salesforce asks for at each call: answered "none" without changing what converts. */
class KnownConversionMissesTest {
    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        KnownConversionMisses.install(context);
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void shouldFindNoSObjectInAJsonBodyOrAnEmptyMessage() {
        assertNull(exchangeWith("{\"Subject\":\"Call\"}").getMessage().getBody(AbstractSObjectBase.class));
        assertNull(exchangeWith(null).getMessage().getBody(AbstractSObjectBase.class));
        assertNull(exchangeWith(null).getMessage().getBody(InputStream.class), "a GET has no request stream");
        // without an answer registered, each of these tries searches every converter and remembers nothing
        assertNotNull(context.getTypeConverterRegistry().lookup(AbstractSObjectBase.class, DefaultMessage.class));
        assertNotNull(context.getTypeConverterRegistry().lookup(InputStream.class, DefaultMessage.class));
    }

    @Test
    void shouldStillHandOverABodyThatIsAnSObjectAndStreamATextBody() throws Exception {
        AbstractSObjectBase task = new AbstractSObjectBase() { };
        assertSame(task, exchangeWith(task).getMessage().getBody(AbstractSObjectBase.class));
        try (InputStream stream = exchangeWith("{\"a\":1}").getMessage().getBody(InputStream.class)) {
            assertEquals("{\"a\":1}", new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldLeaveEveryOtherConversionOfAMessageAlone() {
        assertEquals("{\"a\":1}", exchangeWith("{\"a\":1}").getMessage().getBody(String.class));
        assertEquals(42, exchangeWith("42").getMessage().getBody(Integer.class));
    }

    private Exchange exchangeWith(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
