package io.zakka.wire.conn;

import akka.util.ByteString;
import akka.util.ByteStringBuilder;

/**
 * The frames of one connection on their way to the socket. Frames queue here while a write is in flight and
 * go out together, as one write, when it is acknowledged; so a client that does not read its replies makes
 * {@link #backlogBytes()} grow, and the connection actor stops reading its requests (back-pressure end to end)
 * instead of buffering without bound.
 */
final class SocketWriter {

    private final Outbound out;
    private final akka.actor.ActorRef ackTo;
    private ByteStringBuilder pending = ByteString.createBuilder();
    private boolean inFlight;
    private boolean closeWhenDrained;
    private boolean closed;

    SocketWriter(Outbound out, akka.actor.ActorRef ackTo) {
        this.out = out;
        this.ackTo = ackTo;
    }

    void write(ByteString bytes) {
        if (closed || closeWhenDrained) {
            return;
        }
        pending.append(bytes);
        flush();
    }

    void acked() {
        inFlight = false;
        flush();
    }

    /** Closes the socket after everything written so far; later writes are dropped. */
    void close() {
        closeWhenDrained = true;
        flush();
    }

    /** Closes the socket now (after the write in flight, if any); what is still queued is dropped. */
    void closeNow() {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    /** Bytes queued behind the write in flight. */
    long backlogBytes() {
        return pending.length();
    }

    /** True once the socket has been told to close (everything written before has gone to it). */
    boolean isClosed() {
        return closed;
    }

    private void flush() {
        if (inFlight || closed) {
            return;
        }
        if (pending.length() > 0) {
            ByteString batch = pending.result();
            pending = ByteString.createBuilder();
            inFlight = true;
            out.write(batch, ackTo);
        } else if (closeWhenDrained) {
            closed = true;
            out.close();
        }
    }
}
