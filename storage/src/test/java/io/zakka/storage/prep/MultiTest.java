package io.zakka.storage.prep;

import static io.zakka.storage.Fixture.bytes;
import static io.zakka.storage.Fixture.create;
import static io.zakka.storage.Fixture.persistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.Fixture;
import io.zakka.storage.tree.ApplyResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** multi: all or nothing under one zxid, ZooKeeper's error pattern, later ops see earlier ones. */
class MultiTest {
    private static final OpResult OK = new OpResult.Error(ErrorCode.OK);
    private static final OpResult LATER = new OpResult.Error(ErrorCode.RUNTIMEINCONSISTENCY);

    private final Fixture fx = new Fixture();

    private OpResult.MultiResult rejectedMulti(Op... ops) {
        PrepOutcome outcome = fx.prep(new Op.Multi(List.of(ops)));
        return assertInstanceOf(OpResult.MultiResult.class,
                assertInstanceOf(PrepOutcome.Rejected.class, outcome).result());
    }

    @Test
    void failedMultiReportsOkBeforeFailureAndRuntimeInconsistencyAfter() {
        fx.write(persistent("/a"));
        OpResult.MultiResult result = rejectedMulti(persistent("/b"), new Op.SetData("/a", null, 0),
                persistent("/a"), new Op.Delete("/a", -1), new Op.Check("/a", -1));
        assertEquals(List.of(OK, OK, new OpResult.Error(ErrorCode.NODEEXISTS), LATER, LATER), result.results());
    }

    @Test
    void failureAtTheFirstOpMakesEveryLaterOpRuntimeInconsistency() {
        OpResult.MultiResult result = rejectedMulti(new Op.Check("/missing", -1), persistent("/x"));
        assertEquals(List.of(new OpResult.Error(ErrorCode.NONODE), LATER), result.results());
    }

    @Test
    void failedMultiLeavesNoInFlightChangesAndConsumesNoZxid() {
        fx.write(persistent("/a"));
        int before = fx.prep.inFlightChanges();
        var lastProposed = fx.prep.lastProposed();
        rejectedMulti(persistent("/a/b"), new Op.SetData("/a", null, -1), new Op.Delete("/missing", -1));
        assertEquals(before, fx.prep.inFlightChanges());
        assertEquals(lastProposed, fx.prep.lastProposed());
        fx.assertRejected(ErrorCode.NONODE, new Op.SetData("/a/b", null, -1));
        assertEquals(new Txn.SetDataTxn("/a", null, 1), fx.propose(new Op.SetData("/a", null, 0)).txn());
    }

    @Test
    void laterOpsSeeEarlierOpsEffects() {
        TxnEntry entry = fx.propose(new Op.Multi(List.of(persistent("/p"), persistent("/p/c"),
                new Op.SetData("/p", bytes("v"), 0), new Op.Check("/p", 1),
                new Op.SetData("/p/c", null, 0), new Op.Delete("/p/c", 1))));
        Txn.MultiTxn multi = assertInstanceOf(Txn.MultiTxn.class, entry.txn());
        Txn.CreateTxn child = (Txn.CreateTxn) multi.txns().get(1);
        assertEquals("/p/c", child.path());
        assertEquals(1, child.parentCversion());
        assertEquals(new Txn.CheckVersionTxn("/p", 1), multi.txns().get(3));
        fx.apply(entry);
        assertEquals(1, fx.tree.get("/p").stat().version());
        assertNull(fx.tree.get("/p/c"));
        assertEquals(2, fx.tree.get("/p").stat().cversion());
    }

    @Test
    void deleteThenRecreateInOneMultiIsAccepted() {
        fx.write(persistent("/a"));
        fx.propose(new Op.Multi(List.of(new Op.Delete("/a", -1), persistent("/a"))));
    }

    @Test
    void sequentialCreatesInOneMultiGetConsecutiveNumbers() {
        fx.write(persistent("/q"));
        ApplyResult result = fx.write(new Op.Multi(List.of(create("/q/n", CreateMode.PERSISTENT_SEQUENTIAL),
                create("/q/n", CreateMode.PERSISTENT_SEQUENTIAL))));
        List<OpResult> results = ((OpResult.MultiResult) result.result()).results();
        assertEquals("/q/n0000000000", ((OpResult.Created) results.get(0)).path());
        assertEquals("/q/n0000000001", ((OpResult.Created) results.get(1)).path());
    }

