package io.zakka.api.client;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.actor.typed.receptionist.Receptionist;
import io.zakka.api.ZakkaServer;
import io.zakka.api.client.ClientSession.Call;
import io.zakka.api.client.SessionEvent.State;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The client end of one session. It is both the {@code client} and the {@code replyTo} of every request, so
 * the server's replies and watch events reach it in the server's order; it dispatches replies by cxid and
 * events to the application's watchers.
 *
 * <p>Liveness, as ZooKeeper's client ({@link SessionLiveness} decides when): a Ping when the session is quiet,
 * re-attaching (ResumeSession) to a server from the receptionist's listing once DISCONNECTED, and a local
 * EXPIRED (ZOOKEEPER-4508). An expiry, a move or a close fails what is still pending; a close stops the actor,
 * an expiry or a move leaves it as an {@link EndedSession}.
 */
public final class ClientSessionActor extends AbstractBehavior<ClientSession.Command> {

    private record Listing(Receptionist.Listing listing) implements ClientSession.Command {
    }

    private record FromServer(ClientBound message) implements ClientSession.Command {
    }

    private enum Tick implements ClientSession.Command {
        HEARTBEAT, CONNECT_DEADLINE, EXPIRE_REQUESTS
    }

    private final ZakkaClient.Settings settings;
    private final TimerScheduler<ClientSession.Command> timers;
    private final ActorRef<ClientBound> self;
    private final ClientWatches<ActorRef<WatchEvent>> watches = new ClientWatches<>();
    private final PendingCalls pending;
    private final CompletableFuture<Void> stopped;
    private final List<ActorRef<ClientSession.OpenOutcome>> openWaiters = new ArrayList<>();
    private List<ActorRef<ServerCommand>> servers = List.of();
    private ActorRef<ServerCommand> server;
    private ClientSession.Opened session;
    private State state;
    private long lastZxidSeen;
    private int nextCxid = 1;
    private int resumeAttempts;
    /** When to ping, re-attach or give up; null until the session is open. */
    private SessionLiveness liveness;

