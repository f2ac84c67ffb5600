package io.zakka.storage.tree;

import io.zakka.protocol.Acl;
import io.zakka.protocol.EphemeralOwner;
import io.zakka.protocol.Stat;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * The mutable state of one znode, owned by {@link DataTree} and changed only while applying a txn.
 *
 * <p>Fields hold ZooKeeper's persisted form (StatPersisted): {@code childCreations} is the stored
 * cversion, i.e. the number of children ever created under this node, which is where sequential
 * suffixes come from; {@code ephemeralOwner} is the stored encoding (container and TTL markers
 * included). {@link #clientStat()} turns that into what a client sees, as DataNode.copyStat does.
 *
 * <p>Invariants: {@code data} is never mutated in place (setData swaps the array), {@code acl} is an
 * immutable list, and {@code childNodes} holds names (not paths), kept sorted so that every replica
 * lists them in the same order.
 */
final class ZNode {
    byte[] data;
    List<Acl> acl;
    final long czxid;
    long mzxid;
    long pzxid;
    final long ctimeMs;
    long mtimeMs;
    int version;
    int childCreations;
    int aversion;
    final long ephemeralOwner;
    /**
     * The children by name, sorted. Leaves (most nodes of a big tree) share one empty immutable map; the first
     * child replaces it, so read it through this field but change it only with {@link #addChild}/
     * {@link #removeChild}. The values are the children's own node objects (the ones the store holds), so a
     * walk of the tree (a snapshot) needs no lookup by path; a TreeMap entry has a value slot whether used or
     * not, so this costs no memory over a set of names.
     */
    NavigableMap<String, ZNode> childNodes = Collections.emptyNavigableMap();

    ZNode(byte[] data, List<Acl> acl, long zxid, long timeMs, long ephemeralOwner) {
        this.data = data;
        this.acl = List.copyOf(acl);
        this.czxid = zxid;
        this.mzxid = zxid;
        this.pzxid = zxid;
        this.ctimeMs = timeMs;
        this.mtimeMs = timeMs;
        this.ephemeralOwner = ephemeralOwner;
    }

    /** A node restored from a snapshot with every stored field; {@code sharedAcl} is immutable. */
    ZNode(NodeImage image, List<Acl> sharedAcl) {
        this.data = image.data();
        this.acl = sharedAcl;
        this.czxid = image.czxid();
        this.mzxid = image.mzxid();
        this.pzxid = image.pzxid();
        this.ctimeMs = image.ctimeMs();
        this.mtimeMs = image.mtimeMs();
        this.version = image.version();
        this.childCreations = image.childCreations();
        this.aversion = image.aversion();
        this.ephemeralOwner = image.ephemeralOwner();
    }

    /**
     * The client view: cversion counts creations plus deletions (every child created and no longer
     * present was deleted, hence {@code creations * 2 - numChildren}), ephemeralOwner is 0 for
     * containers and TTL nodes, and null data has length 0.
     */
    Stat clientStat() {
        int numChildren = childNodes.size();
        return new Stat(czxid, mzxid, ctimeMs, mtimeMs, version, childCreations * 2 - numChildren, aversion,
                EphemeralOwner.clientView(ephemeralOwner), data == null ? 0 : data.length, numChildren, pzxid);
    }

    /** The child names in sorted order: a live view, not a copy. */
    NavigableSet<String> children() {
        return childNodes.navigableKeySet();
    }

    void addChild(String name, ZNode child) {
        if (childNodes.isEmpty()) {
            childNodes = new TreeMap<>();
        }
        childNodes.put(name, child);
    }

    void removeChild(String name) {
        childNodes.remove(name);
        if (childNodes.isEmpty()) {
            childNodes = Collections.emptyNavigableMap();
        }
    }

    boolean isEphemeral() {
        return EphemeralOwner.isEphemeral(ephemeralOwner);
    }
}
