package io.zakka.storage.tree;

import io.zakka.protocol.op.OpResult;
import java.util.List;

/** What applying one txn did: the client-visible result and the watch triggers, in firing order. */
public record ApplyResult(OpResult result, List<WatchTrigger> triggers) {
}
