package io.zakka.protocol;

/** ZooKeeper's fixed limits that clients can observe. */
public final class Limits {
    /** jute.maxbuffer's default, 0xfffff: the largest znode data and the largest frame. */
    public static final int MAX_DATA_BYTES = 0xfffff;

    private Limits() {
    }
}
