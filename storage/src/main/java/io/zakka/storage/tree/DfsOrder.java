package io.zakka.storage.tree;

import java.util.Comparator;

/**
 * The order of a depth-first walk that visits each node before its children and children in name order:
 * paths compared component by component, which is a character comparison in which '/' sorts before every
 * other character ("/a/b" before "/a!" because "a" is a prefix of "a!").
 */
public final class DfsOrder implements Comparator<String> {
    public static final DfsOrder INSTANCE = new DfsOrder();

    private DfsOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (ca == '/') {
                    return -1;
                }
                if (cb == '/') {
                    return 1;
                }
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
