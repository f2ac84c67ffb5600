package io.zakka.wire.conn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.wire.conn.ReadDemand.OnReadable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ask-for-a-chunk protocol between a connection actor and the selector thread. */
class ReadDemandTest {

    @Test
    void aNewConnectionReadsItsFirstChunkAndThenNothingUntilAsked() {
        ReadDemand demand = new ReadDemand();
        assertEquals(OnReadable.READ, demand.onReadable());
        assertEquals(OnReadable.STOP_WATCHING, demand.onReadable());
        assertEquals(OnReadable.STOP_WATCHING, demand.onReadable());
    }

    @Test
    void askingBeforeInputArrivesNeedsNoWakeUp() {
        ReadDemand demand = new ReadDemand();
        assertEquals(OnReadable.READ, demand.onReadable());
        assertFalse(demand.ask());
        assertEquals(OnReadable.READ, demand.onReadable());
    }

    @Test
    void askingAfterInputParkedTheSocketAsksTheSelectorToWatchAgainOnce() {
        ReadDemand demand = new ReadDemand();
        assertEquals(OnReadable.READ, demand.onReadable());
        assertEquals(OnReadable.STOP_WATCHING, demand.onReadable());
        assertTrue(demand.ask());
        assertFalse(demand.ask(), "a second ask before the chunk is read changes nothing");
        assertEquals(OnReadable.READ, demand.onReadable());
    }

    @Test
    void aReadThatFindsNothingKeepsTheAsk() {
        ReadDemand demand = new ReadDemand();
        assertEquals(OnReadable.READ, demand.onReadable());
        demand.nothingRead();
        assertEquals(OnReadable.READ, demand.onReadable());
    }

    @Test
    void anEndedConnectionNeverReadsAgainWhateverIsAsked() {
        ReadDemand demand = new ReadDemand();
        demand.end();
        assertFalse(demand.ask());
        demand.nothingRead();
        assertEquals(OnReadable.STOP_WATCHING, demand.onReadable());
    }

    @Test
    void concurrentAsksAndReadinessNeverLoseAnAskNorReadTwicePerAsk() throws Exception {
        // Each round: the actor asks once, the selector polls readiness until it reads; the ask must never be
        // lost (the selector would stop forever) and must be used once.
        ReadDemand demand = new ReadDemand();
        assertEquals(OnReadable.READ, demand.onReadable());
        int rounds = 100_000;
        AtomicInteger readCount = new AtomicInteger();
        Thread actor = new Thread(() -> {
            for (int i = 0; i < rounds; i++) {
                while (readCount.get() < i && !Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                demand.ask();
            }
        });
        actor.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (readCount.get() < rounds && System.nanoTime() < deadline) {
            if (demand.onReadable() == OnReadable.READ) {
                readCount.incrementAndGet();
            }
        }
        actor.interrupt();
        actor.join(30_000);
        assertFalse(actor.isAlive());
        assertEquals(rounds, readCount.get());
        assertEquals(OnReadable.STOP_WATCHING, demand.onReadable(), "no ask left over");
    }
}
