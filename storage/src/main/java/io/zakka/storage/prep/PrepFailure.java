package io.zakka.storage.prep;

import io.zakka.protocol.ErrorCode;

/**
 * A write that fails one of ZooKeeper's checks, thrown from deep in a validation and turned into a
 * {@link PrepOutcome.Rejected} by {@link PrepStage}. Control flow only: no stack trace is recorded.
 */
final class PrepFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    PrepFailure(ErrorCode code) {
        super(code.name(), null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
