package io.zakka.storage.tree;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.PathValidation;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.acl.Caller;
import java.util.ArrayList;
import java.util.List;

/**
 * The read ops against the local tree, with ZooKeeper 3.9.5's checks and codes
 * (FinalRequestProcessor). An invalid path is BADARGUMENTS (the Java client rejects it before
 * sending); then, for every read of a node, NONODE when it is missing and NOAUTH without READ:
 * <ul>
 *   <li>exists needs READ on a node that exists (since 3.9.2);</li>
 *   <li>getACL needs READ or ADMIN, and shows digest hashes as "x" unless the caller has ADMIN;</li>
 *   <li>getEphemerals lists the calling session's ephemerals whose path starts with the prefix (a
 *       plain string prefix; "/" means all) and checks no ACL;</li>
 *   <li>multiRead answers each getData / getChildren on its own: an error in one leaves the others.</li>
 * </ul>
 * Registers no watches (the actors do that). Returned data arrays are the tree's own: do not modify.
 */
public final class Reads {
    private final DataTree tree;
    private final AclChecker aclChecker;

    public Reads(DataTree tree, AclChecker aclChecker) {
        this.tree = tree;
        this.aclChecker = aclChecker;
    }

    public OpResult read(Caller caller, Op.ReadOp op) {
        if (op instanceof Op.GetEphemerals ephemerals) {
            return getEphemerals(caller, ephemerals.prefixPath());
        }
        if (op instanceof Op.MultiRead multiRead) {
            return multiRead(caller, multiRead.ops());
        }
        if (!PathValidation.isValid(op.path())) {
            return error(ErrorCode.BADARGUMENTS);
        }
        NodeMeta node = tree.meta(op.path());
        if (node == null) {
            return error(ErrorCode.NONODE);
        }
        if (op instanceof Op.GetAcl) {
            return getAcl(caller, node);
        }
        if (!aclChecker.allowed(node.acl(), caller, Perms.READ)) {
            return error(ErrorCode.NOAUTH);
        }
        return readAllowed(node, op);
    }

    /** The reads that need READ on the node, once it is known to exist and the caller has READ. */
    private OpResult readAllowed(NodeMeta node, Op.ReadOp op) {
        if (op instanceof Op.Exists) {
            return new OpResult.StatResult(node.stat());
        }
        if (op instanceof Op.GetData) {
            return new OpResult.DataResult(tree.data(node.path()), node.stat());
        }
        if (op instanceof Op.GetChildren getChildren) {
            List<String> children = tree.getChildren(node.path());
            return new OpResult.ChildrenResult(children, getChildren.withStat() ? node.stat() : null);
        }
        if (op instanceof Op.GetAllChildrenNumber) {
            return new OpResult.CountResult(tree.getAllChildrenNumber(node.path()));
        }
        throw new IllegalStateException("unknown read op " + op.getClass().getSimpleName());
    }

    private OpResult getAcl(Caller caller, NodeMeta node) {
        if (!aclChecker.allowed(node.acl(), caller, Perms.READ | Perms.ADMIN)) {
            return error(ErrorCode.NOAUTH);
        }
        boolean admin = aclChecker.allowed(node.acl(), caller, Perms.ADMIN);
        return new OpResult.AclResult(admin ? node.acl() : AclChecker.maskDigests(node.acl()), node.stat());
    }

    /** null or "/" lists every ephemeral of the session; any other prefix must be a valid path. */
    private OpResult getEphemerals(Caller caller, String prefixPath) {
        List<String> owned = tree.ephemerals(caller.sessionId());
        if (prefixPath == null || Paths.ROOT.equals(prefixPath)) {
            return new OpResult.PathsResult(owned);
        }
        if (!PathValidation.isValid(prefixPath)) {
            return error(ErrorCode.BADARGUMENTS);
        }
        List<String> matching = new ArrayList<>();
        for (String path : owned) {
            if (path.startsWith(prefixPath)) {
                matching.add(path);
            }
        }
        return new OpResult.PathsResult(List.copyOf(matching));
    }

    /**
     * Only getData and getChildren may be in a multiRead; any other op rejects the whole request with
     * BADARGUMENTS (ZooKeeper cannot decode such a request). getChildren results carry no Stat.
     */
    private OpResult multiRead(Caller caller, List<Op> ops) {
        if (ops == null || !ops.stream().allMatch(op -> op instanceof Op.GetData || op instanceof Op.GetChildren)) {
            return error(ErrorCode.BADARGUMENTS);
        }
        List<OpResult> results = new ArrayList<>(ops.size());
        for (Op op : ops) {
            if (op instanceof Op.GetChildren getChildren) {
                results.add(read(caller, new Op.GetChildren(getChildren.path(), false, false)));
            } else {
                results.add(read(caller, (Op.GetData) op));
            }
        }
        return new OpResult.MultiResult(List.copyOf(results));
    }

    private static OpResult error(ErrorCode code) {
        return new OpResult.Error(code);
    }
}
