package io.zakka.api.client;

import io.zakka.api.client.ClientSession.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The calls a session actor has sent and not yet seen answered, by cxid. Every call gets the same request
 * timeout, so sending order is deadline order: {@link #expired} stops at the first call that has time left, and
 * one periodic sweep replaces a timer per request (a call then costs one map entry).
 */
final class PendingCalls {

    private record Sent(Call call, long deadlineNanos) {
    }

    private final LinkedHashMap<Integer, Sent> byCxid = new LinkedHashMap<>();
    private final long timeoutNanos;

    PendingCalls(Duration requestTimeout) {
        this.timeoutNanos = requestTimeout.toNanos();
    }

    /** Records {@code call}, sent at {@code nowNanos}; cxids must increase from call to call. */
    void sent(int cxid, Call call, long nowNanos) {
        if (byCxid.putIfAbsent(cxid, new Sent(call, nowNanos + timeoutNanos)) != null) {
            throw new IllegalStateException("cxid " + cxid + " is already in flight");
        }
    }

    /** The call answered by the reply for {@code cxid}, or null if it timed out or was never sent. */
    Call answered(int cxid) {
        Sent sent = byCxid.remove(cxid);
        return sent == null ? null : sent.call();
    }

    /** Removes and returns the calls whose deadline is not after {@code nowNanos}, oldest first. */
    List<Call> expired(long nowNanos) {
        List<Call> expired = new ArrayList<>();
        Iterator<Sent> oldestFirst = byCxid.values().iterator();
        while (oldestFirst.hasNext()) {
            Sent sent = oldestFirst.next();
            if (sent.deadlineNanos() - nowNanos > 0) {
                break;
            }
            oldestFirst.remove();
            expired.add(sent.call());
        }
        return expired;
    }

    /** Removes and returns every call in flight. */
    Collection<Call> drain() {
        List<Call> all = byCxid.values().stream().map(Sent::call).toList();
        byCxid.clear();
        return all;
    }

    /** A tenth of the request timeout, between 10 ms and 1 s: how late a timed-out call may learn of it. */
    static Duration sweepInterval(Duration requestTimeout) {
        return Duration.ofMillis(Math.max(10, Math.min(1000, requestTimeout.toMillis() / 10)));
    }
}
