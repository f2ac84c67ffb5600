package io.zakka.storage.tree;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * ZooKeeper 3.9.5's quota bookkeeping (DataTree.createNode / deleteNode / setData, updateQuotaStat,
 * updateQuotaForPath): no limit is enforced (ZooKeeper only does that with enforceQuota=true, off by
 * default), but the subtree of every quota'd path P is counted in {@code /zookeeper/quota<P>/zookeeper_stats}.
 * <ul>
 *   <li>P is quota'd while {@code /zookeeper/quota<P>/zookeeper_limits} exists: creating that node adds P,
 *       deleting it removes P;</li>
 *   <li>creating {@code /zookeeper/quota<P>/zookeeper_stats} replaces its data with {@code count=N,bytes=B}
 *       of P's subtree as it is then (P and every descendant; bytes = data lengths, null data = 0);</li>
 *   <li>every create / delete / setData of a path whose longest quota'd prefix (segment-wise, itself
 *       included) is P moves P's stats by count +1 / -1 / 0 and bytes +len / -len / new - old (see
 *       {@link QuotaStats} for the text), with no new version, mzxid or mtime and no watch.</li>
 * </ul>
 * Each hook runs after its node change, as in ZooKeeper, so a stats node counts its own creation when it
 * lies under another quota'd path.
 *
 * <p>Where Zakka differs, on purpose: a limits node directly under /zookeeper/quota (an empty P) or outside
 * {@code /zookeeper/quota/} tracks nothing (3.9.5's apply throws, or tracks a path its snapshot load then
 * forgets); a stats node whose text StatsTrack cannot parse is left alone (3.9.5's apply throws). And a
 * restored tree gets its quota'd paths back from the limits nodes but keeps its stats as stored: ZooKeeper
 * recounts them on load because its fuzzy snapshot may hold stats that do not match the nodes, ours is
 * exact, and a replica restored from a snapshot must stay equal to one that applied the same txns.
 *
 * <p>Invariant: the trie holds exactly the P of the limits nodes present in the tree. Owner-thread only.
 */
final class QuotaTracker {
    static final String LIMIT_NODE = "zookeeper_limits";
    static final String STAT_NODE = "zookeeper_stats";
    private static final String QUOTA_DIR = Paths.QUOTA + "/";
    private static final String LIMIT_SUFFIX = "/" + LIMIT_NODE;
    private static final String STAT_SUFFIX = "/" + STAT_NODE;

    private final NodeStore store;
    private final PathTrie quotaed = new PathTrie();

    QuotaTracker(NodeStore store) {
        this.store = store;
    }

    /** A tracker for a restored tree: the quota'd paths of the limits nodes under /zookeeper/quota. */
    static QuotaTracker rebuilt(NodeStore store) {
        QuotaTracker tracker = new QuotaTracker(store);
        Deque<String> pending = new ArrayDeque<>();
        pending.push(Paths.QUOTA);
        while (!pending.isEmpty()) {
            String path = pending.pop();
            ZNode node = store.find(path);
            String limited = quotaPathOf(path, LIMIT_SUFFIX);
            if (limited != null) {
                tracker.quotaed.add(limited);
            }
            for (String name : node.childNodes.keySet()) {
                pending.push(Paths.child(path, name));
            }
        }
        return tracker;
    }

    /** After a node was created at {@code path} with {@code data}. */
    void created(String path, byte[] data) {
        if (path.startsWith(QUOTA_DIR)) {
            String limited = quotaPathOf(path, LIMIT_SUFFIX);
            if (limited != null) {
                quotaed.add(limited);
            }
            String counted = quotaPathOf(path, STAT_SUFFIX);
            if (counted != null) {
                recount(counted);
            }
        }
        addToStats(path, 1, length(data));
    }

    /** After the node at {@code path}, which held {@code data}, was deleted. */
    void deleted(String path, byte[] data) {
        if (path.startsWith(QUOTA_DIR)) {
            String limited = quotaPathOf(path, LIMIT_SUFFIX);
            if (limited != null) {
                quotaed.remove(limited);
            }
        }
        addToStats(path, -1, -length(data));
    }

    /** Whether any quota is set: without one, the data a change replaces need not be looked up. */
    boolean tracking() {
        return !quotaed.isEmpty();
    }

    /** After the data of the node at {@code path} changed from {@code before} to {@code after}. */
    void dataChanged(String path, byte[] before, byte[] after) {
        addToStats(path, 0, (long) length(after) - length(before));
    }

    /**
     * P for a quota node path {@code /zookeeper/quota<P><suffix>} with a non-empty P, else null. The check
     * is on the string, as ZooKeeper's: P need not exist, and "/zookeeper/quota/a/zookeeper_limits" names
     * "/a" whatever "/zookeeper/quota/a" is.
     */
    private static String quotaPathOf(String path, String suffix) {
        if (!path.endsWith(suffix) || !path.startsWith(QUOTA_DIR)) {
            return null;
        }
        int end = path.length() - suffix.length();
        return end <= Paths.QUOTA.length() ? null : path.substring(Paths.QUOTA.length(), end);
    }

    private static String statsPath(String quotaed) {
        return Paths.QUOTA + quotaed + STAT_SUFFIX;
    }

    /** ZooKeeper's updateQuotaForPath: the stats node gets P's subtree counts as they are now. */
    private void recount(String quotaPath) {
        long count = 0;
        long bytes = 0;
        Deque<String> pending = new ArrayDeque<>();
        pending.push(quotaPath);
        while (!pending.isEmpty()) {
            String path = pending.pop();
            ZNode node = store.find(path);
            if (node == null) {
                continue;
            }
            count++;
            bytes += length(node.data);
            for (String name : node.childNodes.keySet()) {
                pending.push(Paths.child(path, name));
            }
        }
        store.replaceDataQuietly(statsPath(quotaPath), QuotaStats.of(count, bytes).toBytes());
    }

    /**
     * ZooKeeper's getMaxPrefixWithQuota + updateQuotaStat. A missing stats node (deleted, or never created
     * by a client that made only the limits) means nothing to update, as in ZooKeeper.
     */
    private void addToStats(String path, long countDiff, long bytesDiff) {
        if (quotaed.isEmpty()) {
            return;
        }
        String quotaPath = quotaed.longestPrefix(path);
        if (quotaPath == null) {
            return;
        }
        String statsPath = statsPath(quotaPath);
        ZNode statsNode = store.find(statsPath);
        if (statsNode == null) {
            return;
        }
        QuotaStats stats = QuotaStats.parse(statsNode.data);
        if (stats != null) {
            store.replaceDataQuietly(statsPath, stats.plus(countDiff, bytesDiff).toBytes());
        }
    }

    private static int length(byte[] data) {
        return data == null ? 0 : data.length;
    }
}
