package io.zakka.wire.conn;

import akka.util.ByteString;

/** The write side of one connection's socket. */
public interface Outbound {

    /** Queues bytes for the socket, after everything queued before. */
    void write(ByteString bytes);

    /** Closes the socket once what is queued has been written; later writes are dropped. */
    void close();
}
