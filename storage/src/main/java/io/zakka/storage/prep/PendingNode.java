package io.zakka.storage.prep;

import io.zakka.protocol.Acl;
import io.zakka.storage.tree.NodeMeta;
import java.util.List;

/**
 * What prep needs to know about a node as it will be once every txn in flight is applied (ZooKeeper's
 * ChangeRecord): kind, versions, creation counter, number of children, ACL and mtime (TTL expiry).
 * Immutable: each prepared write records a new one.
 */
record PendingNode(long ephemeralOwner, int version, int aversion, int childCreations, int childCount,
                   List<Acl> acl, long mtimeMs) {

    static PendingNode of(NodeMeta meta) {
        return new PendingNode(meta.ephemeralOwner(), meta.stat().version(), meta.stat().aversion(),
                meta.childCreations(), meta.stat().numChildren(), meta.acl(), meta.stat().mtime());
    }

    static PendingNode created(long ephemeralOwner, List<Acl> acl, long nowMs) {
        return new PendingNode(ephemeralOwner, 0, 0, 0, 0, acl, nowMs);
    }

    PendingNode withChildCreated(int newChildCreations) {
        return new PendingNode(ephemeralOwner, version, aversion, newChildCreations, childCount + 1, acl, mtimeMs);
    }

    PendingNode withChildDeleted() {
        if (childCount <= 0) {
            throw new IllegalStateException("a child deleted from a node that has none in flight");
        }
        return new PendingNode(ephemeralOwner, version, aversion, childCreations, childCount - 1, acl, mtimeMs);
    }

    PendingNode withData(int newVersion, long nowMs) {
        return new PendingNode(ephemeralOwner, newVersion, aversion, childCreations, childCount, acl, nowMs);
    }

    PendingNode withAcl(List<Acl> newAcl, int newAversion) {
        return new PendingNode(ephemeralOwner, version, newAversion, childCreations, childCount, newAcl, mtimeMs);
    }
}
