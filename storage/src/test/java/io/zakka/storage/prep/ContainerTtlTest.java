package io.zakka.storage.prep;

import static io.zakka.storage.Fixture.create;
import static io.zakka.storage.Fixture.persistent;
import static io.zakka.storage.Fixture.withAcl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EphemeralOwner;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.txn.Txn;
import io.zakka.storage.Fixture;
import io.zakka.storage.acl.Caller;
import io.zakka.storage.tree.ApplyResult;
import io.zakka.storage.tree.ReaperScan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Containers and TTL nodes: what the reaper picks and what deleteContainer accepts. */
class ContainerTtlTest {
    private static final long TTL_MS = 1_000L;

    private final Fixture fx = new Fixture();

    private static Op.Create ttlNode(String path) {
        return new Op.Create(path, null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, TTL_MS);
    }

    private List<String> candidates(long nowMs) {
        return ReaperScan.candidates(fx.tree, nowMs, 100);
    }

    private ErrorCode deleteContainer(String path) {
        return fx.reject(Caller.SERVER, new Op.DeleteContainer(path));
    }

    @Test
    void reaperSkipsContainersThatNeverHadAChild() {
        fx.write(create("/c", CreateMode.CONTAINER));
        assertEquals(List.of(), candidates(Long.MAX_VALUE));
    }

    @Test
    void reaperPicksEmptyContainersThatHadAChild() {
        fx.write(create("/c", CreateMode.CONTAINER));
        fx.write(persistent("/c/child"));
        assertEquals(List.of(), candidates(0L));
        fx.write(new Op.Delete("/c/child", -1));
        assertEquals(List.of("/c"), candidates(0L));
    }

    @Test
    void reaperPicksTtlNodesOnlyOnceMtimePlusTtlIsBeforeNow() {
        fx.nowMs = 10_000L;
        fx.write(ttlNode("/t"));
        assertEquals(List.of(), candidates(10_000L + TTL_MS));
        assertEquals(List.of("/t"), candidates(10_000L + TTL_MS + 1));
    }

    @Test
    void setDataRestartsTheTtl() {
        fx.nowMs = 10_000L;
        fx.write(ttlNode("/t"));
        fx.nowMs = 10_900L;
        fx.write(new Op.SetData("/t", null, -1));
        assertEquals(List.of(), candidates(11_500L));
        assertEquals(List.of("/t"), candidates(11_901L));
    }

    @Test
    void reaperSkipsTtlNodesWithChildren() {
        fx.write(ttlNode("/t"));
        fx.write(persistent("/t/child"));
        assertEquals(List.of(), candidates(Long.MAX_VALUE));
    }

    @Test
    void reaperReturnsAtMostMaxCandidatesContainersFirst() {
        for (String name : List.of("/c1", "/c2")) {
            fx.write(create(name, CreateMode.CONTAINER));
            fx.write(persistent(name + "/x"));
            fx.write(new Op.Delete(name + "/x", -1));
        }
        fx.write(ttlNode("/t"));
        assertEquals(List.of("/c1", "/c2", "/t"), candidates(Long.MAX_VALUE));
        assertEquals(List.of("/c1", "/c2"), ReaperScan.candidates(fx.tree, Long.MAX_VALUE, 2));
        assertEquals(List.of(), ReaperScan.candidates(fx.tree, Long.MAX_VALUE, 0));
    }

    @Test
    void deleteContainerDeletesAnEmptyContainerAndFiresItsWatches() {
        fx.write(create("/c", CreateMode.CONTAINER));
        ApplyResult result = fx.write(Caller.SERVER, new Op.DeleteContainer("/c"));
        assertNull(fx.tree.get("/c"));
        assertEquals(List.of(EventType.NODE_DELETED, EventType.NODE_CHILDREN_CHANGED),
                result.triggers().stream().map(t -> t.event().type()).toList());
    }

    @Test
    void deleteContainerOfANodeWithChildrenIsNotEmpty() {
        fx.write(create("/c", CreateMode.CONTAINER));
        fx.write(persistent("/c/child"));
        assertEquals(ErrorCode.NOTEMPTY, deleteContainer("/c"));
    }

    @Test
    void deleteContainerSeesAChildCreatedInFlight() {
        fx.write(create("/c", CreateMode.CONTAINER));
        fx.propose(persistent("/c/child"));
        assertEquals(ErrorCode.NOTEMPTY, deleteContainer("/c"));
    }

    @Test
    void deleteContainerRefusesEphemeralAndPlainNodesWithBadVersion() {
        fx.write(create("/e", CreateMode.EPHEMERAL));
        fx.write(persistent("/p"));
        assertEquals(ErrorCode.BADVERSION, deleteContainer("/e"));
        assertEquals(ErrorCode.BADVERSION, deleteContainer("/p"));
    }

    @Test
    void deleteContainerOfATtlNodeNeedsTheTtlToHaveRunOut() {
        fx.nowMs = 10_000L;
        fx.write(ttlNode("/t"));
        fx.nowMs = 10_000L + TTL_MS;
        assertEquals(ErrorCode.BADVERSION, deleteContainer("/t"));
        fx.nowMs = 10_000L + TTL_MS + 1;
        assertEquals(new Txn.DeleteTxn("/t"), fx.propose(Caller.SERVER, new Op.DeleteContainer("/t")).txn());
    }

    @Test
    void deleteContainerSeesASetDataInFlightThatRestartsTheTtl() {
        fx.nowMs = 10_000L;
        fx.write(ttlNode("/t"));
        fx.nowMs = 20_000L;
        fx.propose(new Op.SetData("/t", null, -1));
        assertEquals(ErrorCode.BADVERSION, deleteContainer("/t"));
    }

    @Test
    void deleteContainerOfMissingOrSystemNodes() {
        assertEquals(ErrorCode.NONODE, deleteContainer("/missing"));
        assertEquals(ErrorCode.BADARGUMENTS, deleteContainer("/zookeeper"));
        assertEquals(ErrorCode.BADARGUMENTS, deleteContainer("/"));
    }

    @Test
    void deleteContainerChecksNoAcl() {
        fx.write(withAcl("/locked", List.of(new Acl(Perms.CREATE, Id.ANYONE))));
        fx.write(create("/locked/c", CreateMode.CONTAINER));
        fx.propose(new Op.DeleteContainer("/locked/c"));
    }

    @Test
    void ttlNodesAreUnimplementedWhenTtlIsDisabled() {
        Fixture noTtl = new Fixture(new PrepConfig(100, false));
        noTtl.assertRejected(ErrorCode.UNIMPLEMENTED, ttlNode("/t"));
        noTtl.propose(create("/c", CreateMode.CONTAINER));
    }

    @Test
    void sequentialTtlNodesGetASuffixAndTheTtlOwner() {
        fx.write(persistent("/q"));
        Txn.CreateTxn txn = (Txn.CreateTxn) fx.propose(new Op.Create("/q/t-", null, Acl.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, TTL_MS)).txn();
        assertEquals("/q/t-0000000000", txn.path());
        assertEquals(EphemeralOwner.ttl(TTL_MS), txn.ephemeralOwner());
    }
}
