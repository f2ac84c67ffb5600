package io.zakka.storage.prep;

import static io.zakka.storage.Fixture.ALICE;
import static io.zakka.storage.Fixture.ALICE_CALLER;
import static io.zakka.storage.Fixture.ANONYMOUS;
import static io.zakka.storage.Fixture.bytes;
import static io.zakka.storage.Fixture.create;
import static io.zakka.storage.Fixture.persistent;
import static io.zakka.storage.Fixture.withAcl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EphemeralOwner;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import io.zakka.storage.Fixture;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.acl.Caller;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Create: each check, and ZooKeeper's order between them (PrepRequestProcessor.pRequest2TxnCreate). */
class PrepCreateTest {
    private static final List<Acl> NO_CREATE = List.of(new Acl(Perms.ALL & ~Perms.CREATE, Id.ANYONE));
    private static final List<Acl> BAD_SCHEME = List.of(new Acl(Perms.ALL, new Id("unknown", "x")));

    private final Fixture fx = new Fixture();

    private static Txn.CreateTxn createTxn(TxnEntry entry) {
        return assertInstanceOf(Txn.CreateTxn.class, entry.txn());
    }

    @Test
    void createBuildsATxnWithTheFinalPathDataAclOwnerAndNewParentCounter() {
        fx.nowMs = 123L;
        TxnEntry entry = fx.propose(new Op.Create("/a", bytes("v"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        assertEquals(new TxnHeader(Fixture.SESSION, 1, new Zxid(0, 1), 123L), entry.header());
        Txn.CreateTxn txn = createTxn(entry);
        assertEquals("/a", txn.path());
        assertArrayEquals(bytes("v"), txn.data());
        assertEquals(Acl.OPEN_ACL_UNSAFE, txn.acl());
        assertEquals(0L, txn.ephemeralOwner());
        assertEquals(1, txn.parentCversion());
    }

    @Test
    void ephemeralOwnerEncodesTheModeAndSession() {
        assertEquals(Fixture.SESSION, createTxn(fx.propose(create("/e", CreateMode.EPHEMERAL))).ephemeralOwner());
        assertEquals(EphemeralOwner.CONTAINER, createTxn(fx.propose(create("/c", CreateMode.CONTAINER)))
                .ephemeralOwner());
        Op.Create ttl = new Op.Create("/t", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, 60_000L);
        assertEquals(EphemeralOwner.ttl(60_000L), createTxn(fx.propose(ttl)).ephemeralOwner());
    }

    @Test
    void zxidsAreConsecutiveAndRejectedWritesConsumeNone() {
        TxnEntry first = fx.propose(persistent("/a"));
        fx.assertRejected(ErrorCode.NODEEXISTS, persistent("/a"));
        fx.assertRejected(ErrorCode.NONODE, persistent("/x/y"));
        TxnEntry second = fx.propose(persistent("/b"));
        assertEquals(first.header().zxid().next(), second.header().zxid());
        assertEquals(second.header().zxid(), fx.prep.lastProposed());
    }

    @Test
    void prepContinuesFromTheGivenZxidOfANewEpoch() {
        PrepStage leader = new PrepStage(fx.tree, PrepConfig.DEFAULTS, new AclChecker(Optional.empty()),
                new Zxid(3, 0));
        PrepOutcome outcome = leader.prep(ANONYMOUS, 1, persistent("/a"), 0L);
        assertEquals(new Zxid(3, 1), ((PrepOutcome.Proposed) outcome).entry().header().zxid());
    }

    @Test
    void invalidPathIsBadArguments() {
        for (String path : List.of("a", "/a/", "/a//b", "/a/./b", "/a/..", "/a\u0000b", "/a\u0001", "")) {
            fx.assertRejected(ErrorCode.BADARGUMENTS, persistent(path));
        }
    }

    @Test
    void nullModeIsBadArguments() {
        fx.assertRejected(ErrorCode.BADARGUMENTS, new Op.Create("/a", null, Acl.OPEN_ACL_UNSAFE, null));
    }

    @Test
    void dataOverTheLimitIsBadArgumentsAndDataAtTheLimitIsAccepted() {
        Fixture small = new Fixture(new PrepConfig(4, true));
        small.assertRejected(ErrorCode.BADARGUMENTS, new Op.Create("/a", new byte[5], Acl.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT));
        small.propose(new Op.Create("/a", new byte[4], Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        fx.assertRejected(ErrorCode.BADARGUMENTS, new Op.Create("/big", new byte[0x100000], Acl.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT));
        fx.propose(new Op.Create("/max", new byte[0xfffff], Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
    }

    @Test
    void nullOrEmptyAclIsInvalidAcl() {
        fx.assertRejected(ErrorCode.INVALIDACL, withAcl("/a", null));
        fx.assertRejected(ErrorCode.INVALIDACL, withAcl("/a", List.of()));
    }

    @Test
    void unknownSchemeOrAuthWithoutIdsIsInvalidAcl() {
        fx.assertRejected(ErrorCode.INVALIDACL, withAcl("/a", BAD_SCHEME));
        fx.assertRejected(ErrorCode.INVALIDACL, withAcl("/a", Acl.CREATOR_ALL_ACL));
    }

    @Test
    void authAclIsStoredAsTheCreatorsDigestIds() {
        TxnEntry entry = fx.propose(ALICE_CALLER, withAcl("/mine", Acl.CREATOR_ALL_ACL));
        assertEquals(List.of(new Acl(Perms.ALL, ALICE)), createTxn(entry).acl());
    }

    @Test
    void missingParentIsNoNode() {
        fx.assertRejected(ErrorCode.NONODE, persistent("/missing/child"));
    }

    @Test
    void noCreatePermissionOnTheParentIsNoAuth() {
        fx.write(withAcl("/locked", NO_CREATE));
        fx.assertRejected(ErrorCode.NOAUTH, persistent("/locked/child"));
        fx.propose(Caller.SERVER, persistent("/locked/child"));
    }

    @Test
    void existingNodeIsNodeExists() {
        fx.write(persistent("/a"));
        fx.assertRejected(ErrorCode.NODEEXISTS, persistent("/a"));
        fx.assertRejected(ErrorCode.NODEEXISTS, persistent("/zookeeper"));
        fx.assertRejected(ErrorCode.NODEEXISTS, persistent("/"));
    }

    @Test
    void ephemeralParentIsNoChildrenForEphemerals() {
        fx.write(create("/e", CreateMode.EPHEMERAL));
        fx.assertRejected(ErrorCode.NOCHILDRENFOREPHEMERALS, persistent("/e/child"));
        fx.assertRejected(ErrorCode.NOCHILDRENFOREPHEMERALS, create("/e/s", CreateMode.EPHEMERAL_SEQUENTIAL));
    }

    @Test
    void containerAndTtlParentsMayHaveChildren() {
        fx.write(create("/c", CreateMode.CONTAINER));
        fx.write(new Op.Create("/t", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, 1_000L));
        fx.propose(persistent("/c/child"));
        fx.propose(persistent("/t/child"));
    }

    @Test
    void ephemeralNeedsASessionThatCanOwnIt() {
        Caller noSession = new Caller(0L, List.of());
        assertEquals(ErrorCode.BADARGUMENTS, fx.reject(noSession, create("/e", CreateMode.EPHEMERAL)));
        Caller markerLike = new Caller(EphemeralOwner.CONTAINER, List.of());
        assertEquals(ErrorCode.BADARGUMENTS, fx.reject(markerLike, create("/e", CreateMode.EPHEMERAL_SEQUENTIAL)));
        assertEquals(ErrorCode.BADARGUMENTS, fx.reject(Caller.SERVER, create("/e", CreateMode.EPHEMERAL)));
    }

    @Test
    void clientChecksComeFirstPathThenTtlThenAclThenData() {
        Fixture small = new Fixture(new PrepConfig(0, false));
        Op.Create everythingWrong = new Op.Create("bad", new byte[1], List.of(), CreateMode.PERSISTENT, 5L);
        small.assertRejected(ErrorCode.BADARGUMENTS, everythingWrong);
        small.assertRejected(ErrorCode.BADARGUMENTS, new Op.Create("/a", new byte[1], List.of(),
                CreateMode.PERSISTENT, 5L));
        small.assertRejected(ErrorCode.INVALIDACL, new Op.Create("/a", new byte[1], List.of(),
                CreateMode.PERSISTENT_WITH_TTL, 5L));
        small.assertRejected(ErrorCode.BADARGUMENTS, new Op.Create("/a", new byte[1], Acl.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_WITH_TTL, 5L));
    }

    @Test
    void ttlDisabledIsUnimplementedBeforeAclFixupAndParentChecks() {
        Fixture noTtl = new Fixture(new PrepConfig(100, false));
        noTtl.assertRejected(ErrorCode.UNIMPLEMENTED, new Op.Create("/missing/t", null, BAD_SCHEME,
                CreateMode.PERSISTENT_WITH_TTL, 5L));
    }

    @Test
    void aclFixupComesBeforeTheParentLookup() {
        fx.assertRejected(ErrorCode.INVALIDACL, withAcl("/missing/child", BAD_SCHEME));
    }

    @Test
    void parentExistenceComesBeforeThePermissionCheck() {
        fx.write(withAcl("/locked", NO_CREATE));
        fx.assertRejected(ErrorCode.NONODE, persistent("/locked/missing/child"));
    }

    @Test
    void permissionComesBeforeExistence() {
        fx.write(withAcl("/locked", List.of(new Acl(Perms.ALL, Id.ANYONE))));
        fx.write(persistent("/locked/child"));
        fx.write(new Op.SetAcl("/locked", NO_CREATE, -1));
        fx.assertRejected(ErrorCode.NOAUTH, persistent("/locked/child"));
    }

    @Test
    void existenceComesBeforeTheEphemeralParentCheck() {
        fx.write(create("/e", CreateMode.EPHEMERAL));
        fx.assertRejected(ErrorCode.NODEEXISTS, persistent("/e"));
    }

    @Test
    void finalSequentialPathIsValidatedAfterTheSuffix() {
        fx.write(persistent("/q"));
        fx.assertRejected(ErrorCode.BADARGUMENTS, create("/q/\u0001", CreateMode.PERSISTENT_SEQUENTIAL));
    }

    @Test
    void clientsMayCreateUnderZookeeperButNotUnderTheReadOnlyConfigNode() {
        fx.propose(persistent("/zookeeper/quota/app"));
        fx.propose(persistent("/zookeeper/mine"));
        fx.assertRejected(ErrorCode.NOAUTH, persistent("/zookeeper/config/x"));
    }

    @Test
    void createSeesAnInFlightParent() {
        fx.propose(persistent("/a"));
        Txn.CreateTxn child = createTxn(fx.propose(persistent("/a/b")));
        assertEquals(1, child.parentCversion());
        fx.assertRejected(ErrorCode.NODEEXISTS, persistent("/a"));
    }

    @Test
    void createUnderAnInFlightDeletedParentIsNoNode() {
        fx.write(persistent("/a"));
        fx.propose(new Op.Delete("/a", -1));
        fx.assertRejected(ErrorCode.NONODE, persistent("/a/b"));
        fx.propose(persistent("/a"));
    }

    @Test
    void createUnderAnInFlightEphemeralIsNoChildrenForEphemerals() {
        fx.propose(create("/e", CreateMode.EPHEMERAL));
        fx.assertRejected(ErrorCode.NOCHILDRENFOREPHEMERALS, persistent("/e/c"));
    }

    @Test
    void createIsCheckedAgainstAnInFlightAcl() {
        fx.write(persistent("/p"));
        fx.propose(new Op.SetAcl("/p", NO_CREATE, -1));
        fx.assertRejected(ErrorCode.NOAUTH, persistent("/p/c"));
    }

    @Test
    void ttlMustBePositiveAndAtMostTheEncodingLimit() {
        for (long ttl : List.of(0L, -1L, EphemeralOwner.MAX_TTL_MS + 1)) {
            fx.assertRejected(ErrorCode.BADARGUMENTS, new Op.Create("/t", null, Acl.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, ttl));
        }
        fx.propose(new Op.Create("/t", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL,
                EphemeralOwner.MAX_TTL_MS));
    }

    @Test
    void ttlGivenForAModeWithoutTtlIsBadArguments() {
        fx.assertRejected(ErrorCode.BADARGUMENTS, new Op.Create("/p", null, Acl.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT, 1_000L));
        fx.assertRejected(ErrorCode.BADARGUMENTS, new Op.Create("/c", null, Acl.OPEN_ACL_UNSAFE,
                CreateMode.CONTAINER, 1_000L));
    }
}
