package io.zakka.storage.tree;

import io.zakka.protocol.Acl;
import io.zakka.protocol.EventType;
import io.zakka.protocol.PathValidation;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.txn.Txn.CreateTxn;
import io.zakka.protocol.txn.Txn.SetAclTxn;
import io.zakka.protocol.txn.Txn.SetDataTxn;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The znodes by path and the per-node mutations a txn can make, each returning its watch triggers.
 *
 * <p>Every mutation first checks that the txn fits the tree (prep validated it against the same
 * state, so a misfit is a bug) and throws {@link IllegalStateException} before changing anything.
 * Invariants: every node but the root has its parent in the map and is named in the parent's
 * children; ephemeral nodes have no children; {@link NodeKinds} indexes exactly the nodes present.
 */
final class NodeStore {
    private final Map<String, ZNode> nodes;
    private final NodeKinds kinds = new NodeKinds();
    /** Shares one list per distinct ACL among the nodes (memory per znode). */
    private final AclCache acls = new AclCache();
    /** The last node {@link #restore} added and the last parent it found, with their paths (load only). */
    private String lastRestoredPath;
    private ZNode lastRestored;
    private String lastParentPath;
    private ZNode lastParent;
    /** The open snapshot, told before every change; null when none is being taken. */
    private SnapshotCursor cursor;

    /** An empty store for a tree restored from a snapshot image ({@link #restore}). */
    NodeStore(int expectedNodes) {
        nodes = new HashMap<>(Math.max(16, (int) (expectedNodes / 0.75f) + 1));
    }

    NodeStore() {
        nodes = new HashMap<>();
        nodes.put(Paths.ROOT, systemNode(Acl.OPEN_ACL_UNSAFE));
        addSystemChild(Paths.ROOT, Paths.ZOOKEEPER, Acl.OPEN_ACL_UNSAFE);
        addSystemChild(Paths.ZOOKEEPER, Paths.QUOTA, Acl.OPEN_ACL_UNSAFE);
        // ZOOKEEPER-2014: the config node is read-only for clients. ZooKeeper sets that ACL with
        // setACL(path, acl, -1) when it builds the tree, which leaves the stored aversion at -1.
        addSystemChild(Paths.ZOOKEEPER, Paths.CONFIG, Acl.READ_ACL_UNSAFE);
        nodes.get(Paths.CONFIG).aversion = -1;
    }

    /** System nodes have empty (not null) data and an all-zero stored Stat, as in ZooKeeper. */
    private ZNode systemNode(List<Acl> acl) {
        return new ZNode(new byte[0], acls.acquire(acl), 0L, 0L, 0L);
    }

    private void addSystemChild(String parent, String path, List<Acl> acl) {
        ZNode child = systemNode(acl);
        nodes.get(parent).addChild(PathValidation.nameOf(path), child);
        nodes.put(path, child);
    }

    /**
     * Adds a node of a snapshot image. Images come parents first (DfsOrder), so the parent is present;
     * an image that breaks that or repeats a path is corrupt and throws.
     */
    void restore(NodeImage image, List<Acl> sharedAcl) {
        String path = image.path();
        ZNode node = new ZNode(image, acls.acquire(sharedAcl));
        if (!Paths.ROOT.equals(path)) {
            int slash = path.lastIndexOf('/');
            ZNode parent = restoredParent(path, slash);
            requireState(parent != null, "snapshot image: parent missing for ", path);
            requireState(!parent.isEphemeral(), "snapshot image: ephemeral parent of ", path);
            parent.addChild(path.substring(slash + 1), node);
        }
        requireState(nodes.put(path, node) == null, "snapshot image: duplicate node ", path);
        kinds.added(path, node.ephemeralOwner);
        lastRestoredPath = path;
        lastRestored = node;
    }

    /**
     * The parent of a restored node. In DfsOrder a node is most often the child of the node just before it (the
     * first child) or of that node's parent (its siblings), so checking the last restored node and the last
     * parent found spares most lookups by path (a substring and a hash of the whole parent path per node).
     */
    private ZNode restoredParent(String path, int slash) {
        if (isParentPath(lastParentPath, path, slash)) {
            return lastParent;
        }
        String parentPath;
        ZNode parent;
        if (isParentPath(lastRestoredPath, path, slash)) {
            parentPath = lastRestoredPath;
            parent = lastRestored;
        } else {
            parentPath = slash == 0 ? Paths.ROOT : path.substring(0, slash);
            parent = nodes.get(parentPath);
        }
        if (parent != null) {
            lastParentPath = parentPath;
            lastParent = parent;
        }
        return parent;
    }

    /** The load is over: forget the nodes remembered for it (they may be deleted later). */
    void restored() {
        lastRestoredPath = null;
        lastRestored = null;
        lastParentPath = null;
        lastParent = null;
    }

    private static boolean isParentPath(String candidate, String path, int slash) {
        if (candidate == null) {
            return false;
        }
        int length = Paths.ROOT.equals(candidate) ? 0 : candidate.length();
        return length == slash && path.regionMatches(0, candidate, 0, slash);
    }

    void attach(SnapshotCursor snapshot) {
        requireState(cursor == null, "a snapshot is already being taken at ", "/");
        cursor = snapshot;
    }

    void detach(SnapshotCursor snapshot) {
        if (cursor == snapshot) {
            cursor = null;
        }
    }

    /** Tells the open snapshot, if any, that the node at {@code path} is about to change or go. */
    private void beforeChange(String path, ZNode node) {
        if (cursor != null) {
            cursor.beforeChange(path, node);
        }
    }

    ZNode find(String path) {
        return nodes.get(path);
    }

