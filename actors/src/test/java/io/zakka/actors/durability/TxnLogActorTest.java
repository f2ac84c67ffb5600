package io.zakka.actors.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.LoggingTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.zakka.actors.pipeline.Committer;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import io.zakka.storage.txnlog.InMemoryTxnLog;
import io.zakka.storage.txnlog.TxnLog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The durable commit seam: a txn is answered only after an fsync covers it, in order, in batches; a sync slower
 * than the warning threshold is logged and counted.
 */
class TxnLogActorTest {
    private static final Duration QUIET = Duration.ofMillis(200);
    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();

    private static TxnEntry entry(int counter) {
        return new TxnEntry(new TxnHeader(1L, counter, new Zxid(1, counter), 0L),
                new Txn.CreateSessionTxn(counter, 10_000));
    }

    /** A log whose sync blocks until the test opens the gate, and that records what each sync covered. */
    private static final class GatedLog implements TxnLog {
        final InMemoryTxnLog log = new InMemoryTxnLog();
        final CountDownLatch gate = new CountDownLatch(1);
        final List<Zxid> syncedUpTo = new ArrayList<>();
        volatile boolean failSync;

        @Override
        public void append(TxnEntry entry) {
            log.append(entry);
        }

        @Override
        public void sync() throws IOException {
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failSync) {
                throw new IOException("No space left on device");
            }
            log.sync();
            syncedUpTo.add(log.lastZxid());
        }

        @Override
        public Zxid lastZxid() {
            return log.lastZxid();
        }

        @Override
        public Zxid lastSyncedZxid() {
            return log.lastSyncedZxid();
        }

        @Override
        public void readAfter(Zxid after, Consumer<TxnEntry> sink) throws IOException {
            log.readAfter(after, sink);
        }

        @Override
        public void truncate(Zxid zxid) {
            log.truncate(zxid);
        }

        @Override
        public void roll() {
            log.roll();
        }

        @Override
        public void rebase(Zxid base) {
            log.rebase(base);
        }

        @Override
        public void close() {
            log.close();
        }
    }

    @Test
    void replyIsSentOnlyAfterFsync() {
        TestProbe<Committer.Committed> replies = kit.createTestProbe();
        GatedLog log = new GatedLog();
        ActorRef<TxnLogActor.Command> actor = kit.spawn(TxnLogActor.create(log, Duration.ofSeconds(1),
                new SlowFsyncs()));
        for (int i = 1; i <= 3; i++) {
            actor.tell(new TxnLogActor.Append(new Committer.Propose(entry(i), replies.getRef())));
        }
        replies.expectNoMessage(QUIET);
        log.gate.countDown();
        for (int i = 1; i <= 3; i++) {
            assertEquals(new Zxid(1, i), replies.receiveMessage().entry().header().zxid());
        }
        assertTrue(log.lastSyncedZxid().compareTo(new Zxid(1, 3)) >= 0);
    }

    @Test
    void proposalsQueuedDuringAnFsyncShareTheNextOne() {
        TestProbe<Committer.Committed> replies = kit.createTestProbe();
        GatedLog log = new GatedLog();
        ActorRef<TxnLogActor.Command> actor = kit.spawn(TxnLogActor.create(log, Duration.ofSeconds(1),
                new SlowFsyncs()));
        for (int i = 1; i <= 200; i++) {
            actor.tell(new TxnLogActor.Append(new Committer.Propose(entry(i), replies.getRef())));
        }
        log.gate.countDown();
        for (int i = 1; i <= 200; i++) {
            assertEquals(new Zxid(1, i), replies.receiveMessage().entry().header().zxid(), "in zxid order");
        }
        assertTrue(log.syncedUpTo.size() < 20, "group commit: " + log.syncedUpTo.size() + " syncs for 200 txns");
    }

    @Test
    void failedFsyncStopsTheLogAndAcknowledgesNothing() {
        TestProbe<Committer.Committed> replies = kit.createTestProbe();
        GatedLog log = new GatedLog();
        log.failSync = true;
        ActorRef<TxnLogActor.Command> actor = kit.spawn(TxnLogActor.create(log, Duration.ofSeconds(1),
                new SlowFsyncs()));
        TestProbe<Object> watcher = kit.createTestProbe();
        actor.tell(new TxnLogActor.Append(new Committer.Propose(entry(1), replies.getRef())));
        log.gate.countDown();
        watcher.expectTerminated(actor, Duration.ofSeconds(5));
        replies.expectNoMessage(QUIET);
    }

    @Test
    void syncSlowerThanTheThresholdIsWarnedAboutAndCounted() {
        TestProbe<Committer.Committed> replies = kit.createTestProbe();
        GatedLog log = new GatedLog();
        SlowFsyncs slow = new SlowFsyncs();
        ActorRef<TxnLogActor.Command> actor = kit.spawn(TxnLogActor.create(log, Duration.ofMillis(50), slow));
        LoggingTestKit.warn("fsync of the txn log took").withMessageContains("for a batch of 1 txns")
                .expect(kit.system(), () -> {
                    actor.tell(new TxnLogActor.Append(new Committer.Propose(entry(1), replies.getRef())));
                    // The gate holds the sync for QUIET (200 ms), four times the threshold.
                    replies.expectNoMessage(QUIET);
                    log.gate.countDown();
                    replies.receiveMessage();
                    return null;
                });
        assertEquals(1, slow.count());
    }

    @Test
    void syncWithinTheThresholdIsNotCounted() {
        TestProbe<Committer.Committed> replies = kit.createTestProbe();
        GatedLog log = new GatedLog();
        log.gate.countDown();
        SlowFsyncs slow = new SlowFsyncs();
        ActorRef<TxnLogActor.Command> actor = kit.spawn(TxnLogActor.create(log, Duration.ofSeconds(10), slow));
        for (int i = 1; i <= 50; i++) {
            actor.tell(new TxnLogActor.Append(new Committer.Propose(entry(i), replies.getRef())));
        }
        replies.receiveSeveralMessages(50);
        assertEquals(0, slow.count());
    }
}
