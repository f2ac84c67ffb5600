package io.zakka.api.client;

import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.Behaviors;
import io.zakka.api.client.ClientSession.Call;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.op.Op;
import java.util.concurrent.CompletableFuture;

/**
 * The last behavior of a {@link ClientSessionActor} whose session expired or moved: every call fails with the
 * session's end, and the actor stops when the application closes the client.
 */
final class EndedSession {

    private EndedSession() {
    }

    /**
     * @param code    what every later call fails with
     * @param stopped completed when the actor stops
     */
    static Behavior<ClientSession.Command> create(ErrorCode code, CompletableFuture<Void> stopped) {
        return Behaviors.receive(ClientSession.Command.class)
                .onMessage(Call.class, call -> onCall(call, code))
                .onMessage(ClientSession.AwaitOpen.class, await -> onAwaitOpen(await, code))
                .onAnyMessage(ignored -> Behaviors.same())
                .onSignal(PostStop.class, signal -> onPostStop(stopped))
                .build();
    }

    /** A close of an ended session just stops this actor; anything else fails with the session's end. */
    private static Behavior<ClientSession.Command> onCall(Call call, ErrorCode code) {
        call.outcome().complete(new ClientSession.Failed(code));
        return call.op() instanceof Op.CloseSession ? Behaviors.stopped() : Behaviors.same();
    }

    private static Behavior<ClientSession.Command> onAwaitOpen(ClientSession.AwaitOpen await, ErrorCode code) {
        await.replyTo().tell(new ClientSession.OpenFailed(code, "the session has ended"));
        return Behaviors.same();
    }

    private static Behavior<ClientSession.Command> onPostStop(CompletableFuture<Void> stopped) {
        stopped.complete(null);
        return Behaviors.same();
    }
}
