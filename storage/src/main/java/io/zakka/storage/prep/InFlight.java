package io.zakka.storage.prep;

import io.zakka.protocol.Zxid;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.NodeMeta;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The changes proposed but not yet applied to the tree (ZooKeeper's outstandingChanges and
 * outstandingChangesForPath), layered over the tree: a path with a change in flight reads as its
 * latest change, any other path reads from the tree.
 *
 * <p>Invariants: changes are recorded in increasing zxid order; {@code latest} holds, for each path,
 * the last change recorded for it that has not been dropped. A change is dropped once the tree has
 * applied its zxid, at which point the tree itself shows it.
 */
final class InFlight implements NodeLookup {

    /** A node's expected state after the txn {@code zxid}; {@code node} is null for a deletion. */
    record Change(Zxid zxid, String path, PendingNode node) {
    }

    private final DataTree tree;
    private final Deque<Change> changes = new ArrayDeque<>();
    private final Map<String, Change> latest = new HashMap<>();

    InFlight(DataTree tree) {
        this.tree = tree;
    }

    @Override
    public PendingNode find(String path) {
        Change change = latest.get(path);
        if (change != null) {
            return change.node();
        }
        NodeMeta meta = tree.meta(path);
        return meta == null ? null : PendingNode.of(meta);
    }

    void record(Zxid zxid, String path, PendingNode node) {
        Change last = changes.peekLast();
        if (last != null && zxid.compareTo(last.zxid()) < 0) {
            throw new IllegalStateException("change for " + zxid + " recorded after one for " + last.zxid());
        }
        Change change = new Change(zxid, path, node);
        changes.addLast(change);
        latest.put(path, change);
    }

    /** Forgets every change up to and including {@code appliedZxid}: the tree now shows them. */
    void dropThrough(Zxid appliedZxid) {
        while (!changes.isEmpty() && changes.peekFirst().zxid().compareTo(appliedZxid) <= 0) {
            Change dropped = changes.removeFirst();
            // Identity, not equality: only when no later change of the path is still in flight.
            if (latest.get(dropped.path()) == dropped) {
                latest.remove(dropped.path());
            }
        }
    }

    /** The latest change of each path in flight. */
    Collection<Change> latestChanges() {
        return Collections.unmodifiableCollection(latest.values());
    }

    int size() {
        return changes.size();
    }
}
