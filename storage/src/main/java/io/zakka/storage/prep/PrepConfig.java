package io.zakka.storage.prep;

import io.zakka.protocol.Limits;

/**
 * Settings prep enforces.
 *
 * @param maxDataBytes the largest znode data accepted; larger data is BADARGUMENTS. ZooKeeper itself
 *                     has no such check in prep: its server closes the connection on a frame larger
 *                     than jute.maxbuffer (1 MiB - 1 by default). Zakka answers an explicit error
 *                     instead, with the same default limit on the data alone.
 * @param ttlEnabled   whether TTL modes are allowed (ZooKeeper's zookeeper.extendedTypesEnabled);
 *                     when off a TTL create is UNIMPLEMENTED
 */
public record PrepConfig(int maxDataBytes, boolean ttlEnabled) {

    /** 1 MiB - 1 of data (jute.maxbuffer's default), TTL nodes on. */
    public static final PrepConfig DEFAULTS = new PrepConfig(Limits.MAX_DATA_BYTES, true);

    public PrepConfig {
        if (maxDataBytes < 0) {
            throw new IllegalArgumentException("maxDataBytes must not be negative: " + maxDataBytes);
        }
    }
}
