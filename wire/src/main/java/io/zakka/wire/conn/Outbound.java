package io.zakka.wire.conn;

import akka.util.ByteString;

/**
 * One connection's socket as its connection actor drives it. Reads are pulled: the socket delivers one chunk
 * after {@link #open} and then one more after each {@link #readMore}, so a connection that may not read more
 * (before its handshake completes, or with too many requests outstanding) back-pressures its TCP socket.
 * Writes go one at a time: the next one only after the socket has acknowledged the previous one to the
 * connection actor.
 */
public interface Outbound {

    /** Makes {@code handler} the receiver of the socket's events and asks for the first chunk. */
    void open(akka.actor.ActorRef handler);

    /** Asks for the next chunk of input. */
    void readMore();

    /** Writes {@code bytes}; the socket acknowledges the write to {@code ackTo}. */
    void write(ByteString bytes, akka.actor.ActorRef ackTo);

    /** Closes the socket once what was written (including a write still waiting for its ack) has gone out. */
    void close();
}
