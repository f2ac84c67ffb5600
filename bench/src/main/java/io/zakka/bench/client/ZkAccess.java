package io.zakka.bench.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/** Sessions of the stock Apache ZooKeeper 3.9.5 Java client, async API, to {@code connectString}. */
public record ZkAccess(String connectString) implements Access {

    private static final int SESSION_TIMEOUT_MS = 30_000;

    @Override
    public BenchClient open(Duration timeout) throws IOException, InterruptedException {
        if (!listening()) {
            throw new IOException("nothing listens at " + connectString);
        }
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            closeInBackground(zk);
            throw new IOException("no ZooKeeper session with " + connectString + " within " + timeout);
        }
        return new Session(zk);
    }

    @Override
    public void close() {
    }

    /**
     * Closes a client that never connected without waiting for it: its close would queue a closeSession behind
     * the connection attempts and could block for a session timeout.
     */
    private static void closeInBackground(ZooKeeper zk) {
        Thread closer = new Thread(() -> {
            try {
                zk.close(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-zk-close");
        closer.setDaemon(true);
        closer.start();
    }

    /** Whether any of the servers accepts a TCP connection (a quick check before a session attempt). */
    private boolean listening() {
        for (String hostPort : connectString.split(",")) {
            int colon = hostPort.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                        Integer.parseInt(hostPort.substring(colon + 1))), 1_000);
                return true;
            } catch (IOException e) {
                continue;
            }
        }
        return false;
    }

    private record Session(ZooKeeper zk) implements BenchClient {

        @Override
        public void getData(String path, Done done) {
            zk.getData(path, false, (rc, p, ctx, data, stat) -> done.complete(error(rc), p), null);
        }

        @Override
        public void setData(String path, byte[] data, Done done) {
            zk.setData(path, data, -1, (rc, p, ctx, stat) -> done.complete(error(rc), p), null);
        }

        @Override
        public void create(String path, byte[] data, boolean sequential, Done done) {
            zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    sequential ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT,
                    (rc, p, ctx, name) -> done.complete(error(rc), name), null);
        }

        @Override
        public void delete(String path, Done done) {
            zk.delete(path, -1, (rc, p, ctx) -> done.complete(error(rc), p), null);
        }

        @Override
        public void watchData(String path, Runnable onEvent, Done done) {
            zk.getData(path, event -> {
                if (event.getType() == Watcher.Event.EventType.NodeDataChanged) {
                    onEvent.run();
                }
            }, (rc, p, ctx, data, stat) -> done.complete(error(rc), p), null);
        }

        @Override
        public void close() {
            try {
                zk.close(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String error(int rc) {
            return rc == 0 ? null : KeeperException.Code.get(rc).name();
        }
    }
}
