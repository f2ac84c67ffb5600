package io.zakka.actors.pipeline;

import akka.actor.typed.ActorRef;
import io.zakka.actors.LocalMessage;
import io.zakka.protocol.txn.TxnEntry;

/**
 * The commit seam between the request pipeline and whatever makes a txn final. The pipeline sends every txn
 * it prepped as a {@link Propose}, in zxid order, and applies a txn only when {@link Committed} comes back.
 *
 * <p>Contract for every committer: it answers each Propose with exactly one Committed, in the order the
 * proposals arrived, and only once the txn is final. Standalone, {@link LocalCommitter} answers at once;
 * replication puts Zab's propose/ack/commit behind this seam and durability the fsynced txn log, without
 * changing the pipeline.
 */
public final class Committer {

    private Committer() {
    }

    /** What a committer accepts. */
    public sealed interface Command extends LocalMessage permits Propose {
    }

    /** Make {@code entry} final and answer {@code replyTo} with {@link Committed}. */
    public record Propose(TxnEntry entry, ActorRef<Committed> replyTo) implements Command {
    }

    /** {@code entry} is final: every replica applies it at its zxid. */
    public record Committed(TxnEntry entry) implements LocalMessage {
    }
}