    int size() {
        return nodes.size();
    }

    NodeKinds kinds() {
        return kinds;
    }

    Stat create(CreateTxn txn, long zxid, long timeMs, List<WatchTrigger> triggers) {
        String path = txn.path();
        String parentPath = PathValidation.parentOf(path);
        ZNode parent = nodes.get(parentPath);
        requireState(!Paths.ROOT.equals(path) && parent != null, "create: no parent for ", path);
        requireState(!nodes.containsKey(path), "create: node exists ", path);
        requireState(!parent.isEphemeral(), "create: ephemeral parent of ", path);
        requireState(txn.parentCversion() == parent.childCreations + 1, "create: parent creation counter is "
                + parent.childCreations + " but the txn sets " + txn.parentCversion() + " for ", path);
        // A created node needs no pre-image: it is newer than any open snapshot (its czxid says so).
        beforeChange(parentPath, parent);
        ZNode node = new ZNode(copy(txn.data()), acls.acquire(txn.acl()), zxid, timeMs, txn.ephemeralOwner());
        parent.addChild(PathValidation.nameOf(path), node);
        parent.childCreations = txn.parentCversion();
        parent.pzxid = zxid;
        nodes.put(path, node);
        kinds.added(path, node.ephemeralOwner);
        triggers.add(trigger(EventType.NODE_CREATED, path, zxid, node.acl));
        triggers.add(trigger(EventType.NODE_CHILDREN_CHANGED, parentPath, zxid, parent.acl));
        return node.clientStat();
    }

    void delete(String path, long zxid, List<WatchTrigger> triggers) {
        ZNode node = nodes.get(path);
        requireState(node != null && !Paths.isSystemPath(path), "delete: no deletable node ", path);
        requireState(node.childNodes.isEmpty(), "delete: node has children ", path);
        String parentPath = PathValidation.parentOf(path);
        ZNode parent = nodes.get(parentPath);
        beforeChange(path, node);
        beforeChange(parentPath, parent);
        parent.removeChild(PathValidation.nameOf(path));
        // Only forward: a delete never moves pzxid back behind a later create (DataTree.deleteNode).
        if (Long.compareUnsigned(zxid, parent.pzxid) > 0) {
            parent.pzxid = zxid;
        }
        nodes.remove(path);
        acls.release(node.acl);
        kinds.removed(path, node.ephemeralOwner);
        triggers.add(trigger(EventType.NODE_DELETED, path, zxid, node.acl));
        triggers.add(trigger(EventType.NODE_CHILDREN_CHANGED, parentPath, zxid, parent.acl));
    }

    Stat setData(SetDataTxn txn, long zxid, long timeMs, List<WatchTrigger> triggers) {
        ZNode node = existing(txn.path(), "setData");
        requireState(txn.version() == node.version + 1, "setData: version " + node.version + " cannot become "
                + txn.version() + " at ", txn.path());
        beforeChange(txn.path(), node);
        node.data = copy(txn.data());
        node.version = txn.version();
        node.mzxid = zxid;
        node.mtimeMs = timeMs;
        triggers.add(trigger(EventType.NODE_DATA_CHANGED, txn.path(), zxid, node.acl));
        return node.clientStat();
    }

    /**
     * Replaces a node's data the way quota bookkeeping does (ZooKeeper's updateQuotaStat): no new version,
     * mzxid or mtime and no watch, but through {@code beforeChange} like every other change, so an open
     * snapshot keeps the node as it was.
     */
    void replaceDataQuietly(String path, byte[] data) {
        ZNode node = existing(path, "quota stats");
        beforeChange(path, node);
        node.data = data;
    }

    /** setACL changes only the ACL and aversion, and fires no watch. */
    Stat setAcl(SetAclTxn txn) {
        ZNode node = existing(txn.path(), "setACL");
        requireState(txn.aclVersion() == node.aversion + 1, "setACL: aversion " + node.aversion
                + " cannot become " + txn.aclVersion() + " at ", txn.path());
        beforeChange(txn.path(), node);
        List<Acl> previous = node.acl;
        node.acl = acls.acquire(txn.acl());
        acls.release(previous);
        node.aversion = txn.aclVersion();
        return node.clientStat();
    }

    /** A check inside a multi changes nothing; prep checked the version the node still has. */
    void check(String path, int version) {
        ZNode node = existing(path, "check");
        requireState(node.version == version, "check: version " + node.version + " is not " + version + " at ",
                path);
    }

    /** The number of all descendants of a node (0 when it does not exist). */
    int descendants(String path) {
        ZNode start = nodes.get(path);
        if (start == null) {
            return 0;
        }
        if (Paths.ROOT.equals(path)) {
            return nodes.size() - 1;
        }
        int count = 0;
        Deque<String> pending = new ArrayDeque<>();
        pending.push(path);
        while (!pending.isEmpty()) {
            String current = pending.pop();
            for (String name : nodes.get(current).childNodes.keySet()) {
                count++;
                pending.push(Paths.child(current, name));
            }
        }
        return count;
    }

    private ZNode existing(String path, String what) {
        ZNode node = nodes.get(path);
        requireState(node != null, what + ": no node ", path);
        return node;
    }

    private static WatchTrigger trigger(EventType type, String path, long zxid, List<Acl> acl) {
        return new WatchTrigger(new WatchEvent(type, path, zxid), acl);
    }

    /** The tree owns its bytes: a caller that reuses its array cannot change a stored node. */
    private static byte[] copy(byte[] data) {
        return data == null ? null : data.clone();
    }

    static void requireState(boolean condition, String message, String path) {
        if (!condition) {
            throw new IllegalStateException(message + path);
        }
    }
}
