package io.zakka.storage.prep;

import static io.zakka.storage.Fixture.ANONYMOUS;
import static io.zakka.storage.Fixture.OTHER_SESSION;
import static io.zakka.storage.Fixture.SESSION;
import static io.zakka.storage.Fixture.create;
import static io.zakka.storage.Fixture.persistent;
import static io.zakka.storage.Fixture.withAcl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.Fixture;
import io.zakka.storage.TxnLog;
import io.zakka.storage.acl.Caller;
import io.zakka.storage.tree.ApplyResult;
import io.zakka.storage.tree.WatchTrigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session txns: the session table, ephemerals per session, close and expiry with writes in flight. */
class SessionTxnTest {
    private static final Caller OTHER = new Caller(OTHER_SESSION, List.of());

    private final Fixture fx = new Fixture();

    private TxnEntry proposed(PrepOutcome outcome) {
        return assertInstanceOf(PrepOutcome.Proposed.class, outcome).entry();
    }

    private TxnEntry closeSession(long sessionId) {
        return proposed(fx.prep.prepCloseSession(sessionId, fx.nowMs));
    }

    private static List<String> closedPaths(TxnEntry entry) {
        return assertInstanceOf(Txn.CloseSessionTxn.class, entry.txn()).ephemeralPaths();
    }

    @Test
    void createSessionOpensASessionWithItsTimeout() {
        fx.nowMs = 50L;
        TxnEntry entry = proposed(fx.prep.prepCreateSession(SESSION, 30_000, fx.nowMs));
        assertEquals(new Txn.CreateSessionTxn(SESSION, 30_000), entry.txn());
        assertEquals(SESSION, entry.header().sessionId());
        assertEquals(0, entry.header().cxid());
        assertEquals(50L, entry.header().timeMs());
        assertEquals(new OpResult.Done(), fx.apply(entry).result());
        assertEquals(Map.of(SESSION, 30_000), fx.tree.sessionTimeouts());
    }

    @Test
    void closeSessionRemovesTheSessionAndItsEphemerals() {
        fx.apply(proposed(fx.prep.prepCreateSession(SESSION, 10_000, 0L)));
        fx.apply(proposed(fx.prep.prepCreateSession(OTHER_SESSION, 20_000, 0L)));
        fx.write(create("/mine", CreateMode.EPHEMERAL));
        fx.write(OTHER, create("/theirs", CreateMode.EPHEMERAL));
        fx.write(persistent("/kept"));
        fx.apply(closeSession(SESSION));
        assertEquals(Map.of(OTHER_SESSION, 20_000), fx.tree.sessionTimeouts());
        assertNull(fx.tree.get("/mine"));
        assertEquals(List.of(), fx.tree.ephemerals(SESSION));
        assertEquals(List.of("/theirs"), fx.tree.ephemerals(OTHER_SESSION));
        assertEquals(List.of("kept", "theirs", "zookeeper"), fx.tree.getChildren("/"));
    }

