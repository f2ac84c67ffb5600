package io.zakka.wire.conn;

import akka.util.ByteString;

/**
 * The write side of one connection's socket. One write at a time: the next one only after the socket stage
 * has answered the previous one with {@link ConnectionActor.WriteAcked} to {@code ackTo}.
 */
public interface Outbound {

    void write(ByteString bytes, akka.actor.ActorRef ackTo);

    /** Closes the socket once what was written (including a write still waiting for its ack) has gone out. */
    void close();
}
