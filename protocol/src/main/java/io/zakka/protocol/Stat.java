package io.zakka.protocol;

/**
 * The eleven Stat fields exactly as a ZooKeeper client sees them (see docs/zookeeper-semantics.md §1.2).
 * {@code cversion} is the client-visible value (child creations plus deletions) and
 * {@code ephemeralOwner} is 0 for container and TTL nodes, as ZooKeeper's {@code DataNode.copyStat} reports.
 */
public record Stat(
        long czxid,
        long mzxid,
        long ctime,
        long mtime,
        int version,
        int cversion,
        int aversion,
        long ephemeralOwner,
        int dataLength,
        int numChildren,
        long pzxid) {

    /** The all-zero Stat of the system nodes. */
    public static final Stat ZERO = new Stat(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
