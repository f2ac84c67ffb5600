package io.zakka.storage.txnlog;

import io.zakka.protocol.Zxid;

/** The chain rule of logged zxids. */
public final class Zxids {

    private Zxids() {
    }

    /**
     * True when {@code next} may directly follow {@code previous} in a log: the next counter of the same
     * epoch, or any zxid of a later epoch (a new leader starts its own counter).
     */
    public static boolean follows(Zxid previous, Zxid next) {
        if (next.epoch() == previous.epoch()) {
            return previous.counter() != -1 && next.counter() == previous.counter() + 1;
        }
        return Integer.compareUnsigned(next.epoch(), previous.epoch()) > 0;
    }

    /** The file-name form of a zxid: 16 lower-case hex digits, so names sort in zxid order. */
    public static String hex(Zxid zxid) {
        return String.format("%016x", zxid.toLong());
    }

    public static Zxid parseHex(String hex) {
        return Zxid.of(Long.parseUnsignedLong(hex, 16));
    }
}
