package io.zakka.storage.prep;

import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.TxnEntry;

/** What prep made of a write: a txn to propose, or the reply to send at once (no txn, no zxid). */
public sealed interface PrepOutcome {

    /** The write is valid against the tree plus the changes in flight; propose this txn. */
    record Proposed(TxnEntry entry) implements PrepOutcome {
    }

    /**
     * The write fails: {@code result} is an {@code OpResult.Error}, or for a failed multi a
     * {@code MultiResult} of errors (OK before the failing op, its code, RUNTIMEINCONSISTENCY after).
     */
    record Rejected(OpResult result) implements PrepOutcome {
    }
}
