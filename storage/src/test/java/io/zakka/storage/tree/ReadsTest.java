package io.zakka.storage.tree;

import static io.zakka.storage.Fixture.ALICE;
import static io.zakka.storage.Fixture.ALICE_CALLER;
import static io.zakka.storage.Fixture.ANONYMOUS;
import static io.zakka.storage.Fixture.bytes;
import static io.zakka.storage.Fixture.create;
import static io.zakka.storage.Fixture.persistent;
import static io.zakka.storage.Fixture.withAcl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.storage.Fixture;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.acl.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads with ZooKeeper 3.9.5's checks (FinalRequestProcessor). */
class ReadsTest {
    private static final Id BOB = AclChecker.digestId("bob:pw");
    private static final Caller OTHER = new Caller(Fixture.OTHER_SESSION, List.of());

    private final Fixture fx = new Fixture();
    private final Reads reads = new Reads(fx.tree, new AclChecker(Optional.empty()));

    private OpResult read(Caller caller, Op.ReadOp op) {
        return reads.read(caller, op);
    }

    private static ErrorCode code(OpResult result) {
        return assertInstanceOf(OpResult.Error.class, result).code();
    }

    private void createAliceOnly(String path, int perms) {
        fx.write(withAcl(path, List.of(new Acl(perms, ALICE))));
    }

    @Test
    void existsReturnsTheStatOfAReadableNode() {
        fx.write(persistent("/a"));
        OpResult.StatResult result = (OpResult.StatResult) read(ANONYMOUS, new Op.Exists("/a", true));
        assertEquals(fx.tree.get("/a").stat(), result.stat());
    }

    @Test
    void existsOnAMissingNodeIsNoNode() {
        assertEquals(ErrorCode.NONODE, code(read(ANONYMOUS, new Op.Exists("/missing", true))));
    }

    @Test
    void existsNeedsReadOnAnExistingNode() {
        createAliceOnly("/secret", Perms.ALL);
        assertEquals(ErrorCode.NOAUTH, code(read(ANONYMOUS, new Op.Exists("/secret", false))));
        assertInstanceOf(OpResult.StatResult.class, read(ALICE_CALLER, new Op.Exists("/secret", false)));
    }

    @Test
    void invalidPathIsBadArguments() {
        assertEquals(ErrorCode.BADARGUMENTS, code(read(ANONYMOUS, new Op.Exists("a", false))));
        assertEquals(ErrorCode.BADARGUMENTS, code(read(ANONYMOUS, new Op.GetData("/a/", false))));
        assertEquals(ErrorCode.BADARGUMENTS, code(read(ANONYMOUS, new Op.GetChildren("/a\u0000", false, true))));
    }

    @Test
    void getDataReturnsDataAndStatAndNeedsRead() {
        fx.write(persistent("/a"));
        OpResult.DataResult data = (OpResult.DataResult) read(ANONYMOUS, new Op.GetData("/a", false));
        assertArrayEquals(bytes("x"), data.data());
        assertEquals(fx.tree.get("/a").stat(), data.stat());
        createAliceOnly("/s", Perms.WRITE);
        assertEquals(ErrorCode.NOAUTH, code(read(ALICE_CALLER, new Op.GetData("/s", false))));
        assertEquals(ErrorCode.NONODE, code(read(ANONYMOUS, new Op.GetData("/missing", false))));
    }