    /** @param stopped completed when this actor stops, for any reason (the facade then fails what is pending) */
    public static Behavior<ClientSession.Command> create(ZakkaClient.Settings settings, Duration connectTimeout,
                                                         CompletableFuture<Void> stopped) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new ClientSessionActor(context, timers, settings, connectTimeout, stopped).connecting()));
    }

    private ClientSessionActor(ActorContext<ClientSession.Command> context,
                               TimerScheduler<ClientSession.Command> timers, ZakkaClient.Settings settings,
                               Duration connectTimeout, CompletableFuture<Void> stopped) {
        super(context);
        this.settings = settings;
        this.timers = timers;
        this.stopped = stopped;
        this.pending = new PendingCalls(settings.requestTimeout());
        this.self = context.messageAdapter(ClientBound.class, FromServer::new);
        ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class, Listing::new);
        context.getSystem().receptionist().tell(Receptionist.subscribe(ZakkaServer.SERVICE_KEY, listings));
        timers.startSingleTimer(Tick.CONNECT_DEADLINE, connectTimeout);
    }

    /** The initial behavior: waiting for a server in the listing and for its SessionOpened. */
    private Receive<ClientSession.Command> connecting() {
        return newReceiveBuilder()
                .onMessage(ClientSession.AwaitOpen.class, this::onAwaitOpen)
                .onMessage(Call.class, this::onCallWhileConnecting)
                .onMessage(Listing.class, this::onListing)
                .onMessage(FromServer.class, this::onOpeningReply)
                .onMessageEquals(Tick.CONNECT_DEADLINE, this::onConnectDeadline)
                .onSignal(PostStop.class, this::onPostStop)
                .build();
    }

    /** The session is open. */
    @Override
    public Receive<ClientSession.Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(ClientSession.AwaitOpen.class, this::onAwaitOpen)
                .onMessage(Call.class, this::onCall)
                .onMessage(Listing.class, this::onListing)
                .onMessage(FromServer.class, this::onFromServer)
                .onMessageEquals(Tick.EXPIRE_REQUESTS, this::onExpireRequests)
                .onMessageEquals(Tick.HEARTBEAT, this::onHeartbeat)
                .onMessageEquals(Tick.CONNECT_DEADLINE, Behaviors::same)
                .onSignal(PostStop.class, this::onPostStop)
                .build();
    }

    private Behavior<ClientSession.Command> onAwaitOpen(ClientSession.AwaitOpen await) {
        if (session != null) {
            await.replyTo().tell(session);
        } else {
            openWaiters.add(await.replyTo());
        }
        return Behaviors.same();
    }

    private Behavior<ClientSession.Command> onCallWhileConnecting(Call call) {
        answer(call, new ClientSession.Failed(ErrorCode.CONNECTIONLOSS));
        return Behaviors.same();
    }

    private Behavior<ClientSession.Command> onPostStop(PostStop signal) {
        stopped.complete(null);
        return Behaviors.same();
    }

    private Behavior<ClientSession.Command> onListing(Listing listing) {
        servers = listing.listing().getServiceInstances(ZakkaServer.SERVICE_KEY).stream()
                .sorted(Comparator.comparing(ref -> ref.path().toString())).toList();
        if (server == null && !servers.isEmpty()) {
            server = servers.get(0);
            int requested = Math.toIntExact(settings.sessionTimeout().toMillis());
            server.tell(new ServerCommand.OpenSession(requested, false, settings.clientAddress(), self));
        }
        return Behaviors.same();
    }

    private Behavior<ClientSession.Command> onOpeningReply(FromServer message) {
        if (message.message() instanceof ClientBound.SessionOpened opened) {
            session = new ClientSession.Opened(opened.sessionId(), opened.password(), opened.timeoutMs());
            server = opened.server();
            lastZxidSeen = Math.max(lastZxidSeen, opened.lastZxid());
            liveness = new SessionLiveness(opened.timeoutMs(), System.nanoTime());
            openWaiters.forEach(waiter -> waiter.tell(session));
            openWaiters.clear();
            timers.cancel(Tick.CONNECT_DEADLINE);
            timers.startTimerWithFixedDelay(Tick.HEARTBEAT, Duration.ofMillis(Math.max(10, opened.timeoutMs() / 6)));
            Duration sweep = PendingCalls.sweepInterval(settings.requestTimeout());
            timers.startTimerWithFixedDelay(Tick.EXPIRE_REQUESTS, sweep);
            changeState(State.CONNECTED);
            return this;
        }
        if (message.message() instanceof ClientBound.SessionRejected rejected) {
            return failOpen(rejected.code(), rejected.reason());
        }
        return Behaviors.same();
    }

    private Behavior<ClientSession.Command> onConnectDeadline() {
        return failOpen(ErrorCode.CONNECTIONLOSS, servers.isEmpty() ? "no Zakka server found through the receptionist"
                : "no answer from " + server);
    }

    private Behavior<ClientSession.Command> failOpen(ErrorCode code, String reason) {
        openWaiters.forEach(waiter -> waiter.tell(new ClientSession.OpenFailed(code, reason)));
        return Behaviors.stopped();
    }

    private Behavior<ClientSession.Command> onCall(Call call) {
        int cxid = nextCxid++;
        long now = System.nanoTime();
        liveness.sent(now);
        pending.sent(cxid, call, now);
        server.tell(new ServerCommand.Submit(session.sessionId(), cxid, call.op(), self));
        return Behaviors.same();
    }

    /** Answers TimedOut to every call whose request timeout has passed (at most one sweep interval late). */
    private Behavior<ClientSession.Command> onExpireRequests() {
        pending.expired(System.nanoTime()).forEach(call -> answer(call, new ClientSession.TimedOut()));
        return Behaviors.same();
    }

    /**
     * Completes a call inline, so the facade's callbacks run in the order of the server's replies, as ZooKeeper's
     * single event thread runs them (ZakkaClient's Javadoc tells applications not to block in them).
     */
    private static void answer(Call call, ClientSession.Outcome outcome) {
        call.outcome().complete(outcome);
    }

    private Behavior<ClientSession.Command> onFromServer(FromServer message) {
        liveness.heard(System.nanoTime());
        ClientBound in = message.message();
        if (in instanceof ClientBound.Reply reply) {
            return onReply(reply);
        }
        if (in instanceof ClientBound.Notification notification) {
            deliver(notification.event());
        } else if (in instanceof ClientBound.Pong pong) {
            lastZxidSeen = Math.max(lastZxidSeen, pong.lastZxid());
        } else if (in instanceof ClientBound.SessionOpened opened) {
            server = opened.server();
            resumeAttempts = 0;
            changeState(State.CONNECTED);
        } else if (in instanceof ClientBound.SessionClosed closed) {
            return end(closed.reason() == ErrorCode.SESSIONMOVED ? State.MOVED : State.EXPIRED, closed.reason());
        } else if (in instanceof ClientBound.SessionRejected rejected && rejected.code() == ErrorCode.SESSIONEXPIRED) {
            return end(State.EXPIRED, ErrorCode.SESSIONEXPIRED);
        }
        return Behaviors.same();
    }

    private Behavior<ClientSession.Command> onReply(ClientBound.Reply reply) {
        lastZxidSeen = Math.max(lastZxidSeen, reply.zxid());
        Call call = pending.answered(reply.cxid());
        if (call == null) {
            boolean sessionGone = reply.result().equals(new OpResult.Error(ErrorCode.SESSIONEXPIRED));
            return sessionGone ? end(State.EXPIRED, ErrorCode.SESSIONEXPIRED) : Behaviors.same();
        }
        watches.afterReply(call.op(), reply.result(), watcherOf(call))
                .forEach(removed -> removed.watcher().tell(removed.event()));
        answer(call, new ClientSession.Completed(reply.zxid(), reply.result()));
        if (call.op() instanceof Op.CloseSession && !reply.result().isError()) {
            return end(State.CLOSED, ErrorCode.SESSIONEXPIRED);
        }
        return Behaviors.same();
    }

    /**
     * The watcher object of a call: its own, or for a call that asked for a watch without one (watch = true,
     * addWatch) the session's default watcher, as ZooKeeper's client does.
     */
    private Optional<ActorRef<WatchEvent>> watcherOf(Call call) {
        if (call.watcher().isPresent()) {
            return call.watcher();
        }
        Op op = call.op();
        boolean wantsWatch = op instanceof Op.Exists e && e.watch() || op instanceof Op.GetData d && d.watch()
                || op instanceof Op.GetChildren c && c.watch() || op instanceof Op.AddWatch;
        return wantsWatch ? settings.watcher() : Optional.empty();
    }

    private Behavior<ClientSession.Command> onHeartbeat() {
        long now = System.nanoTime();
        SessionLiveness.Due due = liveness.due(now);
        if (due == SessionLiveness.Due.EXPIRE) {
            return end(State.EXPIRED, ErrorCode.SESSIONEXPIRED);
        }
        if (due == SessionLiveness.Due.RESUME) {
            changeState(State.DISCONNECTED);
            resume();
        } else if (due == SessionLiveness.Due.PING) {
            server.tell(new ServerCommand.Ping(session.sessionId(), self));
            liveness.sent(now);
        }
        return Behaviors.same();
    }

    /** Re-attaches to the next server of the listing (the same one when it is the only one). */
    private void resume() {
        if (servers.isEmpty()) {
            return;
        }
        ActorRef<ServerCommand> target = servers.get(resumeAttempts++ % servers.size());
        target.tell(new ServerCommand.ResumeSession(session.sessionId(), session.password(), session.timeoutMs(),
                lastZxidSeen, settings.clientAddress(), self));
        liveness.sent(System.nanoTime());
    }

    private void deliver(WatchEvent event) {
        lastZxidSeen = Math.max(lastZxidSeen, event.zxid());
        watches.route(event).forEach(watcher -> watcher.tell(event));
    }

    private void changeState(State next) {
        if (next != state) {
            state = next;
            settings.sessionListener().ifPresent(listener -> listener.tell(new SessionEvent(session.sessionId(),
                    next)));
        }
    }

    /** The session is over: fail what is pending and answer every later call with {@code code}. */
    private Behavior<ClientSession.Command> end(State finalState, ErrorCode code) {
        changeState(finalState);
        pending.drain().forEach(call -> answer(call, new ClientSession.Failed(code)));
        timers.cancelAll();
        return finalState == State.CLOSED ? Behaviors.stopped() : EndedSession.create(code, stopped);
    }
}
