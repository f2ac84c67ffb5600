package io.zakka.storage.tree;

import io.zakka.protocol.Zxid;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.op.OpResult.Created;
import io.zakka.protocol.op.OpResult.Done;
import io.zakka.protocol.op.OpResult.MultiResult;
import io.zakka.protocol.op.OpResult.StatResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.Txn.CheckVersionTxn;
import io.zakka.protocol.txn.Txn.CloseSessionTxn;
import io.zakka.protocol.txn.Txn.CreateSessionTxn;
import io.zakka.protocol.txn.Txn.CreateTxn;
import io.zakka.protocol.txn.Txn.DeleteTxn;
import io.zakka.protocol.txn.Txn.MultiTxn;
import io.zakka.protocol.txn.Txn.SetAclTxn;
import io.zakka.protocol.txn.Txn.SetDataTxn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The znode state machine: applies committed txns in zxid order and answers reads from the result.
 * Pure: no clock (times come from the txn header), no I/O, no watches fired (apply returns the
 * {@link WatchTrigger}s for the caller to deliver).
 *
 * <p>A new tree holds "/", "/zookeeper", "/zookeeper/quota" and "/zookeeper/config".
 *
 * <p>Every create, delete and setData (a session's ephemerals included) also does ZooKeeper's quota
 * bookkeeping, which updates a {@code zookeeper_stats} node without a version or a watch: see
 * {@link QuotaTracker}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>applied zxids strictly increase; {@link #lastAppliedZxid()} moves only after a whole txn
 *       (a multi's sub-txns all share its zxid), so a snapshot never holds part of a multi;</li>
 *   <li>every txn fits the tree it is applied to (prep validated it against the same state). A txn
 *       that does not fit throws {@link IllegalStateException}; a single-node txn changes nothing
 *       before it throws, but a multi or session close may have been applied in part, so after such
 *       an exception the tree must be discarded and rebuilt from the snapshot and log;</li>
 *   <li>the session table holds the sessions opened by CreateSessionTxn and not yet closed.</li>
 * </ul>
 *
 * <p>Not thread-safe: one owner (the storage actor) applies and reads.
 */
public final class DataTree {
    private static final Done DONE = new Done();

    private final NodeStore store;
    private final QuotaTracker quotas;
    private final Map<Long, Integer> sessionTimeoutsMs = new TreeMap<>();
    private Zxid lastAppliedZxid = Zxid.ZERO;
    private SnapshotCursor snapshot;

    public DataTree() {
        store = new NodeStore();
        quotas = new QuotaTracker(store);
    }

    /** A tree restored by {@link TreeLoader}: the store holds the image's nodes. */
    DataTree(NodeStore store, Map<Long, Integer> sessionTimeoutsMs, Zxid lastAppliedZxid) {
        this.store = store;
        this.sessionTimeoutsMs.putAll(sessionTimeoutsMs);
        this.lastAppliedZxid = lastAppliedZxid;
        this.quotas = QuotaTracker.rebuilt(store);
    }

    /**
     * Opens a consistent image of the tree at {@link #lastAppliedZxid()} with its session table, to be read
     * in slices between applies (see {@link SnapshotCursor}). One at a time; throws if one is open.
     */
    public SnapshotCursor openSnapshot() {
        SnapshotCursor cursor = new SnapshotCursor(this, store, lastAppliedZxid, sessionTimeoutsMs);
        store.attach(cursor);
        snapshot = cursor;
        return cursor;
    }

    /** True while a snapshot image is being read. */
    public boolean snapshotOpen() {
        return snapshot != null;
    }

    void cursorClosed(SnapshotCursor cursor) {
        store.detach(cursor);
        if (snapshot == cursor) {
            snapshot = null;
        }
    }

    /**
     * Applies one committed txn and returns its client-visible result ({@code Created}, {@code Done},
     * {@code StatResult} or {@code MultiResult}) and its watch triggers in firing order.
     *
     * @throws IllegalStateException if the zxid is not after {@link #lastAppliedZxid()} or the txn does
     *                               not fit the tree
     */
    public ApplyResult apply(TxnEntry entry) {
        Zxid zxid = entry.header().zxid();
        if (!zxid.isAfter(lastAppliedZxid)) {
            throw new IllegalStateException("txn " + zxid + " is not after the last applied " + lastAppliedZxid);
        }
        List<WatchTrigger> triggers = new ArrayList<>();
        OpResult result = applyTxn(entry.txn(), entry.header(), triggers);
        lastAppliedZxid = zxid;
        return new ApplyResult(result, List.copyOf(triggers));
    }

    private OpResult applyTxn(Txn txn, TxnHeader header, List<WatchTrigger> triggers) {
        if (txn instanceof CreateSessionTxn open) {
            sessionTimeoutsMs.put(open.sessionId(), open.timeoutMs());
            return DONE;
        }
        if (txn instanceof CloseSessionTxn close) {
            closeSession(close, header.zxid().toLong(), triggers);
            return DONE;
        }
        if (txn instanceof SetAclTxn setAcl) {
            return new StatResult(store.setAcl(setAcl));
        }
        if (txn instanceof MultiTxn multi) {
            List<OpResult> results = new ArrayList<>(multi.txns().size());
            for (Txn sub : multi.txns()) {
                results.add(applyMultiPart(sub, header, triggers));
            }
            return new MultiResult(List.copyOf(results));
        }
        return applyMultiPart(txn, header, triggers);
    }

    /** The kinds a multi may hold (ZooKeeper: create, delete, setData, check); each also stands alone. */
    private OpResult applyMultiPart(Txn txn, TxnHeader header, List<WatchTrigger> triggers) {
        long zxid = header.zxid().toLong();
        if (txn instanceof CreateTxn create) {
            Created created = new Created(create.path(), store.create(create, zxid, header.timeMs(), triggers));
            quotas.created(create.path(), create.data());
            return created;
        }
        if (txn instanceof DeleteTxn delete) {
            deleteNode(delete.path(), zxid, triggers);
            return DONE;
        }
        if (txn instanceof SetDataTxn setData) {
            byte[] before = quotas.tracking() ? data(setData.path()) : null;
            StatResult changed = new StatResult(store.setData(setData, zxid, header.timeMs(), triggers));
            quotas.dataChanged(setData.path(), before, setData.data());
            return changed;
        }
        if (txn instanceof CheckVersionTxn check) {
            store.check(check.path(), check.version());
            return DONE;
        }
        throw new IllegalStateException("a multi cannot hold " + txn.getClass().getSimpleName());
    }

    /**
     * Deletes the listed ephemerals that the session still owns, then any other it owns (as
     * DataTree.killSession does), deepest first; each deletion fires NodeDeleted and
     * NodeChildrenChanged. A listed path that is gone or owned by another session is skipped:
     * deleting another session's node would be worse than leaving a path out.
     */
    private void closeSession(CloseSessionTxn close, long zxid, List<WatchTrigger> triggers) {
        long sessionId = close.sessionId();
        sessionTimeoutsMs.remove(sessionId);
        List<String> listed = new ArrayList<>(close.ephemeralPaths());
        for (String path : listed) {
            ZNode node = store.find(path);
            if (node != null && node.ephemeralOwner == sessionId) {
                deleteNode(path, zxid, triggers);
            }
        }
        List<String> unlisted = new ArrayList<>(store.kinds().ephemerals(sessionId));
        unlisted.sort(Paths.DEEPEST_FIRST);
        for (String path : unlisted) {
            deleteNode(path, zxid, triggers);
        }
    }

    /** Every delete, a session's ephemerals too (ZooKeeper's killSession uses deleteNode), moves the quota stats. */
    private void deleteNode(String path, long zxid, List<WatchTrigger> triggers) {
        byte[] before = quotas.tracking() ? data(path) : null;
        store.delete(path, zxid, triggers);
        quotas.deleted(path, before);
    }

    public Zxid lastAppliedZxid() {
        return lastAppliedZxid;
    }

    /** The node with its data, ACL, client Stat and child names (a sorted copy), or null when missing. */
    public NodeView get(String path) {
        ZNode node = store.find(path);
        if (node == null) {
            return null;
        }
        return new NodeView(path, node.data, node.acl, node.clientStat(), node.ephemeralOwner,
                node.childCreations, Collections.unmodifiableSet(new TreeSet<>(node.childNodes.keySet())));
    }

    /** The node without data and child names (cheap for large parents), or null when missing. */
    public NodeMeta meta(String path) {
        ZNode node = store.find(path);
        return node == null ? null : new NodeMeta(path, node.acl, node.clientStat(), node.ephemeralOwner,
                node.childCreations);
    }

    /** The stored data (not a copy: do not modify), or null when the node is missing or has null data. */
    byte[] data(String path) {
        ZNode node = store.find(path);
        return node == null ? null : node.data;
    }

    /** The child names in sorted order, or null when the node is missing. */
    public List<String> getChildren(String path) {
        ZNode node = store.find(path);
        return node == null ? null : List.copyOf(node.childNodes.keySet());
    }

    /** The number of all descendants of the node, recursively (0 when missing). */
    public int getAllChildrenNumber(String path) {
        return store.descendants(path);
    }

    /** Every node, the root and the system nodes included (4 in a new tree). */
    public int nodeCount() {
        return store.size();
    }

    /** The ephemerals owned by the session, sorted. */
    public List<String> ephemerals(long sessionId) {
        return store.kinds().ephemerals(sessionId);
    }

    /** Timeouts (ms) of the sessions opened by CreateSessionTxn and not yet closed. */
    public Map<Long, Integer> sessionTimeouts() {
        return Collections.unmodifiableMap(new TreeMap<>(sessionTimeoutsMs));
    }

    /** Container paths, sorted; read-only, for the reaper scan. */
    Set<String> containers() {
        return Collections.unmodifiableSet(store.kinds().containers());
    }

    /** TTL node paths, sorted; read-only, for the reaper scan. */
    Set<String> ttlNodes() {
        return Collections.unmodifiableSet(store.kinds().ttls());
    }
}
