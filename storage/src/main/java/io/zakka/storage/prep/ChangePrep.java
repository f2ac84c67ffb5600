package io.zakka.storage.prep;

import io.zakka.protocol.Acl;
import io.zakka.protocol.EphemeralOwner;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.PathValidation;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.txn.Txn.CheckVersionTxn;
import io.zakka.protocol.txn.Txn.DeleteTxn;
import io.zakka.protocol.txn.Txn.SetAclTxn;
import io.zakka.protocol.txn.Txn.SetDataTxn;
import io.zakka.storage.tree.Paths;
import java.util.List;

/**
 * Validates delete, setData, setACL, check and deleteContainer and builds their txns, each in the
 * order of PrepRequestProcessor.pRequest2Txn (ZooKeeper 3.9.5), after the Java client's own path
 * check (BADARGUMENTS). Each method records the write's effect in the context's overlay.
 */
final class ChangePrep {

    private ChangePrep() {
    }

    /**
     * System path: BADARGUMENTS; parent missing: NONODE; no DELETE on the parent: NOAUTH (checked
     * before the node's own existence, so a caller without DELETE learns nothing about it); node
     * missing: NONODE; version: BADVERSION; children: NOTEMPTY.
     */
    static DeleteTxn delete(PrepContext ctx, Op.Delete op) throws PrepFailure {
        String path = op.path();
        requireDeletablePath(path);
        String parentPath = PathValidation.parentOf(path);
        PendingNode parent = ctx.requireNode(parentPath);
        ctx.requirePerm(parent, Perms.DELETE);
        PendingNode node = ctx.requireNode(path);
        PrepContext.nextVersion(node.version(), op.version());
        if (node.childCount() > 0) {
            throw PrepContext.failure(ErrorCode.NOTEMPTY);
        }
        recordDeletion(ctx, parentPath, parent, path);
        return new DeleteTxn(path);
    }

    /** Data over the limit: BADARGUMENTS; node missing: NONODE; no WRITE: NOAUTH; version: BADVERSION. */
    static SetDataTxn setData(PrepContext ctx, Op.SetData op) throws PrepFailure {
        PrepContext.requireValidPath(op.path());
        ctx.requireDataWithinLimit(op.data());
        PendingNode node = ctx.requireNode(op.path());
        ctx.requirePerm(node, Perms.WRITE);
        int version = PrepContext.nextVersion(node.version(), op.version());
        ctx.view().put(op.path(), node.withData(version, ctx.nowMs()));
        return new SetDataTxn(op.path(), op.data(), version);
    }

    /**
     * Null or empty ACL (client check) and ACL fixup: INVALIDACL; node missing: NONODE; no ADMIN:
     * NOAUTH; aversion: BADVERSION. The new ACL is recorded in flight, so writes prepped before this
     * one is applied are checked against it (the fix of ZooKeeper's setACL TOCTOU, newer than 3.9.5).
     */
    static SetAclTxn setAcl(PrepContext ctx, Op.SetAcl op) throws PrepFailure {
        PrepContext.requireValidPath(op.path());
        if (op.acl() == null || op.acl().isEmpty()) {
            throw PrepContext.failure(ErrorCode.INVALIDACL);
        }
        List<Acl> acl = ctx.aclChecker().fixup(op.acl(), ctx.caller())
                .orElseThrow(() -> PrepContext.failure(ErrorCode.INVALIDACL));
        PendingNode node = ctx.requireNode(op.path());
        ctx.requirePerm(node, Perms.ADMIN);
        int aversion = PrepContext.nextVersion(node.aversion(), op.aclVersion());
        ctx.view().put(op.path(), node.withAcl(acl, aversion));
        return new SetAclTxn(op.path(), acl, aversion);
    }

    /** Inside a multi only. Node missing: NONODE; no READ: NOAUTH; version: BADVERSION. */
    static CheckVersionTxn check(PrepContext ctx, Op.Check op) throws PrepFailure {
        PrepContext.requireValidPath(op.path());
        PendingNode node = ctx.requireNode(op.path());
        ctx.requirePerm(node, Perms.READ);
        PrepContext.nextVersion(node.version(), op.version());
        return new CheckVersionTxn(op.path(), node.version());
    }

    /**
     * The reaper's delete. ZooKeeper: system path BADARGUMENTS, node missing NONODE, children
     * NOTEMPTY, ephemeral BADVERSION; no ACL check. Zakka also answers BADVERSION for a plain
     * persistent node (ZooKeeper would delete it) and for a TTL node whose TTL has not run out (the
     * node may have been written since the reaper's scan).
     */
    static DeleteTxn deleteContainer(PrepContext ctx, Op.DeleteContainer op) throws PrepFailure {
        String path = op.path();
        requireDeletablePath(path);
        PendingNode node = ctx.requireNode(path);
        if (node.childCount() > 0) {
            throw PrepContext.failure(ErrorCode.NOTEMPTY);
        }
        if (!isReapable(node, ctx.nowMs())) {
            throw PrepContext.failure(ErrorCode.BADVERSION);
        }
        String parentPath = PathValidation.parentOf(path);
        recordDeletion(ctx, parentPath, ctx.requireNode(parentPath), path);
        return new DeleteTxn(path);
    }

    private static boolean isReapable(PendingNode node, long nowMs) {
        long owner = node.ephemeralOwner();
        if (EphemeralOwner.isContainer(owner)) {
            return true;
        }
        return EphemeralOwner.isTtl(owner) && node.mtimeMs() + EphemeralOwner.ttlMs(owner) < nowMs;
    }

    /** The client's path check, then getParentPathAndValidate: system nodes cannot be deleted. */
    private static void requireDeletablePath(String path) throws PrepFailure {
        PrepContext.requireValidPath(path);
        if (Paths.isSystemPath(path)) {
            throw PrepContext.failure(ErrorCode.BADARGUMENTS);
        }
    }

    static void recordDeletion(PrepContext ctx, String parentPath, PendingNode parent, String path) {
        ctx.view().put(parentPath, parent.withChildDeleted());
        ctx.view().remove(path);
    }
}
