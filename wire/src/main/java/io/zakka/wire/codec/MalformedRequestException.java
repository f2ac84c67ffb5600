package io.zakka.wire.codec;

/** A frame that cannot be a ZooKeeper request: the connection that sent it is closed. */
public final class MalformedRequestException extends Exception {

    public MalformedRequestException(String message) {
        super(message);
    }

    public MalformedRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