    @Test
    void closeSessionFiresTheTriggersOfEachDeletedEphemeral() {
        List<Acl> parentAcl = List.of(new Acl(Perms.ALL, Id.ANYONE), new Acl(Perms.READ, new Id("ip", "1.2.3.4")));
        fx.write(withAcl("/app", parentAcl));
        fx.write(create("/app/e", CreateMode.EPHEMERAL));
        TxnEntry close = closeSession(SESSION);
        ApplyResult result = fx.apply(close);
        long zxid = close.header().zxid().toLong();
        assertEquals(List.of(
                new WatchTrigger(new WatchEvent(EventType.NODE_DELETED, "/app/e", zxid), Acl.OPEN_ACL_UNSAFE),
                new WatchTrigger(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/app", zxid), parentAcl)),
                result.triggers());
        assertEquals(zxid, fx.tree.get("/app").stat().pzxid());
    }

    @Test
    void closeSessionListsTheSessionsEphemeralsDeepestFirst() {
        fx.write(persistent("/a"));
        fx.write(persistent("/a/b"));
        fx.write(create("/z", CreateMode.EPHEMERAL));
        fx.write(create("/a/b/e", CreateMode.EPHEMERAL));
        fx.write(create("/a/e", CreateMode.EPHEMERAL));
        fx.write(OTHER, create("/a/other", CreateMode.EPHEMERAL));
        assertEquals(List.of("/a/b/e", "/a/e", "/z"), closedPaths(closeSession(SESSION)));
    }

    @Test
    void closeSessionIncludesEphemeralsCreatedInFlight() {
        fx.write(create("/applied", CreateMode.EPHEMERAL));
        fx.propose(create("/pending", CreateMode.EPHEMERAL));
        fx.propose(create("/seq-", CreateMode.EPHEMERAL_SEQUENTIAL));
        fx.propose(OTHER, create("/not-mine", CreateMode.EPHEMERAL));
        assertEquals(List.of("/applied", "/pending", "/seq-0000000002"), closedPaths(closeSession(SESSION)));
    }

    @Test
    void closeSessionExcludesEphemeralsDeletedInFlight() {
        fx.write(create("/gone", CreateMode.EPHEMERAL));
        fx.write(create("/kept", CreateMode.EPHEMERAL));
        fx.propose(new Op.Delete("/gone", -1));
        assertEquals(List.of("/kept"), closedPaths(closeSession(SESSION)));
    }

    @Test
    void closeSessionExcludesAPathRecreatedInFlightByAnotherSession() {
        fx.write(create("/lock", CreateMode.EPHEMERAL));
        fx.propose(new Op.Delete("/lock", -1));
        fx.propose(OTHER, create("/lock", CreateMode.EPHEMERAL));
        assertEquals(List.of(), closedPaths(closeSession(SESSION)));
    }

    @Test
    void writesPreppedAfterACloseSeeItsEphemeralsGone() {
        fx.write(persistent("/p"));
        fx.write(create("/p/e", CreateMode.EPHEMERAL));
        closeSession(SESSION);
        fx.assertRejected(ErrorCode.NONODE, new Op.SetData("/p/e", null, -1));
        fx.propose(OTHER, create("/p/e", CreateMode.EPHEMERAL));
        fx.propose(OTHER, new Op.Delete("/p/e", -1));
        fx.propose(OTHER, new Op.Delete("/p", -1));
    }

    @Test
    void clientCloseSessionUsesTheCallersSessionAndCxid() {
        fx.write(create("/e", CreateMode.EPHEMERAL));
        TxnEntry entry = fx.propose(ANONYMOUS, new Op.CloseSession());
        assertEquals(new Txn.CloseSessionTxn(SESSION, List.of("/e")), entry.txn());
        assertEquals(SESSION, entry.header().sessionId());
        assertEquals(2, entry.header().cxid());
        assertEquals(new OpResult.Done(), fx.apply(entry).result());
    }

    @Test
    void closeSessionTxnSkipsListedPathsThatAreGoneOrOwnedByAnotherSession() {
        TxnLog log = new TxnLog(fx.tree);
        log.create("/theirs", null, OTHER_SESSION);
        log.create("/mine", null, SESSION);
        ApplyResult result = log.apply(new Txn.CloseSessionTxn(SESSION, List.of("/theirs", "/missing")));
        assertEquals(List.of("/theirs"), fx.tree.ephemerals(OTHER_SESSION));
        assertNull(fx.tree.get("/mine"), "an unlisted ephemeral of the session is deleted too");
        assertEquals("/mine", result.triggers().get(0).event().path());
    }

    @Test
    void closingASessionWithoutEphemeralsOnlyClosesTheSession() {
        fx.apply(proposed(fx.prep.prepCreateSession(SESSION, 5_000, 0L)));
        ApplyResult result = fx.apply(closeSession(SESSION));
        assertEquals(List.of(), result.triggers());
        assertEquals(Map.of(), fx.tree.sessionTimeouts());
    }
}
