package io.zakka.storage.prep;

import static io.zakka.storage.Fixture.bytes;
import static io.zakka.storage.Fixture.create;
import static io.zakka.storage.Fixture.persistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.Fixture;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.NodeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-flight changes: kept until applied, dropped after, and pipelining never changes an outcome. */
class PipelineTest {
    private final Fixture fx = new Fixture();

    @Test
    void appliedDropsTheInFlightChangesUpToTheZxid() {
        TxnEntry a = fx.propose(persistent("/a"));
        TxnEntry b = fx.propose(persistent("/a/b"));
        assertEquals(4, fx.prep.inFlightChanges());
        fx.apply(a);
        assertEquals(2, fx.prep.inFlightChanges());
        fx.apply(b);
        assertEquals(0, fx.prep.inFlightChanges());
    }

    @Test
    void changesStillInFlightAreSeenAfterEarlierOnesAreApplied() {
        fx.write(persistent("/a"));
        TxnEntry first = fx.propose(new Op.SetData("/a", null, 0));
        fx.propose(new Op.SetData("/a", null, 1));
        fx.apply(first);
        fx.assertRejected(ErrorCode.BADVERSION, new Op.SetData("/a", null, 1));
        assertEquals(new Txn.SetDataTxn("/a", null, 3), fx.propose(new Op.SetData("/a", null, 2)).txn());
    }

    @Test
    void aDeleteSeesAChildWhetherItIsInFlightOrApplied() {
        TxnEntry parent = fx.propose(persistent("/a"));
        TxnEntry child = fx.propose(persistent("/a/b"));
        fx.apply(parent);
        fx.assertRejected(ErrorCode.NOTEMPTY, new Op.Delete("/a", -1));
        fx.apply(child);
        fx.assertRejected(ErrorCode.NOTEMPTY, new Op.Delete("/a", -1));
    }

    @Test
    void appliedBeyondEveryProposalClearsAllChanges() {
        fx.propose(persistent("/a"));
        fx.propose(persistent("/b"));
        fx.prep.applied(new Zxid(7, 0));
        assertEquals(0, fx.prep.inFlightChanges());
    }

    @Test
    void zxidsStayConsecutiveAcrossCreateCloseAndMulti() {
        List<TxnEntry> entries = List.of(
                assertInstanceOf(PrepOutcome.Proposed.class, fx.prep.prepCreateSession(Fixture.SESSION, 1, 0))
                        .entry(),
                fx.propose(persistent("/a")),
                fx.propose(new Op.Multi(List.of(persistent("/a/b")))),
                assertInstanceOf(PrepOutcome.Proposed.class, fx.prep.prepCloseSession(Fixture.SESSION, 0)).entry());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(new Zxid(0, i + 1), entries.get(i).header().zxid());
        }
    }

    @Test
    void anExhaustedEpochCounterStopsPrepWithoutRecordingAnything() {
        PrepStage exhausted = new PrepStage(fx.tree, PrepConfig.DEFAULTS, new AclChecker(Optional.empty()),
                new Zxid(2, -1));
        assertThrows(IllegalStateException.class, () -> exhausted.prep(Fixture.ANONYMOUS, 1, persistent("/a"), 0L));
        assertEquals(0, exhausted.inFlightChanges());
        assertEquals(new Zxid(2, -1), exhausted.lastProposed());
    }

    @Test
    void pipelinedAndOneByOneWritesGiveTheSameOutcomesAndTheSameTree() {
        for (long seed = 1; seed <= 20; seed++) {
            List<Op.WriteOp> ops = randomOps(new SplittableRandom(seed), 200);
            Fixture oneByOne = new Fixture();
            Fixture pipelined = new Fixture();
            List<String> expected = new ArrayList<>();
            for (Op.WriteOp op : ops) {
                PrepOutcome outcome = oneByOne.prep(op);
                expected.add(describe(outcome));
                if (outcome instanceof PrepOutcome.Proposed proposed) {
                    oneByOne.apply(proposed.entry());
                }
            }
            List<String> actual = new ArrayList<>();
            List<TxnEntry> pending = new ArrayList<>();
            for (Op.WriteOp op : ops) {
                PrepOutcome outcome = pipelined.prep(op);
                actual.add(describe(outcome));
                if (outcome instanceof PrepOutcome.Proposed proposed) {
                    pending.add(proposed.entry());
                }
            }
            pending.forEach(pipelined::apply);
            assertEquals(expected, actual, "seed " + seed);
            long accepted = expected.stream().filter(line -> line.startsWith("0x")).count();
            assertTrue(accepted > 20 && accepted < 180, "seed " + seed + " accepted " + accepted);
            assertEquals(dump(oneByOne.tree), dump(pipelined.tree), "seed " + seed);
        }
    }

    private static List<Op.WriteOp> randomOps(SplittableRandom random, int count) {
        List<String> paths = List.of("/a", "/b", "/a/x", "/a/y", "/b/x", "/a/x/z");
        List<Op.WriteOp> ops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String path = paths.get(random.nextInt(paths.size()));
            int version = random.nextInt(3) - 1;
            switch (random.nextInt(6)) {
                case 0 -> ops.add(persistent(path));
                case 1 -> ops.add(create(path + "-", CreateMode.PERSISTENT_SEQUENTIAL));
                case 2 -> ops.add(create(path, random.nextBoolean() ? CreateMode.EPHEMERAL : CreateMode.CONTAINER));
                case 3 -> ops.add(new Op.Delete(path, version));
                case 4 -> ops.add(new Op.SetData(path, bytes("v" + i), version));
                default -> ops.add(new Op.Multi(List.of(new Op.Check(path, version), persistent(path + "/m" + i))));
            }
        }
        return ops;
    }

    private static String describe(PrepOutcome outcome) {
        if (outcome instanceof PrepOutcome.Rejected rejected) {
            return rejected.result() instanceof OpResult.Error error ? error.code().name()
                    : rejected.result().toString();
        }
        TxnEntry entry = ((PrepOutcome.Proposed) outcome).entry();
        return entry.header().zxid() + " " + entry.txn().getClass().getSimpleName() + " " + txnPath(entry.txn());
    }

    private static String txnPath(Txn txn) {
        if (txn instanceof Txn.CreateTxn create) {
            return create.path() + "#" + create.parentCversion();
        }
        return txn instanceof Txn.SetDataTxn set ? set.path() + "@" + set.version() : String.valueOf(txn);
    }

    private static List<String> dump(DataTree tree) {
        List<String> lines = new ArrayList<>();
        dump(tree, "/", lines);
        return lines;
    }

    private static void dump(DataTree tree, String path, List<String> lines) {
        NodeView node = tree.get(path);
        lines.add(path + " " + node.stat() + " " + Arrays.toString(node.data()) + " " + node.acl());
        for (String child : node.children()) {
            dump(tree, "/".equals(path) ? "/" + child : path + "/" + child, lines);
        }
    }
}
