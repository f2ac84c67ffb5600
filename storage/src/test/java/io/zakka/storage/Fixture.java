package io.zakka.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.acl.Caller;
import io.zakka.storage.prep.PrepConfig;
import io.zakka.storage.prep.PrepOutcome;
import io.zakka.storage.prep.PrepStage;
import io.zakka.storage.tree.ApplyResult;
import io.zakka.storage.tree.DataTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A tree with its prep stage, driven the way the leader drives them: prep a write, then apply the
 * proposed txn and report it applied. Time is a field the test sets.
 */
public final class Fixture {
    public static final long SESSION = 0x0100_0000_0000_0001L;
    public static final long OTHER_SESSION = 0x0100_0000_0000_0002L;
    public static final Caller ANONYMOUS = new Caller(SESSION, List.of(new Id("ip", "127.0.0.1")));
    public static final Id ALICE = AclChecker.digestId("alice:secret");
    public static final Caller ALICE_CALLER = new Caller(SESSION, List.of(ALICE));

    public final DataTree tree = new DataTree();
    public final PrepStage prep;
    public long nowMs = 1_000L;
    private int cxid;

    public Fixture() {
        this(PrepConfig.DEFAULTS);
    }

    public Fixture(PrepConfig config) {
        prep = new PrepStage(tree, config, new AclChecker(Optional.empty()));
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static Op.Create persistent(String path) {
        return new Op.Create(path, bytes("x"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }

    public static Op.Create create(String path, CreateMode mode) {
        return new Op.Create(path, bytes("x"), Acl.OPEN_ACL_UNSAFE, mode);
    }

    public static Op.Create withAcl(String path, List<Acl> acl) {
        return new Op.Create(path, bytes("x"), acl, CreateMode.PERSISTENT);
    }

    public PrepOutcome prep(Op.WriteOp op) {
        return prep(ANONYMOUS, op);
    }

    public PrepOutcome prep(Caller caller, Op.WriteOp op) {
        return prep.prep(caller, ++cxid, op, nowMs);
    }

    /** Preps a write that must be accepted and returns its txn without applying it. */
    public TxnEntry propose(Caller caller, Op.WriteOp op) {
        PrepOutcome outcome = prep(caller, op);
        return assertInstanceOf(PrepOutcome.Proposed.class, outcome, () -> "rejected: " + outcome).entry();
    }

    public TxnEntry propose(Op.WriteOp op) {
        return propose(ANONYMOUS, op);
    }

    /** Applies a proposed txn and tells prep, as the leader does after commit. */
    public ApplyResult apply(TxnEntry entry) {
        ApplyResult result = tree.apply(entry);
        prep.applied(entry.header().zxid());
        return result;
    }

    public ApplyResult write(Caller caller, Op.WriteOp op) {
        return apply(propose(caller, op));
    }

    public ApplyResult write(Op.WriteOp op) {
        return write(ANONYMOUS, op);
    }

    /** Preps a write that must be rejected with a plain error, and returns its code. */
    public ErrorCode reject(Caller caller, Op.WriteOp op) {
        PrepOutcome outcome = prep(caller, op);
        PrepOutcome.Rejected rejected = assertInstanceOf(PrepOutcome.Rejected.class, outcome);
        return assertInstanceOf(OpResult.Error.class, rejected.result()).code();
    }

    public ErrorCode reject(Op.WriteOp op) {
        return reject(ANONYMOUS, op);
    }

    public void assertRejected(ErrorCode expected, Op.WriteOp op) {
        assertEquals(expected, reject(op));
    }
}
