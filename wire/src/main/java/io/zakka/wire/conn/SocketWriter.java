package io.zakka.wire.conn;

import akka.util.ByteString;
import akka.util.ByteStringBuilder;
import java.util.function.BooleanSupplier;

/**
 * The frames of one connection on their way to the socket. A frame is not written at once: the first one asks
 * the connection actor for a flush ({@code scheduleFlush}, a message to itself), which queues behind what is
 * already in its mailbox, so the replies of one burst go out as one write (one system call). Frames queue here
 * too while a write the socket could not take whole is in flight, and go out together when it is acknowledged;
 * so a client that does not read its replies makes {@link #backlogBytes()} grow, and the connection actor stops
 * reading its requests (back-pressure end to end) instead of buffering without bound.
 */
final class SocketWriter {

    private final Outbound out;
    private final Runnable scheduleFlush;
    private final BooleanSupplier quiet;
    private ByteStringBuilder pending = ByteString.createBuilder();
    private boolean flushScheduled;
    private boolean inFlight;
    private boolean closeWhenDrained;
    private boolean closed;

    /**
     * @param quiet whether no request of the connection is waiting for its reply: what is queued (the last reply
     *              due, a watch event) then goes to the socket on the caller's thread ({@link Outbound#write})
     */
    SocketWriter(Outbound out, Runnable scheduleFlush, BooleanSupplier quiet) {
        this.out = out;
        this.scheduleFlush = scheduleFlush;
        this.quiet = quiet;
    }

    void write(ByteString bytes) {
        if (closed || closeWhenDrained) {
            return;
        }
        pending.append(bytes);
        if (!flushScheduled && !inFlight) {
            flushScheduled = true;
            scheduleFlush.run();
        }
    }

    /** The flush asked for by {@code scheduleFlush}: writes what is pending. */
    void flush() {
        flushScheduled = false;
        drain();
    }

    /** The socket finished the write in flight. */
    void acked() {
        inFlight = false;
        drain();
    }

    /** Closes the socket after everything written so far; later writes are dropped. */
    void close() {
        closeWhenDrained = true;
        drain();
    }

    /**
     * Closes the socket now, without waiting or reporting (the connection actor has stopped), also when an orderly
     * close is still on its way: its report would only reach a stopped actor.
     */
    void closeNow() {
        closed = true;
        out.discard();
    }

    /** Bytes queued behind the write in flight. */
    long backlogBytes() {
        return pending.length();
    }

    /** True once the socket has been told to close (everything written before has gone to it). */
    boolean isClosed() {
        return closed;
    }

    private void drain() {
        if (inFlight || closed) {
            return;
        }
        if (pending.length() > 0) {
            ByteString batch = pending.result();
            pending = ByteString.createBuilder();
            inFlight = !out.write(batch, quiet.getAsBoolean());
            if (inFlight) {
                return;
            }
        }
        if (closeWhenDrained) {
            closed = true;
            out.close();
        }
    }
}
