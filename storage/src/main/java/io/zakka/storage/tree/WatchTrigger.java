package io.zakka.storage.tree;

import io.zakka.protocol.Acl;
import io.zakka.protocol.WatchEvent;
import java.util.List;

/**
 * A watch event produced by applying a txn, with the ACL of the node it concerns (the deleted node's
 * ACL for NodeDeleted, the parent's for NodeChildrenChanged): since 3.9.2 ZooKeeper drops a
 * notification for a session that lacks READ on it.
 */
public record WatchTrigger(WatchEvent event, List<Acl> acl) {
}
