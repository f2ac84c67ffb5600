package io.zakka.storage.durability;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Named moments between the durable steps of the txn log, snapshots and retention where a test can make the
 * server JVM die, deterministically, as {@code kill -9} or a power cut would catch it. For tests only.
 *
 * <p>Armed by the system property {@value #PROPERTY}{@code =<point>[:<n>]}, read once when this class is
 * loaded: the {@code n}-th time (default 1) the JVM reaches {@code <point>} it prints
 * {@code zakka crash point <point> reached (occurrence <n>)} to stderr and ends with
 * {@link Runtime#halt(int) halt}({@value #EXIT_STATUS}), which, like SIGKILL, runs no shutdown hook, closes no
 * file and flushes no buffer of ours. (Bytes already written are in the page cache and survive, as they would
 * a process kill; a power cut could lose them too, which the tests of the formats cover.) Disarmed, {@link #reach}
 * is one comparison of a static final field with a constant, which the JIT folds away.
 *
 * <p>Not a pure core: it ends the process. It reads no clock and draws no random number.
 */
public final class CrashPoints {

    /** The system property that arms one point, e.g. {@code -Dzakka.test.crash-at=snapshot-synced:2}. */
    public static final String PROPERTY = "zakka.test.crash-at";

    /** The exit status of a JVM that died at a crash point (SIGKILL gives 137). */
    public static final int EXIT_STATUS = 86;

    /** The line printed just before halting starts with this. */
    public static final String REACHED = "zakka crash point ";

    /** Every point, in the order a write, a snapshot and retention pass them. */
    public enum Point {
        /** The txn log wrote a batch of records to the segment file but has not forced it: nothing acked yet. */
        LOG_WRITTEN,
        /** The txn log forced the batch (and the directory if a segment was created); no reply has been sent. */
        LOG_SYNCED,
        /** A new log segment was created and its header written; neither it nor the directory is forced yet. */
        LOG_SEGMENT_CREATED,
        /** A snapshot's bytes (nodes, end marker, CRC) are in its temp file, not yet forced. */
        SNAPSHOT_WRITTEN,
        /** The snapshot temp file is forced but still has its temp name. */
        SNAPSHOT_SYNCED,
        /** The snapshot was renamed to its final name; the directory is not forced yet. */
        SNAPSHOT_RENAMED,
        /**
         * Retention deleted one old snapshot (reached after each, so occurrence 1 is the first of a purge); later
         * ones, the directory fsync and the log purge have not happened.
         */
        RETENTION_SNAPSHOT_DELETED,
        /** Retention deleted one old log segment (reached after each); later ones and the directory fsync wait. */
        RETENTION_LOG_DELETED;

        /** The name used in {@value CrashPoints#PROPERTY}: lower case with dashes, e.g. {@code log-written}. */
        public String propertyName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The point named {@code name} ({@link #propertyName()} form); throws for an unknown name. */
        public static Point named(String name) {
            for (Point point : values()) {
                if (point.propertyName().equals(name)) {
                    return point;
                }
            }
            throw new IllegalArgumentException("unknown crash point '" + name + "' in -D" + PROPERTY);
        }
    }

    /** A parsed {@value #PROPERTY} value: halt the {@code occurrence}-th time {@code point} is reached. */
    record Arming(Point point, int occurrence) {
        Arming {
            if (occurrence < 1) {
                throw new IllegalArgumentException("-D" + PROPERTY + " occurrence must be >= 1: " + occurrence);
            }
        }

        /** Parses {@code <point>[:<n>]}; null for an empty value (nothing armed). */
        static Arming parse(String spec) {
            String trimmed = spec.trim();
            if (trimmed.isEmpty()) {
                return null;
            }
            int colon = trimmed.indexOf(':');
            return colon < 0 ? new Arming(Point.named(trimmed), 1)
                    : new Arming(Point.named(trimmed.substring(0, colon)),
                            Integer.parseInt(trimmed.substring(colon + 1)));
        }
    }

    private static final Arming ARMING = Arming.parse(System.getProperty(PROPERTY, ""));
    private static final Point ARMED = ARMING == null ? null : ARMING.point();
    private static int reached;

    private CrashPoints() {
    }

    /** The armed point, or null when none is (the normal case). */
    public static Point armed() {
        return ARMED;
    }

    /** Halts the JVM if {@code point} is armed and this is its armed occurrence; otherwise does nothing. */
    public static void reach(Point point) {
        if (point == ARMED) {
            count(point);
        }
    }

    // Synchronized: the log, snapshot and retention points are reached on different threads.
    private static synchronized void count(Point point) {
        reached++;
        if (reached == ARMING.occurrence()) {
            PrintStream err = System.err;
            err.println(REACHED + point.propertyName() + " reached (occurrence " + reached + ")");
            err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
