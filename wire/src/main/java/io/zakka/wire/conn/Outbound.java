package io.zakka.wire.conn;

import akka.actor.typed.ActorRef;
import akka.util.ByteString;

/**
 * One connection's socket as its connection actor drives it. Reads are pulled: the socket delivers one chunk
 * ({@link ConnectionActor.Received}) after {@link #open} and then one more after each {@link #readMore}, so a
 * connection that may not read more (before its handshake completes, or with too many requests outstanding)
 * back-pressures its TCP socket. Writes go one at a time: a write the socket could not finish at once is
 * acknowledged with {@link ConnectionActor.WriteAcked} when it has, and the next write waits for that.
 * The end of the input (the peer's half-close, a failure, or the end of our own {@link #close}) is reported as
 * {@link ConnectionActor.InboundEnded}.
 */
public interface Outbound {

    /** Makes {@code handler} the receiver of the socket's events and asks for the first chunk. */
    void open(ActorRef<ConnectionActor.Command> handler);

    /** Asks for the next chunk of input. */
    void readMore();

    /**
     * Writes {@code bytes}, from the handler's thread: at once on that thread if {@code now} (a client waits for
     * them and nothing else is due: a system call on this thread is then cheaper than waking another), else on
     * the socket's own thread, off the handler's.
     *
     * @return true if every byte went to the socket now; false if they go later, acknowledged with
     *         {@link ConnectionActor.WriteAcked} (or the write failed: {@link ConnectionActor.InboundEnded})
     */
    boolean write(ByteString bytes, boolean now);

    /**
     * Closes the socket once what was written (including a write still waiting for its ack) has gone out, then
     * reports {@link ConnectionActor.InboundEnded} without a failure.
     */
    void close();

    /** Closes the socket without reporting anything: its handler has stopped. */
    void discard();
}
