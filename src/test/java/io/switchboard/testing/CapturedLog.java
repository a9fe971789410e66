package io.switchboard.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the engine logs while a test runs, kept in memory so the test can read the lines an operator would see. */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        appender.start();
        logger.addAppender(appender);
    }

    /** Every logger's lines. */
    public static CapturedLog all() {
        return new CapturedLog((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME));
    }

    /** The lines at this level, as "LEVEL message" with the arguments filled in. */
    public List<String> lines(Level level) {
        return events().stream().filter(event -> event.getLevel() == level)
                .map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }

    /** Every line with its level, and the message and class of any exception logged with it. */
    public List<String> lines() {
        return events().stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? ""
                        : " " + event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    private List<ILoggingEvent> events() {
        // the appender adds under its own lock
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
