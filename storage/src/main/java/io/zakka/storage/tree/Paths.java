package io.zakka.storage.tree;

import java.util.Comparator;

/** Path helpers shared by the tree and prep. Paths are valid ZooKeeper paths (see PathValidation). */
public final class Paths {
    public static final String ROOT = "/";
    public static final String ZOOKEEPER = "/zookeeper";
    public static final String QUOTA = "/zookeeper/quota";
    public static final String CONFIG = "/zookeeper/config";

    /** Deeper paths first, then by name: the order in which a session's ephemerals are deleted. */
    public static final Comparator<String> DEEPEST_FIRST =
            Comparator.comparingInt(Paths::depth).reversed().thenComparing(Comparator.naturalOrder());

    private Paths() {
    }

    /** The number of segments: 0 for "/", 1 for "/a", 2 for "/a/b". */
    public static int depth(String path) {
        if (ROOT.equals(path)) {
            return 0;
        }
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    /**
     * The nodes ZooKeeper creates itself and never lets a client delete (DataTree.isSpecialPath):
     * "/", "/zookeeper", "/zookeeper/quota" and "/zookeeper/config".
     */
    public static boolean isSystemPath(String path) {
        return ROOT.equals(path) || ZOOKEEPER.equals(path) || QUOTA.equals(path) || CONFIG.equals(path);
    }

    /** The path of a child: "/" + name under the root, parent + "/" + name elsewhere. */
    public static String child(String parent, String name) {
        return ROOT.equals(parent) ? ROOT + name : parent + "/" + name;
    }
}
