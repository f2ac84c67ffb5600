package io.zakka.wire.conn;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the four-letter words show about one connection. Its connection actor is the only writer (the
 * writers are public for tests that build a view); the four-letter words read it from another connection's
 * actor, hence the atomics and volatiles: a reader may see a slightly stale, never a torn, value.
 */
public final class ConnectionStats {

    private final String remote;
    private final long establishedMs;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile long sessionId;
    private volatile int timeoutMs;
    private volatile int outstanding;
    private volatile int lastCxid;
    private volatile long lastZxid;
    private volatile WatchView watches = WatchView.NONE;

    /** The watches of a connection, read when a four-letter word asks. */
    public interface WatchView {
        WatchView NONE = new WatchView() {
            @Override
            public Set<String> paths() {
                return Set.of();
            }

            @Override
            public int count() {
                return 0;
            }
        };

        /** Every watched path once. */
        Set<String> paths();

        /** Watches of every kind. */
        int count();
    }

    public ConnectionStats(String remote, long establishedMs) {
        this.remote = remote;
        this.establishedMs = establishedMs;
    }

    public void received(int cxid) {
        received.incrementAndGet();
        lastCxid = cxid;
    }

    public void sent(long zxid) {
        sent.incrementAndGet();
        if (zxid > 0) {
            lastZxid = zxid;
        }
    }

    public void session(long id, int timeout) {
        sessionId = id;
        timeoutMs = timeout;
    }

    public void outstanding(int count) {
        outstanding = count;
    }

    public void watches(WatchView view) {
        watches = view;
    }

    public String remote() {
        return remote;
    }

    public long establishedMs() {
        return establishedMs;
    }

    public long received() {
        return received.get();
    }

    public long sent() {
        return sent.get();
    }

    public long sessionId() {
        return sessionId;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    public int outstanding() {
        return outstanding;
    }

    public int lastCxid() {
        return lastCxid;
    }

    public long lastZxid() {
        return lastZxid;
    }

    public Set<String> watchedPaths() {
        return watches.paths();
    }

    public int watchCount() {
        return watches.count();
    }
}
