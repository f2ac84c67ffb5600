package io.zakka.wire.conn;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A selector thread of the client port: the first one binds the port (unless it came bound) and accepts; each
 * reads what its connections' actors asked for and finishes the writes they handed over ({@link NioSocket}).
 * Nothing else runs here, so socket I/O never runs on the default dispatcher, and a request crosses one thread
 * (this one to the connection actor's) between the socket and the tree; a reply written while nothing else is
 * outstanding on its connection crosses none (the connection actor writes it).
 *
 * <p>Other threads reach the selector only through {@link #execute}: a task queue and a wake-up, so that every
 * selection key is touched by this thread alone.
 */
public final class SocketLoop implements AutoCloseable {

    /** What the loop reports to its owner, from the loop's thread. */
    public interface Events {
        /** The port is bound to {@code address}, or could not be ({@code failure}); in that case the loop ends. */
        void bound(InetSocketAddress address, Throwable failure);

        /** A new connection; it reads nothing until its socket is {@link Outbound#open opened}. */
        void accepted(Outbound socket, InetSocketAddress remote);

        /** The loop itself failed (not one connection): every connection is closed and the port unbound. */
        void failed(Throwable cause);
    }

    private static final int BACKLOG = 1024;
    /** The most one read takes in; what is left is read once the connection actor asks again. */
    private static final int READ_BUFFER_BYTES = 128 * 1024;

    private final Selector selector;
    /** The port's channel, on the accepting loop only (null on a worker loop, which serves what it is handed). */
    private final ServerSocketChannel server;
    /** Where to bind {@link #server} on the loop's thread; null if it came bound or this is a worker loop. */
    private final InetSocketAddress endpoint;
    private final Events events;
    /** The loops connections are spread over (this one first); only the accepting loop has more than itself. */
    private final SocketLoop[] loops;
    private int nextLoop;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    /** Every connection accepted and not closed yet, registered or not (loop thread only). */
    private final Set<NioSocket> sockets = new HashSet<>();
    private volatile boolean running = true;

    private SocketLoop(ServerSocketChannel server, InetSocketAddress endpoint, Events events, SocketLoop[] workers)
            throws IOException {
        this.selector = Selector.open();
        this.server = server;
        this.endpoint = endpoint;
        this.events = events;
        this.loops = new SocketLoop[workers.length + 1];
        loops[0] = this;
        System.arraycopy(workers, 0, loops, 1, workers.length);
    }

    /**
     * Binds {@code endpoint} on the caller's thread, before there is a loop: connections that arrive before the loop
     * starts wait in the accept backlog (ZooKeeper binds its port before it loads its data, too), instead of being
     * refused, which makes a stock client back off for up to a second.
     */
    public static ServerSocketChannel bind(InetSocketAddress endpoint) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            bind(channel, endpoint);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void bind(ServerSocketChannel channel, InetSocketAddress endpoint) throws IOException {
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(endpoint, BACKLOG);
        channel.configureBlocking(false);
    }

    /**
     * Starts {@code threads} selector threads: the first binds {@code endpoint}, reports the outcome to
     * {@code events} and accepts; connections are spread over all of them, each one's reads and handed-over writes
     * then running on its loop's thread.
     */
    public static SocketLoop start(InetSocketAddress endpoint, Events events, String threadName, int threads)
            throws IOException {
        return start(ServerSocketChannel.open(), endpoint, events, threadName, threads);
    }

    /** As {@link #start(InetSocketAddress, Events, String, int)}, on a port {@link #bind bound} already. */
    public static SocketLoop start(ServerSocketChannel bound, Events events, String threadName, int threads)
            throws IOException {
        return start(bound, null, events, threadName, threads);
    }

    private static SocketLoop start(ServerSocketChannel server, InetSocketAddress endpoint, Events events,
                                    String threadName, int threads) throws IOException {
        if (threads < 1) {
            server.close();
            throw new IllegalArgumentException("a client port needs at least one selector thread, not " + threads);
        }
        SocketLoop[] workers = new SocketLoop[threads - 1];
        try {
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new SocketLoop(null, null, events, new SocketLoop[0]);
            }
            SocketLoop acceptor = new SocketLoop(server, endpoint, events, workers);
            for (int i = 0; i < acceptor.loops.length; i++) {
                acceptor.loops[i].startThread(threadName + "-" + i);
            }
            return acceptor;
        } catch (IOException e) {
            server.close();
            for (SocketLoop worker : workers) {
                if (worker != null) {
                    worker.selector.close();
                }
            }
            throw e;
        }
    }

    private void startThread(String name) {
        Thread thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code task} on the loop's thread; false if the loop has ended (then the task never runs, and every
     * channel the loop accepted is closed or being closed by it).
     */
    boolean execute(Runnable task) {
        if (!running) {
            return false;
        }
        tasks.add(task);
        selector.wakeup();
        return true;
    }

    /** Unbinds the port and closes every connection still open, on every loop; returns at once. */
    @Override
    public void close() {
        for (SocketLoop loop : loops) {
            loop.running = false;
            loop.selector.wakeup();
        }
    }

    private void run() {
        try (ServerSocketChannel port = server) {
            if (port != null && !listen(port)) {
                close();
                return;
            }
            while (running) {
                selector.select();
                runTasks();
                handleSelected(port);
            }
            runTasks();
        } catch (IOException | RuntimeException | Error e) {
            events.failed(e);
        } finally {
            closeAll();
        }
    }

    /** Binds the port unless it came bound, then accepts on it; reports the outcome. */
    private boolean listen(ServerSocketChannel port) {
        try {
            if (endpoint != null) {
                bind(port, endpoint);
            }
            port.register(selector, SelectionKey.OP_ACCEPT);
            events.bound((InetSocketAddress) port.getLocalAddress(), null);
            return true;
        } catch (IOException | RuntimeException e) {
            events.bound(null, e);
            return false;
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void handleSelected(ServerSocketChannel server) throws IOException {
        Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
        while (selected.hasNext()) {
            SelectionKey key = selected.next();
            selected.remove();
            if (key.channel() == server) {
                acceptAll(server);
            } else {
                handleConnection(key);
            }
        }
    }

    private void acceptAll(ServerSocketChannel server) throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
                SocketLoop loop = loops[nextLoop];
                nextLoop = (nextLoop + 1) % loops.length;
                NioSocket socket = new NioSocket(loop, channel);
                if (!loop.execute(() -> loop.sockets.add(socket))) {
                    channel.close();
                    continue;
                }
                events.accepted(socket, remote);
            } catch (IOException e) {
                // The client went away between connecting and being accepted: nothing of it exists yet.
                channel.close();
            }
        }
    }

    private void handleConnection(SelectionKey key) {
        NioSocket socket = (NioSocket) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                socket.onWritable();
            }
            if (key.isValid() && key.isReadable()) {
                socket.onReadable(readBuffer);
            }
        } catch (CancelledKeyException e) {
            // Closed by its connection while selected: nothing left to do for it.
        }
    }

    /** Registers a connection's channel; only on the loop's thread. */
    SelectionKey register(SocketChannel channel, int interest, NioSocket socket) throws IOException {
        return channel.register(selector, interest, socket);
    }

    /** A connection's socket closed; only on the loop's thread. */
    void forget(NioSocket socket) {
        sockets.remove(socket);
    }

    private void closeAll() {
        running = false;
        for (NioSocket socket : sockets) {
            socket.closeOnLoopEnd();
        }
        sockets.clear();
        try {
            selector.close();
        } catch (IOException e) {
            // As above.
        }
    }
}
