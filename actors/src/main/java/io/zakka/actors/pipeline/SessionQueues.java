package io.zakka.actors.pipeline;

import io.zakka.protocol.PureCore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-session FIFO ordering of the request pipeline (ZooKeeper's {@code CommitProcessor} rule), as a pure
 * core: no Akka, no clock, no logger.
 *
 * <p>A session's requests complete in the order they arrived. Writes are prepped (and proposed) as soon as
 * they arrive, so several writes of a session can be in flight; everything else of that session (a read, a
 * session op, the error reply of a rejected write) waits until the session's earlier writes have been
 * applied. Other sessions are never held up: each session has its own queue.
 *
 * <p>Each queue holds entries in arrival order: <em>waiting</em> entries (a write in flight, known by its
 * zxid, carrying a {@code W} to run when it commits) and <em>ready</em> entries (an {@code R} that can run
 * as soon as everything before it has run).
 *
 * <p>Invariants (violations throw {@link IllegalStateException}):
 * <ul>
 *   <li>a non-empty queue starts with a waiting entry: ready entries never sit at the head, because they
 *       are handed back to run the moment nothing is in front of them;</li>
 *   <li>the waiting entries of a session have strictly increasing zxids, so a session's writes commit in
 *       the order they were proposed;</li>
 *   <li>a commit never skips a waiting write of the session.</li>
 * </ul>
 *
 * @param <W> what to run when a write commits (typically: send its reply)
 * @param <R> what to run when a request's turn comes (typically: serve a read)
 */
@PureCore
public final class SessionQueues<W, R> {

    private sealed interface Entry<W, R> permits Waiting, Ready {
    }

    private record Waiting<W, R>(long zxid, W onCommit) implements Entry<W, R> {
    }

    private record Ready<W, R>(R item) implements Entry<W, R> {
    }

    /** What a commit releases: the committed write's {@code W}, then the ready items now at the front. */
    public record Released<W, R>(W write, List<R> then) {
    }

    private final Map<Long, Deque<Entry<W, R>>> queues = new HashMap<>();
    private int waitingWrites;

    /**
     * Records a proposed write of the session. Its zxid must be after the session's other waiting writes.
     */
    public void awaitCommit(long sessionId, long zxid, W onCommit) {
        Deque<Entry<W, R>> queue = queues.computeIfAbsent(sessionId, id -> new ArrayDeque<>());
        for (Entry<W, R> entry : queue) {
            if (entry instanceof Waiting<W, R> waiting && Long.compareUnsigned(waiting.zxid(), zxid) >= 0) {
                throw new IllegalStateException("session 0x" + Long.toHexString(sessionId) + " proposed zxid 0x"
                        + Long.toHexString(zxid) + " after 0x" + Long.toHexString(waiting.zxid()));
            }
        }
        queue.addLast(new Waiting<>(zxid, onCommit));
        waitingWrites++;
    }

    /**
     * Queues {@code item} behind the session's waiting writes. When the session has none, nothing is queued
     * and the item is handed back to run now.
     */
    public Optional<R> enqueue(long sessionId, R item) {
        Deque<Entry<W, R>> queue = queues.get(sessionId);
        if (queue == null) {
            return Optional.of(item);
        }
        queue.addLast(new Ready<>(item));
        return Optional.empty();
    }

    /**
     * The write {@code zxid} of the session was committed and applied. When it is the session's first
     * waiting write, it and the ready items up to the next waiting write are released, in order. When the
     * session has no waiting write that old, the txn came from elsewhere (another server's client) and
     * nothing is released.
     *
     * @throws IllegalStateException when an earlier waiting write of the session was skipped
     */
    public Optional<Released<W, R>> committed(long sessionId, long zxid) {
        Deque<Entry<W, R>> queue = queues.get(sessionId);
        if (queue == null) {
            return Optional.empty();
        }
        if (!(queue.peekFirst() instanceof Waiting<W, R> head)) {
            throw new IllegalStateException("queue of session 0x" + Long.toHexString(sessionId)
                    + " starts with a ready entry");
        }
        int order = Long.compareUnsigned(head.zxid(), zxid);
        if (order > 0) {
            return Optional.empty();
        }
        if (order < 0) {
            throw new IllegalStateException("commit of 0x" + Long.toHexString(zxid) + " skipped the write 0x"
                    + Long.toHexString(head.zxid()) + " of session 0x" + Long.toHexString(sessionId));
        }
        queue.removeFirst();
        waitingWrites--;
        List<R> then = new ArrayList<>();
        while (queue.peekFirst() instanceof Ready<W, R> ready) {
            queue.removeFirst();
            then.add(ready.item());
        }
        if (queue.isEmpty()) {
            queues.remove(sessionId);
        }
        return Optional.of(new Released<>(head.onCommit(), Collections.unmodifiableList(then)));
    }

    /** True when the session has nothing waiting: a new request of it would run at once. */
    public boolean isIdle(long sessionId) {
        return !queues.containsKey(sessionId);
    }

    /** The number of writes proposed and not yet committed, over all sessions. */
    public int waitingWrites() {
        return waitingWrites;
    }

    /** The number of sessions with something queued. */
    public int busySessions() {
        return queues.size();
    }
}
