package io.zakka.multinode.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.storage.durability.CrashPoints;
import io.zakka.storage.durability.CrashPoints.Point;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server dies at every durable step, deterministically, and loses nothing it acknowledged: for each
 * {@link CrashPoints crash point} in turn, a {@link CrashChild} JVM is started on the same data dir with the point
 * armed and writes (creates, setData, multis) until it halts there; the test asserts it died at that point (exit
 * status and the line it printed), restarts it (the next life, and at last one with nothing armed), and checks
 * that every acknowledged write is present, that nothing is half-applied, and that the restarted server serves
 * writes. Seeded ({@code -Dcrash.seed=}); every wait bounded.
 */
class CrashPointRecoveryTest {
    /** How long one life may write before its point must have been reached. */
    private static final long LIFE_SECONDS = 60;
    /** Acknowledged writes the last, unarmed life must serve. */
    private static final int SERVED_AFTER_LAST_CRASH = 50;
    /**
     * The lives in order, each ended by its armed point. The log points wait for the 20th sync so that the crash
     * falls among the client's writes rather than in the session's opening; snapshots come every 201..400 txns
     * and retention needs more than three snapshots, which the lives before it leave behind.
     */
    private static final List<String> PLAN = List.of(
            arm(Point.LOG_WRITTEN, 20), arm(Point.LOG_SYNCED, 20), arm(Point.LOG_SEGMENT_CREATED, 1),
            arm(Point.SNAPSHOT_WRITTEN, 1), arm(Point.SNAPSHOT_SYNCED, 1), arm(Point.SNAPSHOT_RENAMED, 1),
            arm(Point.RETENTION_SNAPSHOT_DELETED, 1), arm(Point.RETENTION_LOG_DELETED, 1));

    @TempDir
    Path temp;

    private final AckLedger ledger = new AckLedger();

    @AfterAll
    static void killLeftovers() {
        ChildJvm.killLeftovers();
    }

    private static String arm(Point point, int occurrence) {
        return point.propertyName() + ":" + occurrence;
    }

    @Test
    void serverKilledAtEveryDurableStepKeepsEveryAcknowledgedWriteAndServes() throws Exception {
        assertEquals(Point.values().length, PLAN.size(), "every crash point has a life in the plan");
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashPointRecoveryTest seed=" + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Path dataDir = temp.resolve("data");
        for (String armed : PLAN) {
            ChildJvm child = ChildJvm.start(dataDir, random.nextLong(), Optional.of(armed));
            String context = "seed=" + seed + " life armed at " + armed;
            child.readState().ifPresent(state -> ledger.verify(state, context));
            int acksBefore = ledger.acks();
            writeUntilDeath(child, context);
            assertEquals(CrashPoints.EXIT_STATUS, child.awaitExit(30), context + ": exit status (" + CrashChild.FAILED
                    + ": start-up failed, " + CrashChild.NODE_STOPPED + ": the node stopped; see the [child] lines)");
            String point = armed.substring(0, armed.indexOf(':'));
            assertTrue(child.crashLine() != null && child.crashLine().startsWith(CrashPoints.REACHED + point + " "),
                    context + ": died at " + child.crashLine());
            System.out.printf("CrashPointRecoveryTest: died at %s after %d acknowledged writes%n", armed,
                    ledger.acks() - acksBefore);
        }
        ChildJvm last = ChildJvm.start(dataDir, random.nextLong(), Optional.empty());
        Map<String, String[]> state = last.readState().orElseThrow(
                () -> new AssertionError("the unarmed server JVM ended before READY"));
        ledger.verify(state, "seed=" + seed + " after the last crash");
        int acksBefore = ledger.acks();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIFE_SECONDS);
        while (ledger.acks() - acksBefore < SERVED_AFTER_LAST_CRASH && System.nanoTime() < deadline) {
            String line = last.lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                ledger.record(line);
            }
        }
        last.stop();
        assertTrue(ledger.acks() - acksBefore >= SERVED_AFTER_LAST_CRASH, "the recovered server served only "
                + (ledger.acks() - acksBefore) + " writes in " + LIFE_SECONDS + " s");
    }

    /** Records the child's acknowledgements until its JVM ends; fails if it is still alive after a life's time. */
    private void writeUntilDeath(ChildJvm child, String context) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIFE_SECONDS);
        while (child.process.isAlive() && System.nanoTime() < deadline) {
            String line = child.lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                ledger.record(line);
            }
        }
        if (child.process.isAlive()) {
            child.kill();
            throw new AssertionError(context + ": the armed point was not reached in " + LIFE_SECONDS + " s ("
                    + ledger.acks() + " acknowledged writes so far)");
        }
        child.awaitExit(30);
        for (String line = child.lines.poll(); line != null; line = child.lines.poll()) {
            ledger.record(line);
        }
    }
}
