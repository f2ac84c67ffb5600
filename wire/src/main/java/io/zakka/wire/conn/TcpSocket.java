package io.zakka.wire.conn;

import akka.io.Tcp;
import akka.io.TcpMessage;
import akka.util.ByteString;
import java.io.IOException;
import java.util.Optional;

/**
 * A connection's socket as Akka's I/O layer (akka.io Tcp) exposes it: the I/O layer's connection actor owns the
 * channel and its selector; this class only sends it commands, and {@link #event} turns what it sends back into
 * the connection actor's own messages (through a message adapter, so no extra actor hop).
 *
 * <p>Why akka.io directly rather than akka-stream Tcp on top of it: with streams, every chunk read passed a stream
 * stage and an ask to the connection actor, and every write a source stage, i.e. two more actor hops and a
 * scheduled timeout per request; the connection actor already does the framing and back-pressure itself, so the
 * stream added only cost (the bench's unloaded latency and watch fan-out rows).
 *
 * <p>Pull mode: the connection reads nothing until {@code ResumeReading}; it is bound that way by the listener.
 */
public final class TcpSocket implements Outbound {

    /** The ack of a write, sent by the I/O layer to the write's sender once the bytes are in the socket. */
    static final class WriteAck implements Tcp.Event {
        static final WriteAck INSTANCE = new WriteAck();

        private WriteAck() {
        }
    }

    private final akka.actor.ActorRef connection;

    public TcpSocket(akka.actor.ActorRef connection) {
        this.connection = connection;
    }

    @Override
    public void open(akka.actor.ActorRef handler) {
        // keepOpenOnPeerClosed: a client that shuts down its write side after a four-letter word (nc -N) still gets
        // the answer; the connection actor decides when the socket closes.
        connection.tell(TcpMessage.register(handler, true, false), handler);
        connection.tell(TcpMessage.resumeReading(), handler);
    }

    @Override
    public void readMore() {
        connection.tell(TcpMessage.resumeReading(), akka.actor.ActorRef.noSender());
    }

    @Override
    public void write(ByteString bytes, akka.actor.ActorRef ackTo) {
        connection.tell(TcpMessage.write(bytes, WriteAck.INSTANCE), ackTo);
    }

    @Override
    public void close() {
        connection.tell(TcpMessage.close(), akka.actor.ActorRef.noSender());
    }

    /**
     * What an event of the I/O layer means to the connection actor: input, a write done, or the end of the input.
     * Any end counts as the end of input: the peer's half-close (the actor then closes after its last reply),
     * our own close completing, an abort, an error, or a command the I/O layer refused (a write on a socket that
     * has just failed).
     */
    static ConnectionActor.Command event(Tcp.Event event) {
        if (event instanceof Tcp.Received received) {
            return new ConnectionActor.Received(received.data());
        }
        if (event instanceof WriteAck) {
            return ConnectionActor.WriteAcked.INSTANCE;
        }
        if (event instanceof Tcp.ErrorClosed error) {
            return new ConnectionActor.InboundEnded(Optional.of(new IOException(error.getErrorCause())));
        }
        if (event instanceof Tcp.CommandFailed failed) {
            return new ConnectionActor.InboundEnded(Optional.of(new IOException("the socket refused "
                    + failed.cmd() + failed.causedByString())));
        }
        if (event instanceof Tcp.ConnectionClosed closed) {
            return closed.isAborted() ? new ConnectionActor.InboundEnded(Optional.of(new IOException("aborted")))
                    : new ConnectionActor.InboundEnded(Optional.empty());
        }
        throw new IllegalStateException("unexpected event from the socket: " + event);
    }
}
