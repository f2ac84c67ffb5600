package io.zakka.protocol;

/** Modes of addWatch: PERSISTENT (data and child events on the path) or PERSISTENT_RECURSIVE (the subtree). */
public enum AddWatchMode {
    PERSISTENT(0),
    PERSISTENT_RECURSIVE(1);

    private final int code;

    AddWatchMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AddWatchMode fromCode(int code) {
        for (AddWatchMode m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown addWatch mode " + code);
    }
}
