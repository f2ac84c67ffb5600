package io.zakka.wire.support;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/** A watcher that records what it is given; every wait is bounded. */
public final class Events implements Watcher {

    public static final long WAIT_MS = 15_000;

    private final BlockingQueue<WatchedEvent> queue = new LinkedBlockingQueue<>();

    @Override
    public void process(WatchedEvent event) {
        queue.add(event);
    }

    /** The next event, waiting at most {@link #WAIT_MS}. */
    public WatchedEvent next() {
        try {
            WatchedEvent event = queue.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            if (event == null) {
                fail("no event within " + WAIT_MS + " ms");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event with a node path or of the given state, skipping session-state events without one. */
    public WatchedEvent nextNodeEvent() {
        while (true) {
            WatchedEvent event = next();
            if (event.getType() != Event.EventType.None) {
                return event;
            }
        }
    }

    /** Waits until the session reaches {@code state}, skipping other events. */
    public void awaitState(Event.KeeperState state) {
        while (true) {
            WatchedEvent event = next();
            if (event.getType() == Event.EventType.None && event.getState() == state) {
                return;
            }
        }
    }

    /** Asserts that nothing arrives within {@code ms} (a bounded wait for an absence). */
    public void expectNothingFor(long ms) {
        try {
            assertNull(queue.poll(ms, TimeUnit.MILLISECONDS), "unexpected event");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