    @Test
    void allOpsOfAMultiShareOneZxid() {
        fx.write(persistent("/a"));
        TxnEntry entry = fx.propose(new Op.Multi(List.of(persistent("/b"), new Op.SetData("/a", null, -1))));
        assertEquals(fx.prep.lastProposed(), entry.header().zxid());
        fx.apply(entry);
        long zxid = entry.header().zxid().toLong();
        assertEquals(zxid, fx.tree.get("/b").stat().czxid());
        assertEquals(zxid, fx.tree.get("/a").stat().mzxid());
        assertEquals(entry.header().zxid(), fx.tree.lastAppliedZxid());
    }

    @Test
    void appliedMultiResultHasOneResultPerOp() {
        fx.write(persistent("/a"));
        ApplyResult result = fx.write(new Op.Multi(List.of(persistent("/b"), new Op.SetData("/a", null, -1),
                new Op.Check("/a", 1), new Op.Delete("/b", 0))));
        List<OpResult> results = ((OpResult.MultiResult) result.result()).results();
        assertInstanceOf(OpResult.Created.class, results.get(0));
        assertEquals(1, ((OpResult.StatResult) results.get(1)).stat().version());
        assertEquals(new OpResult.Done(), results.get(2));
        assertEquals(new OpResult.Done(), results.get(3));
    }

    @Test
    void checkInsideAMultiNeedsReadAndTheVersion() {
        fx.write(Fixture.withAcl("/s", List.of(new Acl(Perms.WRITE, Id.ANYONE))));
        assertEquals(List.of(new OpResult.Error(ErrorCode.NOAUTH)), rejectedMulti(new Op.Check("/s", -1)).results());
        fx.write(persistent("/a"));
        assertEquals(List.of(new OpResult.Error(ErrorCode.BADVERSION)),
                rejectedMulti(new Op.Check("/a", 3)).results());
        assertEquals(List.of(new OpResult.Error(ErrorCode.BADARGUMENTS)),
                rejectedMulti(new Op.Check("/a/", 0)).results());
    }

    @Test
    void eachOpIsCheckedInItsOwnOrderInsideAMulti() {
        fx.write(Fixture.withAcl("/locked", List.of(new Acl(Perms.READ, Id.ANYONE))));
        assertEquals(List.of(OK, new OpResult.Error(ErrorCode.NOAUTH)),
                rejectedMulti(persistent("/ok"), new Op.Delete("/locked/missing", -1)).results());
        Fixture small = new Fixture(new PrepConfig(1, true));
        OpResult rejected = ((PrepOutcome.Rejected) small.prep(new Op.Multi(List.of(
                new Op.SetData("/zookeeper", new byte[2], -1))))).result();
        assertEquals(new OpResult.MultiResult(List.of(new OpResult.Error(ErrorCode.BADARGUMENTS))), rejected);
    }

    @Test
    void opsOtherThanCreateDeleteSetDataAndCheckRejectTheWholeMulti() {
        fx.write(persistent("/a"));
        for (Op op : List.<Op>of(new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, -1), new Op.DeleteContainer("/a"),
                new Op.Multi(List.of()), new Op.CloseSession(), new Op.GetData("/a", false))) {
            assertEquals(ErrorCode.BADARGUMENTS, fx.reject(new Op.Multi(List.of(persistent("/b"), op))),
                    op.toString());
        }
        assertEquals(0, fx.prep.inFlightChanges());
    }

    @Test
    void emptyMultiIsProposedAsAnEmptyMultiTxn() {
        TxnEntry entry = fx.propose(new Op.Multi(List.of()));
        assertEquals(new Txn.MultiTxn(List.of()), entry.txn());
        assertEquals(new OpResult.MultiResult(List.of()), fx.apply(entry).result());
    }

    @Test
    void multiIsCheckedAgainstTheChangesOfEarlierWritesInFlight() {
        fx.propose(persistent("/a"));
        fx.propose(new Op.SetData("/a", null, 0));
        fx.propose(new Op.Multi(List.of(new Op.Check("/a", 1), persistent("/a/b"))));
        OpResult.MultiResult result = rejectedMulti(new Op.Check("/a", 1), new Op.Delete("/a", -1));
        assertEquals(List.of(OK, new OpResult.Error(ErrorCode.NOTEMPTY)), result.results());
    }
}
