package io.switchboard.mapping;

/**
 * An event could not be mapped as configured (a value that does not convert to its field's type, a status the
 * value map does not know): the event fails with this message, which names the field and what was expected.
 */
public class MappingException extends RuntimeException {
    public MappingException(String message) {
        super(message);
    }
}