    @Test
    void getDataOfNullDataIsNull() {
        fx.write(new Op.Create("/n", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        assertNull(((OpResult.DataResult) read(ANONYMOUS, new Op.GetData("/n", false))).data());
    }

    @Test
    void getChildrenListsNamesAndGetChildren2AddsTheStat() {
        fx.write(persistent("/p"));
        fx.write(persistent("/p/b"));
        fx.write(persistent("/p/a"));
        OpResult.ChildrenResult plain = (OpResult.ChildrenResult) read(ANONYMOUS, new Op.GetChildren("/p", false,
                false));
        assertEquals(List.of("a", "b"), plain.children());
        assertNull(plain.stat());
        OpResult.ChildrenResult two = (OpResult.ChildrenResult) read(ANONYMOUS, new Op.GetChildren("/p", false,
                true));
        assertEquals(fx.tree.get("/p").stat(), two.stat());
        assertEquals(ErrorCode.NONODE, code(read(ANONYMOUS, new Op.GetChildren("/missing", false, false))));
    }

    @Test
    void getChildrenNeedsRead() {
        createAliceOnly("/s", Perms.CREATE);
        assertEquals(ErrorCode.NOAUTH, code(read(ANONYMOUS, new Op.GetChildren("/s", true, false))));
    }

    @Test
    void getAclMasksDigestHashesWithoutAdmin() {
        List<Acl> acl = List.of(new Acl(Perms.READ, Id.ANYONE), new Acl(Perms.ALL, ALICE),
                new Acl(Perms.READ, new Id("ip", "10.0.0.0/8")));
        fx.write(withAcl("/a", acl));
        OpResult.AclResult masked = (OpResult.AclResult) read(ANONYMOUS, new Op.GetAcl("/a"));
        assertEquals(List.of(new Acl(Perms.READ, Id.ANYONE), new Acl(Perms.ALL, new Id("digest", "alice:x")),
                new Acl(Perms.READ, new Id("ip", "10.0.0.0/8"))), masked.acl());
        assertEquals(fx.tree.get("/a").stat(), masked.stat());
        OpResult.AclResult full = (OpResult.AclResult) read(ALICE_CALLER, new Op.GetAcl("/a"));
        assertEquals(acl, full.acl());
    }

    @Test
    void getAclNeedsReadOrAdmin() {
        createAliceOnly("/w", Perms.WRITE);
        createAliceOnly("/admin", Perms.ADMIN);
        assertEquals(ErrorCode.NOAUTH, code(read(ALICE_CALLER, new Op.GetAcl("/w"))));
        OpResult.AclResult adminOnly = (OpResult.AclResult) read(ALICE_CALLER, new Op.GetAcl("/admin"));
        assertEquals(ALICE, adminOnly.acl().get(0).id());
        assertEquals(ErrorCode.NONODE, code(read(ALICE_CALLER, new Op.GetAcl("/missing"))));
    }

    @Test
    void getAclOfASuperCallerIsUnmasked() {
        fx.write(withAcl("/b", List.of(new Acl(Perms.READ, BOB))));
        OpResult.AclResult result = (OpResult.AclResult) read(Caller.SERVER, new Op.GetAcl("/b"));
        assertEquals(BOB, result.acl().get(0).id());
    }

    @Test
    void getAllChildrenNumberCountsAllDescendantsAndNeedsRead() {
        fx.write(persistent("/a"));
        fx.write(persistent("/a/b"));
        fx.write(persistent("/a/b/c"));
        assertEquals(new OpResult.CountResult(2), read(ANONYMOUS, new Op.GetAllChildrenNumber("/a")));
        assertEquals(new OpResult.CountResult(6), read(ANONYMOUS, new Op.GetAllChildrenNumber("/")));
        assertEquals(ErrorCode.NONODE, code(read(ANONYMOUS, new Op.GetAllChildrenNumber("/x"))));
        createAliceOnly("/s", Perms.WRITE);
        assertEquals(ErrorCode.NOAUTH, code(read(ANONYMOUS, new Op.GetAllChildrenNumber("/s"))));
    }

    @Test
    void getEphemeralsListsOnlyTheCallingSessionsNodesMatchingThePrefixString() {
        fx.write(persistent("/app"));
        fx.write(create("/app/e1", CreateMode.EPHEMERAL));
        fx.write(create("/application", CreateMode.EPHEMERAL));
        fx.write(create("/other", CreateMode.EPHEMERAL));
        fx.write(OTHER, create("/app/theirs", CreateMode.EPHEMERAL));
        assertEquals(new OpResult.PathsResult(List.of("/app/e1", "/application", "/other")),
                read(ANONYMOUS, new Op.GetEphemerals("/")));
        assertEquals(new OpResult.PathsResult(List.of("/app/e1", "/application")),
                read(ANONYMOUS, new Op.GetEphemerals("/app")));
        assertEquals(new OpResult.PathsResult(List.of("/app/e1")), read(ANONYMOUS, new Op.GetEphemerals("/app/e")));
        assertEquals(new OpResult.PathsResult(List.of("/app/theirs")), read(OTHER, new Op.GetEphemerals(null)));
        assertEquals(ErrorCode.BADARGUMENTS, code(read(ANONYMOUS, new Op.GetEphemerals("app"))));
    }

    @Test
    void getEphemeralsChecksNoAcl() {
        fx.write(withAcl("/locked", List.of(new Acl(Perms.CREATE | Perms.DELETE, Id.ANYONE))));
        fx.write(create("/locked/e", CreateMode.EPHEMERAL));
        assertEquals(new OpResult.PathsResult(List.of("/locked/e")), read(ANONYMOUS, new Op.GetEphemerals("/")));
    }

    @Test
    void multiReadAnswersEachOpOnItsOwn() {
        fx.write(persistent("/a"));
        createAliceOnly("/s", Perms.ALL);
        OpResult.MultiResult result = (OpResult.MultiResult) read(ANONYMOUS, new Op.MultiRead(List.of(
                new Op.GetData("/a", false), new Op.GetData("/missing", false), new Op.GetChildren("/", false, true),
                new Op.GetData("/s", false))));
        assertEquals(4, result.results().size());
        assertArrayEquals(bytes("x"), ((OpResult.DataResult) result.results().get(0)).data());
        assertEquals(ErrorCode.NONODE, code(result.results().get(1)));
        OpResult.ChildrenResult children = (OpResult.ChildrenResult) result.results().get(2);
        assertEquals(List.of("a", "s", "zookeeper"), children.children());
        assertNull(children.stat());
        assertEquals(ErrorCode.NOAUTH, code(result.results().get(3)));
    }

    @Test
    void multiReadHoldsOnlyGetDataAndGetChildren() {
        assertEquals(ErrorCode.BADARGUMENTS, code(read(ANONYMOUS, new Op.MultiRead(List.of(
                new Op.GetData("/", false), new Op.Exists("/", false))))));
        assertEquals(ErrorCode.BADARGUMENTS, code(read(ANONYMOUS, new Op.MultiRead(List.of(new Op.SetData("/",
                null, -1))))));
    }

    @Test
    void everyReadOpKindIsAnswered() {
        List<Op.ReadOp> samples = List.of(new Op.Exists("/", false), new Op.GetData("/", false),
                new Op.GetAcl("/"), new Op.GetChildren("/", false, false), new Op.GetAllChildrenNumber("/"),
                new Op.GetEphemerals("/"), new Op.MultiRead(List.of()));
        Set<Class<?>> kinds = new HashSet<>();
        for (Op.ReadOp op : samples) {
            assertFalse(read(ANONYMOUS, op).isError(), op.toString());
            kinds.add(op.getClass());
        }
        assertEquals(Set.of(Op.ReadOp.class.getPermittedSubclasses()), kinds);
    }

    @Test
    void systemConfigNodeIsReadableByAnyone() {
        assertInstanceOf(OpResult.DataResult.class, read(ANONYMOUS, new Op.GetData("/zookeeper/config", false)));
    }
}
