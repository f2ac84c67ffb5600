package io.zakka.storage.prep;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.PathValidation;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.Txn.CloseSessionTxn;
import io.zakka.protocol.txn.Txn.CreateSessionTxn;
import io.zakka.protocol.txn.Txn.MultiTxn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.acl.Caller;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The leader's prep stage (ZooKeeper's PrepRequestProcessor): validates each write against the tree
 * <em>plus the changes still in flight</em> and turns it into a txn with the next zxid, or into the
 * error reply. Several writes are pipelined before the first is applied, so a second create under one
 * parent sees the first's creation counter, a delete sees an in-flight child, a setData sees the
 * in-flight version.
 *
 * <p>Invariants:
 * <ul>
 *   <li>proposed zxids are consecutive: each proposal takes {@code lastProposed().next()}; a rejected
 *       write takes none and leaves nothing in flight (ZooKeeper logs a failed write as an error txn
 *       with a zxid; Zakka answers it at once and logs nothing);</li>
 *   <li>writes are prepped in the order they will be applied, and {@link #applied(Zxid)} is called
 *       after the tree has applied a zxid, so the in-flight changes are exactly those not yet applied;</li>
 *   <li>the txn header carries the caller's session, its cxid, the zxid and {@code nowMs}; every
 *       replica applies that same time.</li>
 * </ul>
 * Pure and single-threaded: no clock (time is a parameter), no I/O.
 */
public final class PrepStage {
    private final PrepConfig config;
    private final AclChecker aclChecker;
    private final DataTree tree;
    private final InFlight inFlight;
    private Zxid lastProposed;

    /** Continues after the tree's last applied zxid, with no configured super digest. */
    public PrepStage(DataTree tree, PrepConfig config) {
        this(tree, config, new AclChecker(Optional.empty()));
    }

    public PrepStage(DataTree tree, PrepConfig config, AclChecker aclChecker) {
        this(tree, config, aclChecker, tree.lastAppliedZxid());
    }

    /**
     * @param lastProposed the zxid before the first one to propose: a new leader of epoch e passes
     *                     {@code new Zxid(e, 0)} so that it proposes (e, 1) first
     */
    public PrepStage(DataTree tree, PrepConfig config, AclChecker aclChecker, Zxid lastProposed) {
        this.tree = tree;
        this.config = config;
        this.aclChecker = aclChecker;
        this.inFlight = new InFlight(tree);
        this.lastProposed = lastProposed;
    }

    /**
     * Validates a write for {@code caller} and builds its txn, stamped with {@code nowMs}.
     *
     * @throws IllegalStateException when the zxid counter of the epoch is exhausted (a new epoch,
     *                               i.e. an election, is needed)
     */
    public PrepOutcome prep(Caller caller, int cxid, Op.WriteOp op, long nowMs) {
        if (op instanceof Op.Multi multi) {
            return prepMulti(caller, cxid, multi, nowMs);
        }
        if (op instanceof Op.CloseSession) {
            return closeSession(caller.sessionId(), cxid, nowMs);
        }
        if (op instanceof Op.Check) {
            // ZOOKEEPER-2623 (3.9.3+): a check outside a multi is refused before it reaches prep.
            return error(ErrorCode.UNIMPLEMENTED);
        }
        PrepContext ctx = context(caller, nowMs);
        try {
            return propose(caller.sessionId(), cxid, nowMs, prepOne(ctx, op), ctx.view());
        } catch (PrepFailure failure) {
            return error(failure.code());
        }
    }

    /** A new session: nothing to validate here (the session tracker owns timeouts and ids). */
    public PrepOutcome prepCreateSession(long sessionId, int timeoutMs, long nowMs) {
        Overlay nothing = new Overlay(inFlight);
        return propose(sessionId, 0, nowMs, new CreateSessionTxn(sessionId, timeoutMs), nothing);
    }

    /** Close or expiry: deletes every ephemeral the session owns or will own once the writes in flight apply. */
    public PrepOutcome prepCloseSession(long sessionId, long nowMs) {
        return closeSession(sessionId, 0, nowMs);
    }

    /** The tree has applied every txn up to {@code zxid}: forget their in-flight changes. */
    public void applied(Zxid zxid) {
        inFlight.dropThrough(zxid);
    }

    public Zxid lastProposed() {
        return lastProposed;
    }

    /** The number of node changes in flight (for tests and metrics). */
    public int inFlightChanges() {
        return inFlight.size();
    }

    private PrepContext context(Caller caller, long nowMs) {
        return new PrepContext(aclChecker, config, new Overlay(inFlight), caller, nowMs);
    }

    private static Txn prepOne(PrepContext ctx, Op.WriteOp op) throws PrepFailure {
        if (op instanceof Op.SetAcl setAcl) {
            return ChangePrep.setAcl(ctx, setAcl);
        }
        if (op instanceof Op.DeleteContainer deleteContainer) {
            return ChangePrep.deleteContainer(ctx, deleteContainer);
        }
        return prepMultiPart(ctx, op);
    }

    /** The kinds a multi may hold: create, delete, setData, check. */
    private static Txn prepMultiPart(PrepContext ctx, Op op) throws PrepFailure {
        if (op instanceof Op.Create create) {
            return CreatePrep.prep(ctx, create);
        }
        if (op instanceof Op.Delete delete) {
            return ChangePrep.delete(ctx, delete);
        }
        if (op instanceof Op.SetData setData) {
            return ChangePrep.setData(ctx, setData);
        }
        if (op instanceof Op.Check check) {
            return ChangePrep.check(ctx, check);
        }
        throw new IllegalStateException("not a multi op: " + op);
    }

    private static boolean allowedInMulti(Op op) {
        return op instanceof Op.Create || op instanceof Op.Delete || op instanceof Op.SetData
                || op instanceof Op.Check;
    }

    /**
     * All or nothing under one zxid; later ops see earlier ops' effects. Any other op kind in the list
     * rejects the whole request with BADARGUMENTS (ZooKeeper cannot even decode such a multi).
     */
    private PrepOutcome prepMulti(Caller caller, int cxid, Op.Multi multi, long nowMs) {
        List<Op> ops = multi.ops();
        if (ops == null || !ops.stream().allMatch(PrepStage::allowedInMulti)) {
            return error(ErrorCode.BADARGUMENTS);
        }
        PrepContext ctx = context(caller, nowMs);
        List<Txn> txns = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            try {
                txns.add(prepMultiPart(ctx, ops.get(i)));
            } catch (PrepFailure failure) {
                return new PrepOutcome.Rejected(failedMulti(ops.size(), i, failure.code()));
            }
        }
        return propose(caller.sessionId(), cxid, nowMs, new MultiTxn(List.copyOf(txns)), ctx.view());
    }

    /** OK for the ops before the failing one, its code, RUNTIMEINCONSISTENCY for the ops after it. */
    static OpResult.MultiResult failedMulti(int opCount, int failedIndex, ErrorCode code) {
        List<OpResult> results = new ArrayList<>(opCount);
        for (int i = 0; i < opCount; i++) {
            ErrorCode each = i < failedIndex ? ErrorCode.OK
                    : i == failedIndex ? code : ErrorCode.RUNTIMEINCONSISTENCY;
            results.add(new OpResult.Error(each));
        }
        return new OpResult.MultiResult(List.copyOf(results));
    }

    /**
     * The session's ephemerals in the tree, corrected by the changes in flight: a path whose latest
     * change deletes it or gives it another owner drops out, a path an in-flight create gives to this
     * session comes in. Deleted deepest first; each deletion is recorded in flight, so a later write
     * sees the nodes gone.
     */
    private PrepOutcome closeSession(long sessionId, int cxid, long nowMs) {
        TreeSet<String> paths = new TreeSet<>(tree.ephemerals(sessionId));
        for (InFlight.Change change : inFlight.latestChanges()) {
            if (change.node() != null && change.node().ephemeralOwner() == sessionId) {
                paths.add(change.path());
            } else {
                paths.remove(change.path());
            }
        }
        List<String> ordered = new ArrayList<>(paths);
        ordered.sort(Paths.DEEPEST_FIRST);
        Overlay overlay = new Overlay(inFlight);
        for (String path : ordered) {
            String parentPath = PathValidation.parentOf(path);
            overlay.put(parentPath, overlay.find(parentPath).withChildDeleted());
            overlay.remove(path);
        }
        return propose(sessionId, cxid, nowMs, new CloseSessionTxn(sessionId, List.copyOf(ordered)), overlay);
    }

    private PrepOutcome propose(long sessionId, int cxid, long nowMs, Txn txn, Overlay overlay) {
        Zxid zxid = lastProposed.next();
        overlay.commitTo(inFlight, zxid);
        lastProposed = zxid;
        return new PrepOutcome.Proposed(new TxnEntry(new TxnHeader(sessionId, cxid, zxid, nowMs), txn));
    }

    private static PrepOutcome error(ErrorCode code) {
        return new PrepOutcome.Rejected(new OpResult.Error(code));
    }
}
