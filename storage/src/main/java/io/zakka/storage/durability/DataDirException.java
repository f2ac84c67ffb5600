package io.zakka.storage.durability;

import java.io.IOException;

/** The data dir cannot be used as it is; the message says why and what the operator can do. */
public class DataDirException extends IOException {
    private static final long serialVersionUID = 1L;

    public DataDirException(String message) {
        super(message);
    }

    public DataDirException(String message, Throwable cause) {
        super(message, cause);
    }
}
