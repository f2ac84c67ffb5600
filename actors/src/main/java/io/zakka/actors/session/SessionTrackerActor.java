package io.zakka.actors.session;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import io.zakka.actors.LocalMessage;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Drives the {@link SessionTable} (the leader's session expiry) and admits client commands: it opens and
 * resumes sessions, touches a session on every request and ping and forwards them, in arrival order, to the
 * pipeline, and turns closes and expiries into CloseSession commands of the pipeline. Every tick it expires
 * the sessions nobody has heard from within their timeout.
 *
 * <p>Requests of an unknown, expired or closing session are answered SESSIONEXPIRED here and never reach the
 * pipeline. Error replies sent from here carry zxid 0 ("unknown"): clients ignore zxids of 0 or less.
 */
public final class SessionTrackerActor extends AbstractBehavior<SessionTrackerActor.Command> {

    /** What the tracker accepts. */
    public sealed interface Command extends LocalMessage permits FromClient, Tick, Ended {
    }

    /** A client command that arrived at the node's entry {@code entry}. */
    public record FromClient(ServerCommand command, ActorRef<ServerCommand> entry) implements Command {
    }

    private enum Tick implements Command {
        INSTANCE
    }

    private record Ended(Pipeline.SessionEnded ended) implements Command {
    }

    /** ZooKeeper's xid of a ping. */
    private static final int PING_XID = -2;

    private final SessionTable table;
    private final Clock clock;
    private final ActorRef<Pipeline.Command> pipeline;
    private final ActorRef<Pipeline.SessionEnded> endedAdapter;

    /**
     * @param table    the session table, already holding any sessions recovered from the tree
     * @param clock    read on every request and tick; the table itself never reads a clock
     */
    public static Behavior<Command> create(SessionTable table, Clock clock, ActorRef<Pipeline.Command> pipeline) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new SessionTrackerActor(context, timers, table, clock, pipeline)));
    }

    private SessionTrackerActor(ActorContext<Command> context, TimerScheduler<Command> timers, SessionTable table,
                                Clock clock, ActorRef<Pipeline.Command> pipeline) {
        super(context);
        this.table = table;
        this.clock = clock;
        this.pipeline = pipeline;
        this.endedAdapter = context.messageAdapter(Pipeline.SessionEnded.class, Ended::new);
        Duration tick = Duration.ofMillis(table.settings().tickTimeMs());
        timers.startTimerWithFixedDelay(Tick.INSTANCE, tick);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(FromClient.class, this::onFromClient)
                .onMessageEquals(Tick.INSTANCE, this::onTick)
                .onMessage(Ended.class, this::onEnded)
                .build();
    }

    private Behavior<Command> onFromClient(FromClient message) {
        ServerCommand command = message.command();
        if (command instanceof ServerCommand.Submit submit) {
            onSubmit(submit);
        } else if (command instanceof ServerCommand.Ping ping) {
            onPing(ping);
        } else if (command instanceof ServerCommand.OpenSession open) {
            onOpen(open, message.entry());
        } else if (command instanceof ServerCommand.ResumeSession resume) {
            onResume(resume, message.entry());
        } else {
            throw new IllegalStateException("unhandled server command " + command);
        }
        return this;
    }

    private Behavior<Command> onTick() {
        for (long sessionId : table.expire(clock.millis())) {
            getContext().getLog().info("session 0x{} expired", Long.toHexString(sessionId));
            pipeline.tell(new Pipeline.CloseSession(sessionId, 0, Optional.empty(), ErrorCode.SESSIONEXPIRED,
                    endedAdapter));
        }
        return this;
    }

    private Behavior<Command> onEnded(Ended ended) {
        table.remove(ended.ended().sessionId());
        return this;
    }

    private void onSubmit(ServerCommand.Submit submit) {
        long sessionId = submit.sessionId();
        if (!table.touch(sessionId, clock.millis())) {
            submit.replyTo().tell(new ClientBound.Reply(sessionId, submit.cxid(), 0,
                    new OpResult.Error(ErrorCode.SESSIONEXPIRED)));
        } else if (submit.op() instanceof Op.CloseSession) {
            table.setClosing(sessionId);
            pipeline.tell(new Pipeline.CloseSession(sessionId, submit.cxid(), Optional.of(submit.replyTo()),
                    ErrorCode.OK, endedAdapter));
        } else {
            pipeline.tell(new Pipeline.Request(submit));
        }
    }

    private void onPing(ServerCommand.Ping ping) {
        if (table.touch(ping.sessionId(), clock.millis())) {
            pipeline.tell(new Pipeline.Heartbeat(ping));
        } else {
            ping.replyTo().tell(new ClientBound.Reply(ping.sessionId(), PING_XID, 0,
                    new OpResult.Error(ErrorCode.SESSIONEXPIRED)));
        }
    }

    private void onOpen(ServerCommand.OpenSession open, ActorRef<ServerCommand> entry) {
        SessionTable.Session session = table.create(open.requestedTimeoutMs(), clock.millis());
        pipeline.tell(new Pipeline.OpenSession(session.sessionId(), session.timeoutMs(),
                table.passwordOf(session.sessionId()), open.clientAddress(), open.client(), entry));
    }

    private void onResume(ServerCommand.ResumeSession resume, ActorRef<ServerCommand> entry) {
        long sessionId = resume.sessionId();
        Optional<SessionTable.Session> session = table.get(sessionId);
        if (session.isEmpty() || !table.verify(sessionId, resume.password())) {
            resume.client().tell(new ClientBound.SessionRejected(sessionId, ErrorCode.SESSIONEXPIRED,
                    "session 0x" + Long.toHexString(sessionId) + " is unknown, closing or the password is wrong"));
            return;
        }
        table.touch(sessionId, clock.millis());
        pipeline.tell(new Pipeline.ResumeSession(sessionId, session.get().timeoutMs(), resume.password(),
                resume.lastZxidSeen(), resume.client(), entry));
    }
}
