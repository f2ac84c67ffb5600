package io.zakka.multinode.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at random moments, restart on the same data dir, repeatedly: every acknowledged write survives, and no
 * write appears half-applied. A forked JVM ({@link CrashChild}) runs the node and a writing client and prints
 * each acknowledgement; this test records them, kills the JVM with SIGKILL (half of the lives as soon as a
 * snapshot is being written, though a random kill may miss it), restarts it and checks the state the recovered
 * node serves. Seeded ({@code -Dcrash.seed=}); bounded by {@link #BUDGET_MS}. The kill at each durable step,
 * snapshots included, is not left to chance: {@link CrashPointRecoveryTest} asserts the server died there.
 */
class CrashRecoveryTest {
    private static final int LIVES = 8;
    private static final long BUDGET_MS = 90_000;

    @TempDir
    Path temp;

    private final AckLedger ledger = new AckLedger();
    private int killsDuringSnapshot;

    @AfterAll
    static void killLeftovers() {
        ChildJvm.killLeftovers();
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAndNothingIsHalfApplied() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryTest seed=" + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Path dataDir = temp.resolve("data");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MS);
        int lives = 0;
        while (lives < LIVES && System.nanoTime() < deadline) {
            ChildJvm child = ChildJvm.start(dataDir, random.nextLong(), Optional.empty());
            ledger.verify(stateOf(child), "seed=" + seed + " life " + lives);
            runThenKill(child, dataDir, random);
            lives++;
        }
        ChildJvm last = ChildJvm.start(dataDir, random.nextLong(), Optional.empty());
        ledger.verify(stateOf(last), "seed=" + seed + " final");
        last.stop();
        System.out.printf("CrashRecoveryTest: %d kills (%d while a snapshot was being written), %d acknowledged"
                + " nodes, last multi %d%n", lives, killsDuringSnapshot, ledger.ackedNodes(), ledger.lastMulti());
        assertTrue(lives >= 3, "too few lives in the time budget: " + lives);
        assertTrue(ledger.ackedNodes() > 50, "too few acknowledged writes: " + ledger.ackedNodes());
    }

    private static Map<String, String[]> stateOf(ChildJvm child) throws InterruptedException {
        Optional<Map<String, String[]>> state = child.readState();
        if (state.isEmpty()) {
            fail("the server JVM ended before READY (exit " + child.process.exitValue() + ")");
        }
        return state.get();
    }

    private void runThenKill(ChildJvm child, Path dataDir, SplittableRandom random) throws Exception {
        long runMs = 300 + random.nextInt(1500);
        boolean atSnapshot = random.nextBoolean();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(runMs);
        while (System.nanoTime() < until) {
            String line = child.lines.poll(atSnapshot ? 1 : 20, TimeUnit.MILLISECONDS);
            if (line != null) {
                ledger.record(line);
            }
            if (atSnapshot && snapshotBeingWritten(dataDir)) {
                break;
            }
        }
        if (snapshotBeingWritten(dataDir)) {
            killsDuringSnapshot++;
        }
        child.kill();
        for (String line = child.lines.poll(); line != null; line = child.lines.poll()) {
            ledger.record(line);
        }
    }

    private static boolean snapshotBeingWritten(Path dataDir) throws IOException {
        Path snapshots = dataDir.resolve("snapshot");
        if (!Files.isDirectory(snapshots)) {
            return false;
        }
        try (Stream<Path> files = Files.list(snapshots)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".tmp"));
        }
    }
}
