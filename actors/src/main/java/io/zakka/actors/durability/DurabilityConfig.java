package io.zakka.actors.durability;

import com.typesafe.config.Config;
import io.zakka.storage.txnlog.LogOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how a node persists its txns and snapshots (the {@code zakka} keys below; defaults in reference.conf).
 *
 * @param dataDir            {@code zakka.data-dir}: empty (null in config) keeps the tree in memory only
 * @param forceSync          {@code zakka.force-sync}: fdatasync before a write is acknowledged; off is for test
 *                           rigs only (a crash of the machine may then lose acknowledged writes)
 * @param snapshotEveryTxns  {@code zakka.snapshot-every-txns}: a snapshot starts after a random number of txns in
 *                           [N/2 + 1, N], drawn anew each time, so servers of an ensemble do not snapshot together
 * @param snapshotsRetained  {@code zakka.snapshots-retained}: snapshots kept (with the log they need); 0 keeps all
 * @param logSegmentBytes    {@code zakka.log-segment-bytes}: a log segment is finished at this size
 * @param preallocateBytes   {@code zakka.preallocate-bytes}: log files grow in steps of this many zero bytes
 * @param snapshotSliceNodes {@code zakka.snapshot-slice-nodes}: nodes the tree keeper copies per step of a
 *                           snapshot; bounds how long one step stops writes
 * @param fsyncWarningThreshold {@code zakka.fsync-warning-threshold}: a txn log sync slower than this is logged
 *                           as a WARN and counted (ZooKeeper's fsync.warningthresholdms, 1 s)
 */
public record DurabilityConfig(Optional<Path> dataDir, boolean forceSync, int snapshotEveryTxns,
                               int snapshotsRetained, long logSegmentBytes, long preallocateBytes,
                               int snapshotSliceNodes, Duration fsyncWarningThreshold) {

    /** Dispatcher of the txn log actor: one thread that does nothing but append and fsync. */
    public static final String LOG_DISPATCHER = "zakka.txn-log-dispatcher";
    /** Dispatcher of the snapshot writer: one thread, so a long snapshot write never delays an fsync. */
    public static final String SNAPSHOT_DISPATCHER = "zakka.snapshot-dispatcher";

    public DurabilityConfig {
        if (snapshotEveryTxns < 2 || snapshotsRetained < 0 || snapshotSliceNodes < 1
                || fsyncWarningThreshold.isNegative()) {
            throw new IllegalArgumentException("need snapshot-every-txns >= 2, snapshots-retained >= 0,"
                    + " snapshot-slice-nodes >= 1 and fsync-warning-threshold >= 0");
        }
        new LogOptions(logSegmentBytes, preallocateBytes, forceSync);
    }

    /** In memory only, with the reference defaults for everything else. */
    public static DurabilityConfig inMemory() {
        return new DurabilityConfig(Optional.empty(), true, 100_000, 3, 64L << 20, 16L << 20, 1_000,
                Duration.ofSeconds(1));
    }

    /** Reads the keys from the {@code zakka} section. */
    public static DurabilityConfig fromConfig(Config zakka) {
        boolean none = !zakka.hasPath("data-dir") || zakka.getIsNull("data-dir")
                || zakka.getString("data-dir").isBlank();
        Optional<Path> dir = none ? Optional.empty() : Optional.of(Path.of(zakka.getString("data-dir")));
        return new DurabilityConfig(dir,
                zakka.getBoolean("force-sync"),
                zakka.getInt("snapshot-every-txns"),
                zakka.getInt("snapshots-retained"),
                zakka.getBytes("log-segment-bytes"),
                zakka.getBytes("preallocate-bytes"),
                zakka.getInt("snapshot-slice-nodes"),
                zakka.getDuration("fsync-warning-threshold"));
    }

    public DurabilityConfig withDataDir(Path dir) {
        return new DurabilityConfig(Optional.of(dir), forceSync, snapshotEveryTxns, snapshotsRetained,
                logSegmentBytes, preallocateBytes, snapshotSliceNodes, fsyncWarningThreshold);
    }

    public DurabilityConfig withSnapshotEveryTxns(int txns) {
        return new DurabilityConfig(dataDir, forceSync, txns, snapshotsRetained, logSegmentBytes, preallocateBytes,
                snapshotSliceNodes, fsyncWarningThreshold);
    }

    public DurabilityConfig withForceSync(boolean force) {
        return new DurabilityConfig(dataDir, force, snapshotEveryTxns, snapshotsRetained, logSegmentBytes,
                preallocateBytes, snapshotSliceNodes, fsyncWarningThreshold);
    }

    public DurabilityConfig withFsyncWarningThreshold(Duration threshold) {
        return new DurabilityConfig(dataDir, forceSync, snapshotEveryTxns, snapshotsRetained, logSegmentBytes,
                preallocateBytes, snapshotSliceNodes, threshold);
    }

    public LogOptions logOptions() {
        return new LogOptions(logSegmentBytes, preallocateBytes, forceSync);
    }
}
