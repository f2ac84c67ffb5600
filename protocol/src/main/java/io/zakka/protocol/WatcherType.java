package io.zakka.protocol;

/** The watcher kinds named by checkWatches / removeWatches, with ZooKeeper's values. */
public enum WatcherType {
    CHILDREN(1),
    DATA(2),
    ANY(3),
    PERSISTENT(4),
    PERSISTENT_RECURSIVE(5);

    private final int code;

    WatcherType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static WatcherType fromCode(int code) {
        for (WatcherType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown watcher type " + code);
    }
}
