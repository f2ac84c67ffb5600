package io.zakka.api.client;

import akka.actor.typed.ActorRef;
import io.zakka.actors.LocalMessage;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The messages between {@link ZakkaClient} and its {@link ClientSessionActor}. Both live in the client's
 * ActorSystem, so these never cross the network.
 */
public final class ClientSession {

    private ClientSession() {
    }

    /** What the session actor accepts from its facade. */
    public interface Command extends LocalMessage {
    }

    /** Answered with {@link OpenOutcome} once the session is open, or failed to open. */
    public record AwaitOpen(ActorRef<OpenOutcome> replyTo) implements Command {
    }

    /**
     * Runs {@code op}; a successful watching read also registers {@code watcher} for its events. The session
     * actor completes {@code outcome} exactly once, on its dispatcher (a local message, so it may carry a future).
     */
    public record Call(Op op, Optional<ActorRef<WatchEvent>> watcher, CompletableFuture<Outcome> outcome)
            implements Command {
    }

    /** The outcome of opening. */
    public sealed interface OpenOutcome extends LocalMessage permits Opened, OpenFailed {
    }

    public record Opened(long sessionId, byte[] password, int timeoutMs) implements OpenOutcome {
    }

    public record OpenFailed(ErrorCode code, String reason) implements OpenOutcome {
    }

    /** The outcome of a call. */
    public sealed interface Outcome extends LocalMessage permits Completed, Failed, TimedOut {
    }

    /** The server answered; {@code result} may be an error. */
    public record Completed(long zxid, OpResult result) implements Outcome {
    }

    /** The session ended (expired, moved, closed) before an answer came. */
    public record Failed(ErrorCode code) implements Outcome {
    }

    /** No answer within the request timeout. */
    public record TimedOut() implements Outcome {
    }
}
