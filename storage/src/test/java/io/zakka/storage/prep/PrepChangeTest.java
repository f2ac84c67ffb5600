package io.zakka.storage.prep;

import static io.zakka.storage.Fixture.ALICE;
import static io.zakka.storage.Fixture.ALICE_CALLER;
import static io.zakka.storage.Fixture.bytes;
import static io.zakka.storage.Fixture.persistent;
import static io.zakka.storage.Fixture.withAcl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.zakka.protocol.Acl;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.txn.Txn;
import io.zakka.storage.Fixture;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** setData, setACL and check (PrepRequestProcessor.pRequest2Txn), against tree and in-flight state. */
class PrepChangeTest {
    private static final List<Acl> READ_ONLY = List.of(new Acl(Perms.READ, Id.ANYONE));
    private static final List<Acl> ALICE_ALL = List.of(new Acl(Perms.ALL, ALICE));

    private final Fixture fx = new Fixture();

    @Test
    void setDataCarriesTheNextVersion() {
        fx.write(persistent("/a"));
        assertEquals(new Txn.SetDataTxn("/a", null, 1), fx.propose(new Op.SetData("/a", null, 0)).txn());
    }

    @Test
    void setDataNeedsWrite() {
        fx.write(withAcl("/r", READ_ONLY));
        fx.assertRejected(ErrorCode.NOAUTH, new Op.SetData("/r", bytes("v"), -1));
    }

    @Test
    void setDataOrderIsNodeThenPermissionThenVersion() {
        fx.assertRejected(ErrorCode.NONODE, new Op.SetData("/missing", null, 7));
        fx.write(withAcl("/r", READ_ONLY));
        fx.assertRejected(ErrorCode.NOAUTH, new Op.SetData("/r", null, 7));
        fx.write(persistent("/w"));
        fx.assertRejected(ErrorCode.BADVERSION, new Op.SetData("/w", null, 7));
    }

    @Test
    void setDataOverTheLimitIsBadArgumentsBeforeAnyTreeCheck() {
        Fixture small = new Fixture(new PrepConfig(2, true));
        small.assertRejected(ErrorCode.BADARGUMENTS, new Op.SetData("/missing", new byte[3], -1));
        small.assertRejected(ErrorCode.BADARGUMENTS, new Op.SetData("bad", null, -1));
    }

    @Test
    void setDataSeesTheInFlightVersion() {
        fx.write(persistent("/a"));
        fx.propose(new Op.SetData("/a", null, 0));
        fx.assertRejected(ErrorCode.BADVERSION, new Op.SetData("/a", null, 0));
        assertEquals(new Txn.SetDataTxn("/a", null, 2), fx.propose(new Op.SetData("/a", null, 1)).txn());
    }

    @Test
    void setDataOnAnInFlightCreatedNodeStartsFromVersionZero() {
        fx.propose(persistent("/a"));
        assertEquals(new Txn.SetDataTxn("/a", null, 1), fx.propose(new Op.SetData("/a", null, 0)).txn());
    }

    @Test
    void configNodeIsReadOnlyButZookeeperNodeIsWritable() {
        fx.assertRejected(ErrorCode.NOAUTH, new Op.SetData("/zookeeper/config", bytes("server.1=x"), -1));
        fx.propose(new Op.SetData("/zookeeper", bytes("x"), -1));
    }

    @Test
    void setAclCarriesTheFixedUpAclAndNextAversion() {
        fx.write(persistent("/a"));
        Txn.SetAclTxn txn = (Txn.SetAclTxn) fx.propose(ALICE_CALLER, new Op.SetAcl("/a", Acl.CREATOR_ALL_ACL, 0))
                .txn();
        assertEquals(new Txn.SetAclTxn("/a", ALICE_ALL, 1), txn);
    }

    @Test
    void setAclNeedsAdmin() {
        fx.write(withAcl("/a", List.of(new Acl(Perms.ALL & ~Perms.ADMIN, Id.ANYONE))));
        fx.assertRejected(ErrorCode.NOAUTH, new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, -1));
    }

    @Test
    void setAclWrongAversionIsBadVersionAndDataVersionDoesNotCount() {
        fx.write(persistent("/a"));
        fx.write(new Op.SetData("/a", null, -1));
        fx.assertRejected(ErrorCode.BADVERSION, new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, 1));
        fx.propose(new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, 0));
    }

    @Test
    void setAclOrderIsAclThenNodeThenPermissionThenVersion() {
        fx.assertRejected(ErrorCode.INVALIDACL, new Op.SetAcl("/missing", List.of(), 9));
        fx.assertRejected(ErrorCode.INVALIDACL, new Op.SetAcl("/missing", Acl.CREATOR_ALL_ACL, 9));
        fx.assertRejected(ErrorCode.NONODE, new Op.SetAcl("/missing", Acl.OPEN_ACL_UNSAFE, 9));
        fx.write(withAcl("/r", READ_ONLY));
        fx.assertRejected(ErrorCode.NOAUTH, new Op.SetAcl("/r", Acl.OPEN_ACL_UNSAFE, 9));
        fx.write(persistent("/w"));
        fx.assertRejected(ErrorCode.BADVERSION, new Op.SetAcl("/w", Acl.OPEN_ACL_UNSAFE, 9));
    }

    @Test
    void writesPreppedAfterAnInFlightSetAclAreCheckedAgainstTheNewAcl() {
        fx.write(persistent("/a"));
        fx.propose(new Op.SetAcl("/a", READ_ONLY, -1));
        fx.assertRejected(ErrorCode.NOAUTH, new Op.SetData("/a", null, -1));
        fx.assertRejected(ErrorCode.NOAUTH, new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, -1));
    }

    @Test
    void setAclSeesTheInFlightAversion() {
        fx.write(persistent("/a"));
        fx.propose(new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, 0));
        fx.assertRejected(ErrorCode.BADVERSION, new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, 0));
        assertEquals(new Txn.SetAclTxn("/a", Acl.OPEN_ACL_UNSAFE, 2),
                fx.propose(new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, 1)).txn());
    }

    @Test
    void everyWriteOpKindIsPrepped() {
        fx.write(persistent("/a"));
        List<Op.WriteOp> samples = List.of(persistent("/b"), new Op.Delete("/b", -1), new Op.DeleteContainer("/x"),
                new Op.SetData("/a", null, -1), new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, -1), new Op.Check("/a", -1),
                new Op.Multi(List.of()), new Op.CloseSession());
        Set<Class<?>> kinds = new HashSet<>();
        for (Op.WriteOp op : samples) {
            assertNotNull(fx.prep(op));
            kinds.add(op.getClass());
        }
        assertEquals(Set.of(Op.WriteOp.class.getPermittedSubclasses()), kinds);
    }

    @Test
    void standaloneCheckIsUnimplemented() {
        fx.write(persistent("/a"));
        fx.assertRejected(ErrorCode.UNIMPLEMENTED, new Op.Check("/a", 0));
        fx.assertRejected(ErrorCode.UNIMPLEMENTED, new Op.Check("/missing", 0));
    }
}
