package io.switchboard.salesforce;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultInterceptSendToEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A guarded camel-salesforce endpoint whose calls end on the thread that made them. The component answers on the
 * small pool of threads that reads its HTTP answers, and a route carries on where its last step ended: left so, the
 * steps after a {@code to: salesforce:...} would run on that pool, and a Java step there that waits for a look-up
 * would hold one of the threads its own answer needs. With every event doing so at once (a cold start under load),
 * the pool waited on itself and no event, of any route, moved again. So the caller waits, as the worker that runs
 * the event is meant to, and the route goes on on the worker's thread. A call the guard let go counts in
 * {@link CallsInFlight} until it has ended here, however it ended.
 */
final class CallerThreadEndpoint extends DefaultInterceptSendToEndpoint {
    private final CallsInFlight calls;

    CallerThreadEndpoint(Endpoint salesforce, CallsInFlight calls) {
        super(salesforce, false);
        this.calls = calls;
    }

    @Override
    public AsyncProducer createAsyncProducer() throws Exception {
        return new CallerThreadProducer(this, super.createAsyncProducer(), calls);
    }

    /** Sends through the guarded producer and returns only once it has ended. */
    private static final class CallerThreadProducer extends DefaultAsyncProducer {
        private final AsyncProducer guarded;
        private final CallsInFlight calls;

        private CallerThreadProducer(Endpoint endpoint, AsyncProducer guarded, CallsInFlight calls) {
            super(endpoint);
            this.guarded = guarded;
            this.calls = calls;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            try {
                guarded.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                calls.endedFor(exchange);
            }
            callback.done(true);
            return true;
        }

        @Override
        protected void doStart() throws Exception {
            ServiceHelper.startService(guarded);
        }

        @Override
        protected void doStop() throws Exception {
            ServiceHelper.stopService(guarded);
        }
    }
}
