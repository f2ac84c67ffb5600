package io.zakka.server;

import java.lang.management.ManagementFactory;

/**
 * Where a start-up's time went, for the start-up log line: from the JVM's launch to {@code main}'s call of
 * {@link StandaloneServer#start} (JVM start, class loading, configuration), then the two parallel branches
 * (recovery from the data dir on its own thread, the node's local ActorSystem on the caller's), how long the
 * caller then waited for recovery, the node and client port start (serving from then on), and then the clustered
 * ActorSystem with Artery, its join and the node's door there.
 */
final class StartupTimes {
    private final long beginNanos;
    private final long beginMillis;
    private volatile long recoveredNanos;
    private long systemNanos;
    private long awaitedNanos;
    private long servedNanos;
    private long joinedNanos;

    private StartupTimes(long beginNanos, long beginMillis) {
        this.beginNanos = beginNanos;
        this.beginMillis = beginMillis;
    }

    static StartupTimes begin() {
        return new StartupTimes(System.nanoTime(), System.currentTimeMillis());
    }

    void recovered() {
        recoveredNanos = System.nanoTime();
    }

    void actorSystemCreated() {
        systemNanos = System.nanoTime();
    }

    void recoveryAwaited() {
        awaitedNanos = System.nanoTime();
    }

    void served() {
        servedNanos = System.nanoTime();
    }

    void clusterJoined() {
        joinedNanos = System.nanoTime();
    }

    /** Called after the ready line: the JVM's own record of its launch is read then, off the start-up path. */
    String summary() {
        long launchMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long jvmMillis = beginMillis - launchMillis;
        return String.format("serving ZooKeeper clients %d ms after the JVM launch, ready %d ms after it: JVM start,"
                        + " class loading and configuration %d ms; then recovery %d ms in parallel with the node's"
                        + " ActorSystem %d ms, %d ms more waiting for recovery; node and client port %d ms; then the"
                        + " clustered ActorSystem, its join and the node's door there %d ms",
                jvmMillis + millis(servedNanos - beginNanos), jvmMillis + millis(joinedNanos - beginNanos),
                jvmMillis, millis(recoveredNanos - beginNanos), millis(systemNanos - beginNanos),
                millis(awaitedNanos - systemNanos), millis(servedNanos - awaitedNanos),
                millis(joinedNanos - servedNanos));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
