package io.zakka.api.client;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.op.OpResult;
import java.util.List;

/**
 * A request failed with one of ZooKeeper's error codes. For a failed multi, {@link #results()} holds the
 * per-op results (OK before the failing op, its code, RUNTIMEINCONSISTENCY after) and {@link #code()} is the
 * failing op's code.
 */
public class ZakkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String path;
    private final transient List<OpResult> results;

    public ZakkaException(ErrorCode code, String path) {
        this(code, path, List.of());
    }

    public ZakkaException(ErrorCode code, String path, List<OpResult> results) {
        super(code + (path == null ? "" : " for " + path));
        this.code = code;
        this.path = path;
        this.results = List.copyOf(results);
    }

    public ErrorCode code() {
        return code;
    }

    /** The path the failed op named, or null. */
    public String path() {
        return path;
    }

    /** The per-op results of a failed multi; empty otherwise. */
    public List<OpResult> results() {
        return results;
    }
}
