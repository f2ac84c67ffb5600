package io.zakka.api.client;

import io.zakka.protocol.PureCore;

/**
 * When an open client session has to act to stay alive, as ZooKeeper's client decides it: a Ping when nothing
 * was sent for a third of the session timeout; after 2/3 of it without hearing from a server the session is
 * disconnected and re-attaches to a server; after 4/3 of it the session counts as expired locally
 * (ZOOKEEPER-4508). Time comes in as {@code nowNanos} from a monotonic clock.
 */
@PureCore
final class SessionLiveness {

    /** What the session does at a heartbeat tick. */
    enum Due { NOTHING, PING, RESUME, EXPIRE }

    private final long timeoutNanos;
    private long lastSentNanos;
    private long lastHeardNanos;

    /** A session with {@code timeoutMs}, opened (sent to and heard from) at {@code nowNanos}. */
    SessionLiveness(int timeoutMs, long nowNanos) {
        this.timeoutNanos = timeoutMs * 1_000_000L;
        this.lastSentNanos = nowNanos;
        this.lastHeardNanos = nowNanos;
    }

    /** Something went to a server. */
    void sent(long nowNanos) {
        lastSentNanos = nowNanos;
    }

    /** Something came from a server. */
    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    Due due(long nowNanos) {
        long silent = nowNanos - lastHeardNanos;
        if (silent > timeoutNanos * 4 / 3) {
            return Due.EXPIRE;
        }
        if (silent > timeoutNanos * 2 / 3) {
            return Due.RESUME;
        }
        return nowNanos - lastSentNanos >= timeoutNanos / 3 ? Due.PING : Due.NOTHING;
    }
}
