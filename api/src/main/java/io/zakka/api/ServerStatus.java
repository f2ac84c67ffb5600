package io.zakka.api;

import io.zakka.protocol.Zxid;

/**
 * What a running server reports about itself. {@code snapshotDirBytes} and {@code logDirBytes} are the sizes of
 * the files in its data dir's snapshot and txn-log directories (0 for a server that keeps its tree in memory);
 * {@code fsyncThresholdExceedCount} counts the txn log syncs slower than {@code zakka.fsync-warning-threshold}
 * (mntr's {@code zk_fsync_threshold_exceed_count}).
 */
public record ServerStatus(Zxid lastZxid, int nodeCount, int sessionCount, int watchCount, int writesInFlight,
                           long snapshotDirBytes, long logDirBytes, long fsyncThresholdExceedCount) {

    public ServerStatus(Zxid lastZxid, int nodeCount, int sessionCount, int watchCount, int writesInFlight) {
        this(lastZxid, nodeCount, sessionCount, watchCount, writesInFlight, 0, 0, 0);
    }

    public ServerStatus withDirSizes(long snapshotBytes, long logBytes) {
        return new ServerStatus(lastZxid, nodeCount, sessionCount, watchCount, writesInFlight, snapshotBytes,
                logBytes, fsyncThresholdExceedCount);
    }

    public ServerStatus withFsyncThresholdExceedCount(long count) {
        return new ServerStatus(lastZxid, nodeCount, sessionCount, watchCount, writesInFlight, snapshotDirBytes,
                logDirBytes, count);
    }
}
