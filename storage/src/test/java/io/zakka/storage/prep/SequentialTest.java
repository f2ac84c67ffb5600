package io.zakka.storage.prep;

import static io.zakka.storage.Fixture.create;
import static io.zakka.storage.Fixture.persistent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequential names: %010d of the parent's creation counter (docs/zookeeper-semantics.md §1.3). */
class SequentialTest {
    private final Fixture fx = new Fixture();

    private String createdPath(Op.Create op) {
        return ((OpResult.Created) fx.write(op).result()).path();
    }

    @Test
    void sequentialSuffixComesFromParentCreationCounter() {
        fx.write(persistent("/q"));
        assertEquals("/q/job-0000000000", createdPath(create("/q/job-", CreateMode.PERSISTENT_SEQUENTIAL)));
        assertEquals("/q/job-0000000001", createdPath(create("/q/job-", CreateMode.EPHEMERAL_SEQUENTIAL)));
    }

    @Test
    void everyChildCreationAdvancesTheCounterSequentialOrNot() {
        fx.write(persistent("/q"));
        fx.write(persistent("/q/plain"));
        fx.write(create("/q/container", CreateMode.CONTAINER));
        assertEquals("/q/n0000000002", createdPath(create("/q/n", CreateMode.PERSISTENT_SEQUENTIAL)));
    }

    @Test
    void deletingChildrenDoesNotReuseSequenceNumbers() {
        fx.write(persistent("/q"));
        fx.write(create("/q/n", CreateMode.PERSISTENT_SEQUENTIAL));
        fx.write(new Op.Delete("/q/n0000000000", -1));
        assertEquals("/q/n0000000001", createdPath(create("/q/n", CreateMode.PERSISTENT_SEQUENTIAL)));
    }

    @Test
    void pathEndingInSlashGetsABareNumber() {
        fx.write(persistent("/queue"));
        assertEquals("/queue/0000000000", createdPath(create("/queue/", CreateMode.PERSISTENT_SEQUENTIAL)));
        assertEquals("/0000000001", createdPath(create("/", CreateMode.PERSISTENT_SEQUENTIAL)));
    }

    @Test
    void pathEndingInSlashIsInvalidWithoutSequential() {
        fx.write(persistent("/queue"));
        fx.assertRejected(ErrorCode.BADARGUMENTS, persistent("/queue/"));
    }

    @Test
    void sequentialPathIsValidatedWithADigitAppended() {
        fx.assertRejected(ErrorCode.BADARGUMENTS, create("/a//", CreateMode.PERSISTENT_SEQUENTIAL));
        fx.assertRejected(ErrorCode.BADARGUMENTS, create("/a/.", CreateMode.PERSISTENT));
        assertEquals("/.0000000000", createdPath(create("/.", CreateMode.PERSISTENT_SEQUENTIAL)));
    }

    @Test
    void pipelinedCreatesUnderOneParentGetConsecutiveSequenceNumbers() {
        fx.write(persistent("/q"));
        TxnEntry first = fx.propose(create("/q/n", CreateMode.PERSISTENT_SEQUENTIAL));
        TxnEntry second = fx.propose(create("/q/n", CreateMode.PERSISTENT_SEQUENTIAL));
        TxnEntry third = fx.propose(create("/q/n", CreateMode.EPHEMERAL_SEQUENTIAL));
        assertEquals(List.of("/q/n0000000000", "/q/n0000000001", "/q/n0000000002"),
                List.of(path(first), path(second), path(third)));
        assertEquals(List.of(1, 2, 3), List.of(counter(first), counter(second), counter(third)));
        fx.apply(first);
        fx.apply(second);
        fx.apply(third);
        assertEquals(List.of("n0000000000", "n0000000001", "n0000000002"), fx.tree.getChildren("/q"));
    }

    @Test
    void failedMultiDoesNotConsumeSequenceNumbers() {
        fx.write(persistent("/q"));
        fx.prep(new Op.Multi(List.of(create("/q/n", CreateMode.PERSISTENT_SEQUENTIAL),
                new Op.Check("/missing", -1))));
        assertEquals("/q/n0000000000", createdPath(create("/q/n", CreateMode.PERSISTENT_SEQUENTIAL)));
    }

    @Test
    void suffixIsSignedTenDigitsAndWrapsNegative() {
        assertEquals("0000000042", CreatePrep.sequenceSuffix(42));
        assertEquals("2147483647", CreatePrep.sequenceSuffix(Integer.MAX_VALUE));
        assertEquals("-2147483648", CreatePrep.sequenceSuffix(Integer.MAX_VALUE + 1));
    }

    @Test
    void suffixIsExactlyWhatFormatPercent010dGives() {
        int[] samples = {0, 1, 9, 10, 99, 123456789, 999999999, 1000000000, -1, -9, -10, -99999999, -100000000,
            -999999999, -1000000000, Integer.MIN_VALUE, Integer.MAX_VALUE};
        for (int value : samples) {
            assertEquals(String.format(java.util.Locale.ENGLISH, "%010d", value), CreatePrep.sequenceSuffix(value),
                    "suffix of " + value);
        }
    }

    private static String path(TxnEntry entry) {
        return ((Txn.CreateTxn) entry.txn()).path();
    }

    private static int counter(TxnEntry entry) {
        return ((Txn.CreateTxn) entry.txn()).parentCversion();
    }
}
