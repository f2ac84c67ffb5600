package io.zakka.storage.txnlog;

/**
 * Settings of a file txn log.
 *
 * @param segmentBytes     a new segment starts with the first append after a segment reaches this size
 * @param preallocateBytes the file grows in steps of this many zero bytes (0: no pre-allocation), so that
 *                         most appends do not change the file size and fdatasync need not write metadata
 * @param forceSync        fdatasync on every sync; off only for test rigs, where a crash may lose
 *                         acknowledged writes
 */
public record LogOptions(long segmentBytes, long preallocateBytes, boolean forceSync) {
    public static final LogOptions DEFAULTS = new LogOptions(64L << 20, 16L << 20, true);

    public LogOptions {
        if (segmentBytes < LogSegments.HEADER_BYTES || preallocateBytes < 0) {
            throw new IllegalArgumentException("bad log options: segment " + segmentBytes + " B, preallocate "
                    + preallocateBytes + " B");
        }
    }
}
