package io.zakka.multinode.differential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The differential test: seeded random sequences of steps run against a real, embedded Apache ZooKeeper
 * 3.9.5 (driven by the stock client) and against Zakka, comparing after every step the result, the error
 * code, the returned path (sequential suffixes), data, children, ACLs, all eleven Stat fields and every
 * session's watch events, plus both whole trees every {@link DifferentialRun#DUMP_EVERY} steps.
 *
 * <p>The steps ({@link OpGenerator}): create in all seven modes (TTLs valid and not, data null, empty,
 * small or near the 1 MiB limit, valid and invalid ACLs), delete / setData / setACL / check with right,
 * wrong and -1 versions, multi (0-5 ops, often failing in the middle), exists / getData / getChildren(2)
 * with and without watches, getACL, getAllChildrenNumber, getEphemerals, multiRead, addWatch (persistent
 * and recursive), digest auth (also the super user), session close and reopen, the container/TTL
 * reaper, invalid paths and the /zookeeper system nodes, from three sessions over a small path universe.
 * The targets with a client library (ZakkaClient, the wire gateway) add whoAmI, sync and removeWatches;
 * the storage targets add the reaper, run at a virtual time.
 *
 * <p>A difference fails with {@code seed=<n>}, what differed and the last steps; {@code -Ddiff.seed=<n>}
 * replays it ({@code -Ddiff.seed=1,2,3}, {@code -Ddiff.steps=N}, {@code -Ddiff.maxDifferences=N} to list
 * more than the first). Findings are in docs/differential-findings.md.
 */
class ZakkaMatchesZooKeeperTest {

    /**
     * How many of {@link Seeds#FIXED} each target runs besides the fresh seed, to keep the whole class
     * around a minute on the 2-core build machine: the server and wire targets take 6-10 s per seed
     * (actor and socket round trips, event drains), the storage targets 3-4 s.
     */
    private static final int SERVER_FIXED_SEEDS = 1;
    private static final int STORAGE_FIXED_SEEDS = 2;

    /** Storage driven directly: each write prepped and applied before the next step. */
    @Test
    @Timeout(300)
    void zakkaTreeMatchesZooKeeperOnRandomOperations() throws Exception {
        DifferentialRun.runSeeds(Seeds.toRun(STORAGE_FIXED_SEEDS), StorageTarget::new);
    }

    /** Storage with runs of consecutive writes and session closes all prepped before the first is applied. */
    @Test
    @Timeout(300)
    void zakkaTreeWithPipelinedPrepMatchesZooKeeperOnRandomOperations() throws Exception {
        DifferentialRun.runSeeds(Seeds.toRun(STORAGE_FIXED_SEEDS), () -> new StorageTarget(true));
    }

    /** A ZakkaServer in an ActorSystem, driven through ZakkaClient sessions, one request at a time. */
    @Test
    @Timeout(600)
    void zakkaServerMatchesZooKeeperOnRandomOperations() throws Exception {
        DifferentialRun.runSeeds(Seeds.toRun(SERVER_FIXED_SEEDS), ServerTarget::new);
    }

    /**
     * Stock ZooKeeper clients on a ZakkaServer's ZooKeeper wire gateway, exactly as on ZooKeeper, also with
     * the client calls whose replies Zakka's other targets cannot show (the 4-argument create).
     */
    @Test
    @Timeout(600)
    void zakkaWireGatewayMatchesZooKeeperOnRandomOperations() throws Exception {
        DifferentialRun.runSeeds(Seeds.toRun(SERVER_FIXED_SEEDS),
                () -> new ZooKeeperTarget(new EmbeddedZooKeeper(), true),
                () -> new ZooKeeperTarget(new ZakkaWireBackend(), true));
    }

    /** The same, with each session's runs of consecutive writes sent without waiting for the replies. */
    @Test
    @Timeout(600)
    void zakkaServerWithPipelinedWritesMatchesZooKeeperOnRandomOperations() throws Exception {
        DifferentialRun.runSeeds(Seeds.toRun(SERVER_FIXED_SEEDS), () -> new ServerTarget(true));
    }
}
