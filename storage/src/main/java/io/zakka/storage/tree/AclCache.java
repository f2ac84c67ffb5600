package io.zakka.storage.tree;

import io.zakka.protocol.Acl;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One shared immutable list per distinct ACL, counted by the nodes that hold it (ZooKeeper's
 * ReferenceCountedACLCache). Most trees use a handful of ACLs for millions of nodes, so sharing saves a list
 * and its entries per node; counting drops a list once no node holds it, so churn through distinct ACLs
 * cannot grow the cache without bound.
 *
 * <p>Invariant: every ACL list a node of the tree holds was acquired here once per node holding it, and is
 * released when that node is deleted or its ACL replaced.
 */
final class AclCache {

    private static final class Entry {
        final List<Acl> acl;
        int holders;

        Entry(List<Acl> acl) {
            this.acl = acl;
        }
    }

    private final Map<List<Acl>, Entry> entries = new HashMap<>();
    /**
     * The same entries keyed by their shared list instance: a caller that already holds the shared list (a
     * snapshot load hands the same instance for every node with that ACL; setACL of a node's own list) finds it
     * without hashing the ACL entries, which was a tenth of the CPU of loading a snapshot. Only shared lists are
     * keys, so it holds no more than {@link #entries}.
     */
    private final Map<List<Acl>, Entry> byInstance = new IdentityHashMap<>();

    /** The shared list equal to {@code acl}, counted for one more holder. */
    List<Acl> acquire(List<Acl> acl) {
        Entry entry = byInstance.get(acl);
        if (entry == null) {
            entry = entries.computeIfAbsent(List.copyOf(acl), Entry::new);
            byInstance.put(entry.acl, entry);
        }
        entry.holders++;
        return entry.acl;
    }

    /** One holder of {@code acl} is gone; the list is forgotten with its last holder. */
    void release(List<Acl> acl) {
        Entry entry = byInstance.get(acl);
        if (entry == null) {
            entry = entries.get(acl);
        }
        if (entry == null || entry.holders <= 0) {
            throw new IllegalStateException("ACL released more often than acquired: " + acl);
        }
        if (--entry.holders == 0) {
            entries.remove(entry.acl);
            byInstance.remove(entry.acl);
        }
    }

    /** The number of distinct ACL lists held. */
    int size() {
        if (byInstance.size() != entries.size()) {
            throw new IllegalStateException("ACL cache: " + entries.size() + " lists but " + byInstance.size()
                    + " shared instances");
        }
        return entries.size();
    }
}
