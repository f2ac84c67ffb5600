package io.zakka.wire.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/** Stock ZooKeeper client handles, connected before they are returned (bounded wait). */
public final class Clients {

    public static final int SESSION_TIMEOUT_MS = 4000;

    private Clients() {
    }

    public static ZooKeeper connect(String connectString) {
        return connect(connectString, SESSION_TIMEOUT_MS, new Events());
    }

    public static ZooKeeper connect(String connectString, Watcher watcher) {
        return connect(connectString, SESSION_TIMEOUT_MS, watcher);
    }

    /** A handle whose default watcher is {@code watcher}; returns once the session is SyncConnected. */
    public static ZooKeeper connect(String connectString, int timeoutMs, Watcher watcher) {
        CountDownLatch connected = new CountDownLatch(1);
        try {
            ZooKeeper zk = new ZooKeeper(connectString, timeoutMs, event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
                watcher.process(event);
            });
            if (!connected.await(Events.WAIT_MS, TimeUnit.MILLISECONDS)) {
                zk.close();
                throw new IllegalStateException("no session with " + connectString + " within " + Events.WAIT_MS
                        + " ms");
            }
            return zk;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
