package io.zakka.multinode.differential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The control experiment for the differential harness: two independent ZooKeeper servers given the
 * same steps must never differ. This proves that the normalisation (zxids through step indexes, times
 * through their txns, session ids through slots, sets where ZooKeeper has no order) hides nothing real
 * and flags nothing spurious, so that a difference against Zakka is Zakka's.
 */
class DifferentialHarnessTest {

    /** Fewer steps than the real runs: the control needs to show the normalisation sound, not find bugs. */
    private static final int CONTROL_STEPS = 1000;

    @Test
    @Timeout(120)
    @SuppressWarnings("try") // Target.close() may throw InterruptedException: it closes client sessions.
    void twoZooKeeperServersAgreeOnRandomOperations() throws Exception {
        long seed = Seeds.FIXED[0];
        try (Target reference = new ZooKeeperTarget(new EmbeddedZooKeeper(), true);
             Target twin = new ZooKeeperTarget(new EmbeddedZooKeeper(), true)) {
            new DifferentialRun(seed, CONTROL_STEPS, reference, twin).execute();
        }
    }
}
