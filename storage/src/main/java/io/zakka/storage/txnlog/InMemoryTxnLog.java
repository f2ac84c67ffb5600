package io.zakka.storage.txnlog;

import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.TxnEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The in-memory twin of {@link FileTxnLog} for the simulator and tests, with the same contract. It keeps
 * synced and unsynced entries apart, and {@link #crash} throws the unsynced ones away, as a power loss
 * would: the bug class that group commit invites.
 */
public final class InMemoryTxnLog implements TxnLog {
    private final List<TxnEntry> entries = new ArrayList<>();
    private int synced;
    private Zxid base = Zxid.ZERO;

    @Override
    public void append(TxnEntry entry) {
        Zxid zxid = entry.header().zxid();
        if (!Zxids.follows(lastZxid(), zxid)) {
            throw new IllegalStateException("txn " + zxid + " does not follow the log's last zxid " + lastZxid());
        }
        entries.add(entry);
    }

    @Override
    public void sync() {
        synced = entries.size();
    }

    /** Loses every entry appended since the last sync. */
    public void crash() {
        entries.subList(synced, entries.size()).clear();
    }

    @Override
    public Zxid lastZxid() {
        return entries.isEmpty() ? base : entries.get(entries.size() - 1).header().zxid();
    }

    @Override
    public Zxid lastSyncedZxid() {
        return synced == 0 ? base : entries.get(synced - 1).header().zxid();
    }

    @Override
    public void readAfter(Zxid after, Consumer<TxnEntry> sink) throws CorruptLogException {
        Zxid previous = after;
        for (TxnEntry entry : entries.subList(0, synced)) {
            Zxid zxid = entry.header().zxid();
            if (zxid.isAfter(after)) {
                if (!Zxids.follows(previous, zxid)) {
                    throw new CorruptLogException("the log has no txns between " + previous + " and " + zxid);
                }
                sink.accept(entry);
                previous = zxid;
            }
        }
    }

    @Override
    public void truncate(Zxid zxid) {
        if (synced != entries.size()) {
            throw new IllegalStateException("truncate with unsynced appends; sync first");
        }
        entries.removeIf(entry -> entry.header().zxid().isAfter(zxid));
        synced = entries.size();
        if (base.isAfter(zxid)) {
            base = zxid;
        }
    }

    @Override
    public void roll() {
        // One list, no segments: nothing to start.
    }

    /** See {@link TxnLog#rebase}: the entries are dropped, as the file log deletes its segments. */
    @Override
    public void rebase(Zxid newBase) {
        if (synced != entries.size() || newBase.compareTo(lastZxid()) < 0) {
            throw new IllegalStateException("cannot rebase the log at " + lastZxid() + " back to " + newBase);
        }
        if (newBase.equals(lastZxid())) {
            return;
        }
        entries.clear();
        synced = 0;
        base = newBase;
    }

    @Override
    public void close() {
        sync();
    }
}
