package io.switchboard.salesforce;

import java.io.InputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.TypeConverter;
import org.apache.camel.component.salesforce.api.dto.AbstractSObjectBase;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.TypeConverterSupport;

/**
 * Tells Camel's type converter two conversions that can never be made and that camel-salesforce asks for at every
 * call: a message as an sObject DTO (create, update, upsert and delete look for one before they take the sObject's
 * name from the endpoint; the engine's bodies are JSON text) and a plain message without a body as a request stream
 * (a raw GET). When a body does not convert, Camel tries the message itself, and it remembers a failed conversion
 * only when the conversion was mandatory; these are tries, so each one searched every registered converter again:
 * some 19 µs a call, about 2% of the engine's samples in a profile of the benchmark. A converter that answers "no"
 * at once is remembered like any other. A body that already is a DTO or a stream is still handed over as it is,
 * before any converter is asked.
 */
public final class KnownConversionMisses {
    private static final TypeConverter NONE = new TypeConverterSupport() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
            return (T) MISS_VALUE;
        }
    };

    private KnownConversionMisses() {
    }

    public static void install(CamelContext context) {
        TypeConverterRegistry registry = context.getTypeConverterRegistry();
        // any kind of message: none holds an sObject DTO other than as its body, which Camel looks at first
        registry.addTypeConverter(AbstractSObjectBase.class, Message.class, NONE);
        // only the plain message: an HTTP component's own message may know how to stream its request
        registry.addTypeConverter(InputStream.class, DefaultMessage.class, NONE);
    }
}
