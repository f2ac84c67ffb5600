package io.zakka.multinode.differential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The differential test: seeded random sequences of operations (create in all seven modes, delete,
 * setData, setACL with versions, multi, reads, watches, auth, invalid inputs, /zookeeper paths) run
 * against a real, embedded Apache ZooKeeper 3.9.5 and against Zakka, comparing after every step the
 * result, the error code, every Stat field, data, children, ACLs and each session's watch events.
 * A difference fails with {@code seed=<n>} and the last steps; {@code -Ddiff.seed=<n>} replays it.
 */
class ZakkaMatchesZooKeeperTest {

    @Test
    @Timeout(300)
    void zakkaTreeMatchesZooKeeperOnRandomOperations() throws Exception {
        DifferentialRun.runSeeds(StorageTarget::new);
    }

    /** The same, with runs of consecutive writes all prepped before the first is applied. */
    @Test
    @Timeout(300)
    void zakkaTreeWithPipelinedPrepMatchesZooKeeperOnRandomOperations() throws Exception {
        DifferentialRun.runSeeds(() -> new StorageTarget(true));
    }

    @Test
    @Timeout(600)
    void zakkaServerMatchesZooKeeperOnRandomOperations() throws Exception {
        DifferentialRun.runSeeds(ServerTarget::new);
    }

    /** The same, with each session's runs of consecutive writes sent without waiting for the replies. */
    @Test
    @Timeout(600)
    void zakkaServerWithPipelinedWritesMatchesZooKeeperOnRandomOperations() throws Exception {
        DifferentialRun.runSeeds(() -> new ServerTarget(true));
    }
}
