package io.zakka.storage.txnlog;

import io.zakka.protocol.Zxid;

/** The chain rule of logged zxids. */
public final class Zxids {

    private Zxids() {
    }

    /**
     * True when {@code next} may directly follow {@code previous} in a log: the next counter of the same epoch,
     * or the first txn of a later epoch, whose counter is 1. That is how zxids are assigned: a leader of epoch e
     * starts at (e, 0), which is never a txn (ZooKeeper's NEWLEADER; our {@code PrepStage} is given (e, 0)), and
     * proposes (e, 1) first; epochs may skip (a leader may be elected and lose office before it commits anything),
     * counters may not. A standalone Zakka server stays in epoch 0 across restarts and continues the counter of
     * its recovered tree, so its log never changes epoch. A later epoch that starts past 1 means its first txns
     * are missing, and a log with that hole must not be replayed as if complete.
     */
    public static boolean follows(Zxid previous, Zxid next) {
        if (next.epoch() == previous.epoch()) {
            return previous.counter() != -1 && next.counter() == previous.counter() + 1;
        }
        return Integer.compareUnsigned(next.epoch(), previous.epoch()) > 0 && next.counter() == 1;
    }

    /** The file-name form of a zxid: 16 lower-case hex digits, so names sort in zxid order. */
    public static String hex(Zxid zxid) {
        return String.format("%016x", zxid.toLong());
    }

    public static Zxid parseHex(String hex) {
        return Zxid.of(Long.parseUnsignedLong(hex, 16));
    }
}
