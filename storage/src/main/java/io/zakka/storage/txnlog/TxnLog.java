package io.zakka.storage.txnlog;

import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.TxnEntry;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The txn log of one server: an append-only sequence of entries in zxid order.
 *
 * <p>Contract: {@link #append} only buffers; an entry is durable once a later {@link #sync} returns, and
 * not before. A caller acknowledges a txn to anyone only after the sync that covers it (group commit:
 * append a batch, sync once, release the batch). Every failure is an {@link IOException} that the owner
 * must treat as fatal for the node (ZOOKEEPER-3701: a storage error that is ignored ends in split brain).
 *
 * <p>Invariant, checked on append and again when the log is read back: zxids form a chain, each entry
 * {@link Zxids#follows following} the one before it. Not thread-safe: one owner thread.
 */
public interface TxnLog extends Closeable {

    /** Buffers {@code entry}; throws {@link IllegalStateException} if it does not follow {@link #lastZxid()}. */
    void append(TxnEntry entry) throws IOException;

    /** Makes every appended entry durable (fdatasync unless force-sync is off). */
    void sync() throws IOException;

    /** The last appended zxid (synced or not), or the base the log was opened or rebased at. */
    Zxid lastZxid();

    /** The last zxid that {@link #sync} made durable. */
    Zxid lastSyncedZxid();

    /** Feeds {@code sink} every synced entry with a zxid after {@code after}, in order (for replay and DIFF). */
    void readAfter(Zxid after, Consumer<TxnEntry> sink) throws IOException;

    /** The synced entries after {@code after}. */
    default List<TxnEntry> readAfter(Zxid after) throws IOException {
        List<TxnEntry> entries = new ArrayList<>();
        readAfter(after, entries::add);
        return entries;
    }

    /**
     * Drops every entry after {@code zxid} (Zab's TRUNC) durably; unsynced appends must have been synced
     * first. Afterwards {@link #lastZxid()} is the last kept zxid.
     */
    void truncate(Zxid zxid) throws IOException;

    /** Starts a new segment with the next append (a no-op for logs without segments). */
    void roll() throws IOException;

    /**
     * Restarts the log after {@code base}: a durable snapshot at {@code base} covers everything, so every entry
     * in the log (all at or before {@code base}) is dropped, durably for a file log, and the next append must
     * {@link Zxids#follows follow} {@code base}. Afterwards {@link #lastZxid()} and {@link #lastSyncedZxid()} are
     * {@code base}, and reads start at {@code base} (reading from before it finds the gap and throws).
     *
     * <p>For recovery when the log ends before the newest snapshot (and, later, for a snapshot received from a
     * leader). Keeping the old entries would leave a hole between them and {@code base}, and a log with a hole is
     * refused at the next start: dropping them is what keeps the data dir recoverable. Only forward, and only
     * with nothing unsynced; a no-op when {@code base} is already the last zxid. The caller must have made the
     * snapshot at {@code base} durable first.
     */
    void rebase(Zxid base) throws IOException;
}
