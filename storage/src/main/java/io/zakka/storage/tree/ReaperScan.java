package io.zakka.storage.tree;

import io.zakka.protocol.EphemeralOwner;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the nodes the container reaper should delete (ZooKeeper's ContainerManager.getCandidates):
 * containers that have had at least one child and have none now (a fresh container is left alone
 * until it has been used), and TTL nodes with no children whose TTL has run out since their last
 * setData ({@code mtime + ttl < now}). The reaper submits {@code Op.DeleteContainer} for each; prep
 * checks the same conditions again, because the node may change before that write is prepped.
 */
public final class ReaperScan {

    private ReaperScan() {
    }

    /** At most {@code max} candidate paths: containers first, then TTL nodes, each in path order. */
    public static List<String> candidates(DataTree tree, long nowMs, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        List<String> found = new ArrayList<>();
        for (String path : tree.containers()) {
            if (found.size() >= max) {
                return found;
            }
            NodeMeta node = tree.meta(path);
            if (node.childCreations() > 0 && node.stat().numChildren() == 0) {
                found.add(path);
            }
        }
        for (String path : tree.ttlNodes()) {
            if (found.size() >= max) {
                return found;
            }
            NodeMeta node = tree.meta(path);
            if (node.stat().numChildren() == 0 && isExpired(node, nowMs)) {
                found.add(path);
            }
        }
        return found;
    }

    /** A TTL node has expired when more than its TTL has passed since its last modification. */
    public static boolean isExpired(NodeMeta node, long nowMs) {
        long ttlMs = EphemeralOwner.ttlMs(node.ephemeralOwner());
        return ttlMs > 0 && node.stat().mtime() + ttlMs < nowMs;
    }
}
