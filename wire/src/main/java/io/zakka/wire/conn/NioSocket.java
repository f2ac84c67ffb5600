package io.zakka.wire.conn;

import akka.actor.typed.ActorRef;
import akka.util.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection's non-blocking socket, shared by its connection actor and the {@link SocketLoop}.
 *
 * <p>Reads: the loop reads when the socket is readable and the actor has asked for a chunk ({@link #readMore}),
 * and sends the chunk to the actor. Asking is one atomic step on the actor's thread ({@link ReadDemand}); only a
 * connection whose input arrived before it was asked for has its read interest turned off and needs the loop woken
 * to turn it on again. So a request-reply exchange costs no wake-up of the loop.
 *
 * <p>Writes: when no request of the connection waits for a reply (the last reply due, a watch event), the actor
 * writes on its own thread, straight to the socket (no thread to wake on the way out: the unloaded latency and
 * the watch fan-out). Any other write,
 * and the rest of one the socket could not take whole, goes to the loop, which writes it (when the socket is
 * writable) and then acknowledges it to the actor: under load the system calls then leave the actor's thread,
 * and replies queue behind the write in flight and go out together. The actor never writes while such a write
 * is pending ({@link SocketWriter}), so one thread at a time writes.
 */
final class NioSocket implements Outbound {

    private final SocketLoop loop;
    private final SocketChannel channel;
    private final ReadDemand demand = new ReadDemand();
    /** Set once the handler has been told of a failure, or the socket closed without telling it. */
    private final AtomicBoolean silenced = new AtomicBoolean();
    private volatile ActorRef<ConnectionActor.Command> handler;
    // Loop thread only:
    private SelectionKey key;
    private ByteBuffer unwritten;
    private boolean closeWhenWritten;

    NioSocket(SocketLoop loop, SocketChannel channel) {
        this.loop = loop;
        this.channel = channel;
    }

    @Override
    public void open(ActorRef<ConnectionActor.Command> newHandler) {
        handler = newHandler;
        onLoop(this::register);
    }

    @Override
    public void readMore() {
        if (demand.ask()) {
            onLoop(() -> setInterest(SelectionKey.OP_READ, true));
        }
    }

    @Override
    public boolean write(ByteString bytes, boolean now) {
        ByteBuffer buffer = bytes.asByteBuffer();
        if (now) {
            try {
                channel.write(buffer);
            } catch (IOException e) {
                fail(e);
                return false;
            }
            if (!buffer.hasRemaining()) {
                return true;
            }
        }
        onLoop(() -> writeOnLoop(buffer));
        return false;
    }

    @Override
    public void close() {
        onLoop(this::closeAfterWrites);
    }

    @Override
    public void discard() {
        silenced.set(true);
        onLoop(this::closeNow);
    }

    private void onLoop(Runnable task) {
        if (!loop.execute(task)) {
            // The loop has ended (the port is closed): no task runs any more, so close here.
            silenced.set(true);
            closeChannel();
        }
    }

    private void register() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            key = loop.register(channel, SelectionKey.OP_READ, this);
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Readable: read one chunk if one was asked for, else stop watching for input until it is. */
    void onReadable(ByteBuffer buffer) {
        if (demand.onReadable() == ReadDemand.OnReadable.READ) {
            read(buffer);
        } else {
            setInterest(SelectionKey.OP_READ, false);
        }
    }

    private void read(ByteBuffer buffer) {
        buffer.clear();
        int count;
        try {
            count = channel.read(buffer);
        } catch (IOException e) {
            fail(e);
            return;
        }
        if (count > 0) {
            byte[] bytes = new byte[count];
            buffer.flip().get(bytes);
            handler.tell(new ConnectionActor.Received(bytes));
        } else if (count == 0) {
            demand.nothingRead();
        } else {
            // The client shut down its side: no more input, but replies may still be written.
            demand.end();
            setInterest(SelectionKey.OP_READ, false);
            handler.tell(new ConnectionActor.InboundEnded(Optional.empty()));
        }
    }

    /** A write handed over by the actor: written now as far as the socket takes it, the rest when writable. */
    private void writeOnLoop(ByteBuffer bytes) {
        if (!channel.isOpen()) {
            return;
        }
        unwritten = bytes;
        onWritable();
        if (unwritten != null) {
            setInterest(SelectionKey.OP_WRITE, true);
        }
    }

    void onWritable() {
        if (unwritten == null) {
            setInterest(SelectionKey.OP_WRITE, false);
            return;
        }
        try {
            channel.write(unwritten);
        } catch (IOException e) {
            fail(e);
            return;
        }
        if (!unwritten.hasRemaining()) {
            unwritten = null;
            setInterest(SelectionKey.OP_WRITE, false);
            if (closeWhenWritten) {
                closeAndReport();
            } else {
                handler.tell(ConnectionActor.WriteAcked.INSTANCE);
            }
        }
    }

    private void closeAfterWrites() {
        if (unwritten != null) {
            closeWhenWritten = true;
        } else {
            closeAndReport();
        }
    }

    private void closeAndReport() {
        boolean wasOpen = channel.isOpen();
        closeNow();
        if (wasOpen && !silenced.get()) {
            handler.tell(new ConnectionActor.InboundEnded(Optional.empty()));
        }
    }

    /** The transport failed (reset by the peer, a write to a closed socket): tell the actor once, close. */
    private void fail(IOException cause) {
        if (silenced.compareAndSet(false, true)) {
            handler.tell(new ConnectionActor.InboundEnded(Optional.of(cause)));
        }
        onLoop(this::closeNow);
    }

    private void closeNow() {
        demand.end();
        unwritten = null;
        if (key != null) {
            key.cancel();
        }
        closeChannel();
        loop.forget(this);
    }

    /** The loop is ending (the port closes): close, and tell the actor, if it has not heard of an end yet. */
    void closeOnLoopEnd() {
        demand.end();
        closeChannel();
        ActorRef<ConnectionActor.Command> current = handler;
        if (current != null && silenced.compareAndSet(false, true)) {
            current.tell(new ConnectionActor.InboundEnded(Optional.of(new IOException("the client port closed"))));
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing: the socket is gone either way.
        }
    }

    private void setInterest(int op, boolean on) {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = key.interestOps();
        key.interestOps(on ? ops | op : ops & ~op);
    }
}
