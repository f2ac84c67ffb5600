package io.zakka.protocol;

/**
 * ZooKeeper's encoding of a node's kind in its stored {@code ephemeralOwner} (EphemeralType):
 * 0 for a persistent node, the session id for an ephemeral, {@link #CONTAINER} for a container and
 * {@code 0xFF00_0000_0000_0000 | ttlMs} for a TTL node. Clients see 0 for containers and TTL nodes.
 */
public final class EphemeralOwner {
    public static final long PERSISTENT = 0L;
    public static final long CONTAINER = Long.MIN_VALUE;
    public static final long TTL_MASK = 0xFF00_0000_0000_0000L;
    /** The largest TTL the encoding holds: 2^40 - 1 ms, about 34.8 years. */
    public static final long MAX_TTL_MS = 0x0000_00FF_FFFF_FFFFL;

    private EphemeralOwner() {
    }

    public static long ttl(long ttlMs) {
        if (ttlMs <= 0 || ttlMs > MAX_TTL_MS) {
            throw new IllegalArgumentException("ttl out of range: " + ttlMs);
        }
        return TTL_MASK | ttlMs;
    }

    public static boolean isContainer(long owner) {
        return owner == CONTAINER;
    }

    public static boolean isTtl(long owner) {
        return owner != CONTAINER && (owner & TTL_MASK) == TTL_MASK;
    }

    /** True for a node owned by a session (an ephemeral). */
    public static boolean isEphemeral(long owner) {
        return owner != PERSISTENT && !isContainer(owner) && !isTtl(owner);
    }

    public static long ttlMs(long owner) {
        return isTtl(owner) ? owner & ~TTL_MASK : 0;
    }

    /** What a client sees in Stat.ephemeralOwner. */
    public static long clientView(long owner) {
        return isEphemeral(owner) ? owner : 0;
    }
}
