package io.zakka.storage.prep;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.PathValidation;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.acl.Caller;

/**
 * Everything one write's checks need: the ACL rules, the limits, the view of the tree (tree, then
 * changes in flight, then this write's own changes), who asks and the time stamped on the txn.
 * The check helpers here throw {@link PrepFailure} with ZooKeeper's code.
 */
record PrepContext(AclChecker aclChecker, PrepConfig config, Overlay view, Caller caller, long nowMs) {

    static PrepFailure failure(ErrorCode code) {
        return new PrepFailure(code);
    }

    /** The client library's path check (PathUtils.validatePath), answered as BADARGUMENTS. */
    static void requireValidPath(String path) throws PrepFailure {
        if (PathValidation.problem(path).isPresent()) {
            throw failure(ErrorCode.BADARGUMENTS);
        }
    }

    /** The node as it will be, or NONODE. */
    PendingNode requireNode(String path) throws PrepFailure {
        PendingNode node = view.find(path);
        if (node == null) {
            throw failure(ErrorCode.NONODE);
        }
        return node;
    }

    /** NOAUTH unless the node's (expected) ACL grants the caller {@code perm}. */
    void requirePerm(PendingNode node, int perm) throws PrepFailure {
        if (!aclChecker.allowed(node.acl(), caller, perm)) {
            throw failure(ErrorCode.NOAUTH);
        }
    }

    /** BADARGUMENTS for data over the configured limit (see {@link PrepConfig#maxDataBytes()}). */
    void requireDataWithinLimit(byte[] data) throws PrepFailure {
        if (data != null && data.length > config.maxDataBytes()) {
            throw failure(ErrorCode.BADARGUMENTS);
        }
    }

    /**
     * checkAndIncVersion: -1 matches any version, anything else must equal the current one (else
     * BADVERSION). Returns the next version; int arithmetic wraps as ZooKeeper 3.9.5's does.
     */
    static int nextVersion(int currentVersion, int expectedVersion) throws PrepFailure {
        if (expectedVersion != -1 && expectedVersion != currentVersion) {
            throw failure(ErrorCode.BADVERSION);
        }
        return currentVersion + 1;
    }
}
