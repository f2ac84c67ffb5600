package io.zakka.storage.prep;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EphemeralOwner;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.PathValidation;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.txn.Txn.CreateTxn;
import java.util.List;

/**
 * Validates a create and builds its txn, in ZooKeeper's order of checks. First what the Java client
 * checks before it sends anything (ZooKeeper.create), each answered with the code the async API
 * reports: path, with a digit appended for a sequential create (BADARGUMENTS); TTL against the mode
 * (BADARGUMENTS); null or empty ACL (INVALIDACL); then data over the limit (BADARGUMENTS, see
 * {@link PrepConfig}). Then the server's order (PrepRequestProcessor.pRequest2TxnCreate):
 * <ol>
 *   <li>TTL mode while TTL is disabled: UNIMPLEMENTED;</li>
 *   <li>ephemeral for a caller whose session id cannot own one (Zakka's stand-in for ZooKeeper's
 *       session check): BADARGUMENTS;</li>
 *   <li>ACL fixup: INVALIDACL;</li>
 *   <li>parent missing: NONODE;</li>
 *   <li>no CREATE permission on the parent: NOAUTH;</li>
 *   <li>sequential suffix {@code %010d} of the parent's creation counter, then the final path must be
 *       valid: BADARGUMENTS;</li>
 *   <li>node exists: NODEEXISTS;</li>
 *   <li>ephemeral parent: NOCHILDRENFOREPHEMERALS.</li>
 * </ol>
 */
final class CreatePrep {

    private CreatePrep() {
    }

    static CreateTxn prep(PrepContext ctx, Op.Create op) throws PrepFailure {
        CreateMode mode = op.mode();
        checkClientRules(ctx, op, mode);
        if (mode.isTtl() && !ctx.config().ttlEnabled()) {
            throw PrepContext.failure(ErrorCode.UNIMPLEMENTED);
        }
        if (mode.isEphemeral() && !EphemeralOwner.isEphemeral(ctx.caller().sessionId())) {
            // Where ZooKeeper checks the session: an id that cannot own an ephemeral (0, or one that reads
            // as a container or TTL marker) would silently make a persistent or special node.
            throw PrepContext.failure(ErrorCode.BADARGUMENTS);
        }
        List<Acl> acl = ctx.aclChecker().fixup(op.acl(), ctx.caller())
                .orElseThrow(() -> PrepContext.failure(ErrorCode.INVALIDACL));
        String parentPath = PathValidation.parentOf(op.path());
        PendingNode parent = ctx.requireNode(parentPath);
        ctx.requirePerm(parent, Perms.CREATE);
        String path = mode.isSequential() ? op.path() + sequenceSuffix(parent.childCreations()) : op.path();
        PrepContext.requireValidPath(path);
        if (ctx.view().find(path) != null) {
            throw PrepContext.failure(ErrorCode.NODEEXISTS);
        }
        if (EphemeralOwner.isEphemeral(parent.ephemeralOwner())) {
            throw PrepContext.failure(ErrorCode.NOCHILDRENFOREPHEMERALS);
        }
        long owner = ephemeralOwner(mode, ctx.caller().sessionId(), op.ttlMs());
        int parentCreations = parent.childCreations() + 1;
        ctx.view().put(parentPath, parent.withChildCreated(parentCreations));
        ctx.view().put(path, PendingNode.created(owner, acl, ctx.nowMs()));
        return new CreateTxn(path, op.data(), acl, owner, parentCreations);
    }

    private static void checkClientRules(PrepContext ctx, Op.Create op, CreateMode mode) throws PrepFailure {
        if (mode == null || PathValidation.problem(op.path(), mode.isSequential()).isPresent()) {
            throw PrepContext.failure(ErrorCode.BADARGUMENTS);
        }
        if (!ttlFitsMode(mode, op.ttlMs())) {
            throw PrepContext.failure(ErrorCode.BADARGUMENTS);
        }
        if (op.acl() == null || op.acl().isEmpty()) {
            throw PrepContext.failure(ErrorCode.INVALIDACL);
        }
        ctx.requireDataWithinLimit(op.data());
    }

    /**
     * EphemeralType.validateTTL: a TTL mode needs 0 < ttl <= {@link EphemeralOwner#MAX_TTL_MS}; any other
     * mode must not carry a TTL. ZooKeeper marks "no TTL" with -1, {@code Op.Create} with 0, so here a
     * non-TTL mode only rejects a positive TTL.
     */
    static boolean ttlFitsMode(CreateMode mode, long ttlMs) {
        if (mode.isTtl()) {
            return ttlMs > 0 && ttlMs <= EphemeralOwner.MAX_TTL_MS;
        }
        return ttlMs <= 0;
    }

    /**
     * The parent's creation counter as {@code %010d} formats it: zero-padded to ten characters, the sign first
     * ("-000000001", and "-2147483648" after wrapping). By hand: String.format was 5% of a create-heavy profile.
     */
    static String sequenceSuffix(int childCreations) {
        String digits = Long.toString(Math.abs((long) childCreations));
        int width = childCreations < 0 ? 9 : 10;
        StringBuilder suffix = new StringBuilder(11);
        if (childCreations < 0) {
            suffix.append('-');
        }
        for (int pad = digits.length(); pad < width; pad++) {
            suffix.append('0');
        }
        return suffix.append(digits).toString();
    }

    private static long ephemeralOwner(CreateMode mode, long sessionId, long ttlMs) {
        if (mode.isContainer()) {
            return EphemeralOwner.CONTAINER;
        }
        if (mode.isTtl()) {
            return EphemeralOwner.ttl(ttlMs);
        }
        return mode.isEphemeral() ? sessionId : EphemeralOwner.PERSISTENT;
    }
}
