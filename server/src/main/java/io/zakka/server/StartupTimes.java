package io.zakka.server;

import java.lang.management.ManagementFactory;

/**
 * Where a start-up's time went, for the start-up log line: from the JVM's launch to {@code main}'s call of
 * {@link StandaloneServer#start} (JVM start, class loading, configuration), then the two parallel branches
 * (recovery from the data dir on its own thread, the ActorSystem with Artery and the cluster on the caller's),
 * how long the caller then waited for recovery, and the node and client port start.
 */
final class StartupTimes {
    private final long beginNanos;
    private final long beginMillis;
    private volatile long recoveredNanos;
    private long systemNanos;
    private long awaitedNanos;
    private long servedNanos;

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

    /** Called after the ready line: the JVM's own record of its launch is read then, off the start-up path. */
    String summary() {
        long now = servedNanos;
        long launchMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        return String.format("started %d ms after the JVM launch: JVM start, class loading and configuration %d ms;"
                        + " then recovery %d ms in parallel with the ActorSystem %d ms, %d ms more waiting for"
                        + " recovery; node and client port %d ms", beginMillis - launchMillis
                        + millis(now - beginNanos), beginMillis - launchMillis, millis(recoveredNanos - beginNanos),
                millis(systemNanos - beginNanos), millis(awaitedNanos - systemNanos), millis(now - awaitedNanos));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
