package io.zakka.api.client;

import io.zakka.protocol.op.Op;
import java.time.Duration;

/**
 * A write whose reply did not arrive within the request timeout. The write may still commit (or may have
 * committed already): read the state again before retrying, or make the retry idempotent (versions, or a
 * sequential node named with a unique prefix).
 */
public final class OutcomeUnknownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Op op;

    public OutcomeUnknownException(Op op, Duration timeout) {
        super("no reply within " + timeout.toMillis() + " ms to " + op.getClass().getSimpleName()
                + (op.path() == null ? "" : " " + op.path()) + ": it may or may not have been applied");
        this.op = op;
    }

    /** The write whose outcome is unknown. */
    public Op op() {
        return op;
    }
}
