package io.zakka.actors.durability;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many txn log syncs took longer than {@code zakka.fsync-warning-threshold} (ZooKeeper's
 * {@code fsync.warningthresholdms}), over the node's life: mntr's {@code zk_fsync_threshold_exceed_count}
 * (ZooKeeper 3.4 and 3.5 print it under that name; 3.6 and later keep the count but show it only over JMX, as
 * {@code FsyncThresholdExceedCount}).
 * The txn log actor counts on its own thread and status readers read from theirs, hence the atomic; it is a
 * monotonic counter, so a reader may be one sync behind and never sees a value go back.
 */
public final class SlowFsyncs {
    private final AtomicLong count = new AtomicLong();

    public long count() {
        return count.get();
    }

    void add() {
        count.incrementAndGet();
    }
}
