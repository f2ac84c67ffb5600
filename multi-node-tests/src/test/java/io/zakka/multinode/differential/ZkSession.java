package io.zakka.multinode.differential;

import io.zakka.protocol.EventType;
import io.zakka.protocol.WatchEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.MultiOperationRecord;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * A stock ZooKeeper client session whose default watcher records every node event, plus one extra:
 * {@link #multiUnvalidated} sends a multi exactly as given, without the client-side validation that
 * {@link ZooKeeper#multi} does first, so that the server's own answer can be seen.
 */
final class ZkSession extends ZooKeeper {

    /** The bound of every wait on ZooKeeper: generous, for a loaded build machine. */
    static final long WAIT_SECONDS = 30;
    private static final int SESSION_TIMEOUT_MS = 30_000;

    private final EventLog log;

    private ZkSession(String connectString, EventLog log) throws IOException {
        super(connectString, SESSION_TIMEOUT_MS, log);
        this.log = log;
    }

    static ZkSession connect(String connectString) throws IOException, InterruptedException {
        EventLog log = new EventLog();
        ZkSession session = new ZkSession(connectString, log);
        if (!log.connected.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            session.close();
            throw new IllegalStateException("no ZooKeeper session within " + WAIT_SECONDS + " s");
        }
        return session;
    }

    List<OpResult> multiUnvalidated(List<Op> ops) throws InterruptedException, KeeperException {
        return multiInternal(new MultiOperationRecord(ops));
    }

    /**
     * The events received so far. A cheap asynchronous read is sent first and awaited: its callback runs
     * on the client's event thread after every event that arrived before its reply, and the server sends
     * the notifications of all earlier txns before that reply.
     */
    List<WatchEvent> drainEvents() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        exists("/", false, (rc, path, ctx, stat) -> done.countDown(), null);
        if (!done.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("ZooKeeper session did not answer within " + WAIT_SECONDS + " s");
        }
        return log.drain();
    }

    /** The default watcher: node events go to the log, state changes only release the connect wait. */
    private static final class EventLog implements Watcher {
        private final CountDownLatch connected = new CountDownLatch(1);
        private final List<WatchEvent> events = new ArrayList<>();

        @Override
        public void process(WatchedEvent event) {
            if (event.getType() == Event.EventType.None) {
                if (event.getState() == Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
                return;
            }
            synchronized (events) {
                events.add(new WatchEvent(EventType.fromCode(event.getType().getIntValue()), event.getPath(),
                        event.getZxid()));
            }
        }

        List<WatchEvent> drain() {
            synchronized (events) {
                List<WatchEvent> copy = List.copyOf(events);
                events.clear();
                return copy;
            }
        }
    }
}
