package io.zakka.actors.watch;

import io.zakka.protocol.Acl;
import java.util.List;

/**
 * Whether a session may READ a node with the given ACL. Since ZooKeeper 3.9.2 a notification is dropped
 * for a session without READ on the node it concerns. The pipeline answers it with storage's AclChecker and
 * the session's auth ids; tests pass a lambda.
 */
@FunctionalInterface
public interface ReadAccess {

    /** Every session may read everything. */
    ReadAccess ALL = (sessionId, acl) -> true;

    boolean canRead(long sessionId, List<Acl> acl);
}
