package io.zakka.storage.prep;

import static io.zakka.storage.Fixture.create;
import static io.zakka.storage.Fixture.persistent;
import static io.zakka.storage.Fixture.withAcl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.txn.Txn;
import io.zakka.storage.Fixture;
import io.zakka.storage.acl.Caller;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delete: system paths, parent DELETE permission first, then existence, version, children. */
class PrepDeleteTest {
    private static final List<Acl> NO_DELETE = List.of(new Acl(Perms.ALL & ~Perms.DELETE, Id.ANYONE));

    private final Fixture fx = new Fixture();

    @Test
    void deleteBuildsADeleteTxn() {
        fx.write(persistent("/a"));
        assertEquals(new Txn.DeleteTxn("/a"), fx.propose(new Op.Delete("/a", -1)).txn());
    }

    @Test
    void systemNodesCannotBeDeleted() {
        for (String path : List.of("/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config")) {
            assertEquals(ErrorCode.BADARGUMENTS, fx.reject(Caller.SERVER, new Op.Delete(path, -1)), path);
        }
    }

    @Test
    void ordinaryNodesUnderZookeeperCanBeDeleted() {
        fx.write(persistent("/zookeeper/quota/app"));
        fx.propose(new Op.Delete("/zookeeper/quota/app", -1));
    }

    @Test
    void invalidPathIsBadArguments() {
        fx.assertRejected(ErrorCode.BADARGUMENTS, new Op.Delete("/a/", -1));
        fx.assertRejected(ErrorCode.BADARGUMENTS, new Op.Delete("relative", -1));
    }

    @Test
    void deleteChecksParentDeletePermBeforeExistence() {
        fx.write(withAcl("/locked", NO_DELETE));
        fx.assertRejected(ErrorCode.NOAUTH, new Op.Delete("/locked/missing", -1));
        fx.assertRejected(ErrorCode.NONODE, new Op.Delete("/open-parent-missing-child", -1));
    }

    @Test
    void missingParentIsNoNode() {
        fx.assertRejected(ErrorCode.NONODE, new Op.Delete("/missing/child", -1));
    }

    @Test
    void noDeletePermissionOnTheParentIsNoAuthEvenWithAllPermsOnTheNode() {
        fx.write(withAcl("/locked", NO_DELETE));
        fx.write(persistent("/locked/child"));
        fx.assertRejected(ErrorCode.NOAUTH, new Op.Delete("/locked/child", -1));
        fx.propose(Caller.SERVER, new Op.Delete("/locked/child", -1));
    }

    @Test
    void wrongVersionIsBadVersionAndMinusOneMatchesAny() {
        fx.write(persistent("/a"));
        fx.write(new Op.SetData("/a", null, -1));
        fx.assertRejected(ErrorCode.BADVERSION, new Op.Delete("/a", 0));
        fx.propose(new Op.Delete("/a", 1));
    }

    @Test
    void versionComesBeforeChildren() {
        fx.write(persistent("/a"));
        fx.write(persistent("/a/b"));
        fx.assertRejected(ErrorCode.BADVERSION, new Op.Delete("/a", 5));
        fx.assertRejected(ErrorCode.NOTEMPTY, new Op.Delete("/a", 0));
    }

    @Test
    void deleteSeesAnInFlightChild() {
        fx.write(persistent("/a"));
        fx.propose(persistent("/a/b"));
        fx.assertRejected(ErrorCode.NOTEMPTY, new Op.Delete("/a", -1));
    }

    @Test
    void deleteSeesAnInFlightDeletionOfTheChild() {
        fx.write(persistent("/a"));
        fx.write(persistent("/a/b"));
        fx.propose(new Op.Delete("/a/b", -1));
        fx.propose(new Op.Delete("/a", -1));
    }

    @Test
    void deletingANodeTwiceInFlightIsNoNode() {
        fx.write(persistent("/a"));
        fx.propose(new Op.Delete("/a", -1));
        fx.assertRejected(ErrorCode.NONODE, new Op.Delete("/a", -1));
    }

    @Test
    void deleteSeesAnInFlightVersion() {
        fx.write(persistent("/a"));
        fx.propose(new Op.SetData("/a", null, 0));
        fx.assertRejected(ErrorCode.BADVERSION, new Op.Delete("/a", 0));
        fx.propose(new Op.Delete("/a", 1));
    }

    @Test
    void deleteOfAnInFlightCreatedNodeIsAccepted() {
        fx.propose(create("/e", CreateMode.EPHEMERAL));
        fx.propose(new Op.Delete("/e", 0));
        fx.propose(persistent("/e"));
    }

    @Test
    void appliedDeletesLeaveTheParentEmptyForItsOwnDelete() {
        fx.write(persistent("/a"));
        fx.write(persistent("/a/b"));
        fx.write(new Op.Delete("/a/b", -1));
        fx.write(new Op.Delete("/a", -1));
        assertEquals(0, fx.prep.inFlightChanges());
    }
}
