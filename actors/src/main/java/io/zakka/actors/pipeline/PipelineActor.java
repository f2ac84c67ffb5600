package io.zakka.actors.pipeline;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.zakka.actors.durability.SnapshotDriver;
import io.zakka.actors.watch.Delivery;
import io.zakka.actors.watch.WatchRegistry;
import io.zakka.protocol.Acl;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.acl.Caller;
import io.zakka.storage.prep.PrepConfig;
import io.zakka.storage.prep.PrepOutcome;
import io.zakka.storage.prep.PrepStage;
import io.zakka.storage.tree.ApplyResult;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.Reads;
import io.zakka.storage.tree.ReaperScan;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tree keeper and request pipeline of one node (ZooKeeper's Prep, Sync and Final processors): it owns
 * the DataTree, the prep stage, the watch registry and the per-session queues, and it is the one actor that
 * sends every reply and notification of a session, which is what orders them.
 *
 * <p>Write path: prep (against the tree plus the writes in flight) gives a txn, which goes to the
 * {@link Committer}. On {@link Committer.Committed}: apply to the tree, tell prep, deliver the watch
 * notifications, reply, then run the session's requests that waited for this write. So a client that reads
 * the new data has already received the watch event for it. A rejected write answers in the session's
 * turn, like a read; reads and session ops run in the session's turn against the local tree.
 */
public final class PipelineActor extends AbstractBehavior<Pipeline.Command> {

    private record Applied(Committer.Committed committed) implements Pipeline.Command {
    }

    private final Clock clock;
    private final DataTree tree;
    private final Optional<SnapshotDriver> snapshots;
    private final PrepStage prep;
    private final AclChecker acl;
    private final WatchRegistry watches = new WatchRegistry();
    private final ReadStage readStage;
    private final SessionQueues<Consumer<ApplyResult>, Runnable> queues = new SessionQueues<>();
    private final ClientSessions sessions = new ClientSessions();
    private final ActorRef<Committer.Command> committer;
    private final ActorRef<Committer.Committed> committedAdapter;

    /**
     * @param clock     read for the time of each txn (the leader's time, carried in the txn to every replica)
     * @param committer the commit seam: answers every Propose with Committed, in order
     */
    public static Behavior<Pipeline.Command> create(PrepConfig prepConfig, AclChecker acl, Clock clock,
                                           ActorRef<Committer.Command> committer) {
        return create(prepConfig, acl, clock, committer, new DataTree(), Optional.empty());
    }

    /**
     * A pipeline that starts from a recovered {@code tree} (its sessions are open, their clients unknown until
     * they resume) and, with {@code snapshots}, takes snapshots of it.
     */
    public static Behavior<Pipeline.Command> create(PrepConfig prepConfig, AclChecker acl, Clock clock,
                                                    ActorRef<Committer.Command> committer, DataTree tree,
                                                    Optional<SnapshotDriver> snapshots) {
        return Behaviors.setup(context -> new PipelineActor(context, new Setup(prepConfig, acl, clock, committer,
                tree, snapshots)));
    }

    private record Setup(PrepConfig prepConfig, AclChecker acl, Clock clock, ActorRef<Committer.Command> committer,
                         DataTree tree, Optional<SnapshotDriver> snapshots) {
    }

    private PipelineActor(ActorContext<Pipeline.Command> context, Setup setup) {
        super(context);
        PrepConfig prepConfig = setup.prepConfig();
        AclChecker acl = setup.acl();
        ActorRef<Committer.Command> committer = setup.committer();
        this.tree = setup.tree();
        this.snapshots = setup.snapshots();
        this.clock = setup.clock();
        this.prep = new PrepStage(tree, prepConfig, acl);
        this.acl = acl;
        this.readStage = new ReadStage(tree, new Reads(tree, acl), watches);
        this.committer = committer;
        this.committedAdapter = context.messageAdapter(Committer.Committed.class, Applied::new);
        for (long recovered : tree.sessionTimeouts().keySet()) {
            sessions.open(recovered, context.getSystem().deadLetters(), List.of());
        }
        snapshots.ifPresent(driver -> driver.start(context));
    }

    @Override
    public Receive<Pipeline.Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Pipeline.Request.class, this::onRequest)
                .onMessage(Pipeline.Heartbeat.class, this::onHeartbeat)
                .onMessage(Pipeline.OpenSession.class, this::onOpenSession)
                .onMessage(Pipeline.ResumeSession.class, this::onResumeSession)
                .onMessage(Pipeline.CloseSession.class, this::onCloseSession)
                .onMessage(Pipeline.ServerWrite.class, this::onServerWrite)
                .onMessage(Pipeline.FindReapable.class, this::onFindReapable)
                .onMessage(Pipeline.GetStatus.class, this::onGetStatus)
                .onMessage(Applied.class, this::onApplied)
                .onMessage(SnapshotDriver.Written.class, this::onSnapshotWritten)
                .onMessage(SnapshotDriver.Finished.class, this::onSnapshotFinished)
                .onSignal(PostStop.class, this::onPostStop)
                .build();
    }

    private Behavior<Pipeline.Command> onRequest(Pipeline.Request request) {
        ServerCommand.Submit submit = request.submit();
        long session = submit.sessionId();
        Optional<Caller> caller = sessions.caller(session);
        if (caller.isEmpty()) {
            reply(submit.replyTo(), session, submit.cxid(), lastZxid(), error(ErrorCode.SESSIONEXPIRED));
        } else if (sessions.hasMovedFrom(session, submit.replyTo())) {
            reply(submit.replyTo(), session, submit.cxid(), lastZxid(), error(ErrorCode.SESSIONMOVED));
        } else if (submit.op() instanceof Op.CloseSession) {
            throw new IllegalStateException("the tracker turns a close into CloseSession, got it as a request");
        } else if (submit.op() instanceof Op.WriteOp write) {
            write(caller.get(), submit.cxid(), write, submit.replyTo());
        } else if (submit.op() instanceof Op.AddAuth auth) {
            OpResult result = authenticate(session, auth);
            inTurn(session, () -> reply(submit.replyTo(), session, submit.cxid(), lastZxid(), result));
        } else {
            inTurn(session, () -> serve(submit));
        }
        return this;
    }

    private Behavior<Pipeline.Command> onHeartbeat(Pipeline.Heartbeat heartbeat) {
        ServerCommand.Ping ping = heartbeat.ping();
        inTurn(ping.sessionId(), () -> ping.replyTo().tell(new ClientBound.Pong(ping.sessionId(), lastZxid())));
        return this;
    }

    private Behavior<Pipeline.Command> onOpenSession(Pipeline.OpenSession open) {
        PrepOutcome outcome = prep.prepCreateSession(open.sessionId(), open.timeoutMs(), clock.millis());
        if (outcome instanceof PrepOutcome.Proposed proposed) {
            propose(proposed.entry(), applied -> {
                sessions.open(open.sessionId(), open.client(), initialIds(open.clientAddress()));
                open.client().tell(new ClientBound.SessionOpened(open.sessionId(), open.password(), open.timeoutMs(),
                        lastZxid(), open.server()));
            });
        } else {
            open.client().tell(new ClientBound.SessionRejected(open.sessionId(), ErrorCode.SYSTEMERROR,
                    "session could not be created: " + ((PrepOutcome.Rejected) outcome).result()));
        }
        return this;
    }

    private Behavior<Pipeline.Command> onResumeSession(Pipeline.ResumeSession resume) {
        long session = resume.sessionId();
        if (Zxid.of(resume.lastZxidSeen()).isAfter(tree.lastAppliedZxid())) {
            // ZooKeeper refuses a client that has seen a later state than this server (single system image);
            // the client should try another server, so this is not an expiry.
            resume.client().tell(new ClientBound.SessionRejected(session, ErrorCode.CONNECTIONLOSS,
                    "client has seen zxid " + Zxid.of(resume.lastZxidSeen()) + ", this server only "
                            + tree.lastAppliedZxid()));
            return this;
        }
        inTurn(session, () -> {
            if (!sessions.isOpen(session)) {
                resume.client().tell(new ClientBound.SessionRejected(session, ErrorCode.SESSIONEXPIRED, "closed"));
                return;
            }
            ActorRef<ClientBound> previous = sessions.move(session, resume.client());
            if (!previous.equals(resume.client())) {
                previous.tell(new ClientBound.SessionClosed(session, ErrorCode.SESSIONMOVED));
            }
            resume.client().tell(new ClientBound.SessionOpened(session, resume.password(), resume.timeoutMs(),
                    lastZxid(), resume.server()));
        });
        return this;
    }

    private Behavior<Pipeline.Command> onCloseSession(Pipeline.CloseSession close) {
        PrepOutcome outcome = prep.prepCloseSession(close.sessionId(), clock.millis());
        if (!(outcome instanceof PrepOutcome.Proposed proposed)) {
            throw new IllegalStateException("prep refused to close session 0x" + Long.toHexString(close.sessionId())
                    + ": " + ((PrepOutcome.Rejected) outcome).result());
        }
        long zxid = proposed.entry().header().zxid().toLong();
        propose(proposed.entry(), applied -> {
            watches.removeSession(close.sessionId());
            Optional<ActorRef<ClientBound>> client = sessions.close(close.sessionId());
            if (close.reason() == ErrorCode.OK) {
                close.replyTo().ifPresent(to -> reply(to, close.sessionId(), close.cxid(), zxid, applied.result()));
            } else {
                client.ifPresent(to -> to.tell(new ClientBound.SessionClosed(close.sessionId(), close.reason())));
            }
            close.tracker().tell(new Pipeline.SessionEnded(close.sessionId(), zxid));
        });
        return this;
    }

    private Behavior<Pipeline.Command> onServerWrite(Pipeline.ServerWrite write) {
        write(Caller.SERVER, write.cxid(), write.op(), write.replyTo());
        return this;
    }

    private Behavior<Pipeline.Command> onFindReapable(Pipeline.FindReapable find) {
        find.replyTo().tell(new Pipeline.Reapable(ReaperScan.candidates(tree, find.nowMs(), find.max())));
        return this;
    }

    private Behavior<Pipeline.Command> onGetStatus(Pipeline.GetStatus get) {
        get.replyTo().tell(new Pipeline.Status(tree.lastAppliedZxid(), tree.nodeCount(), sessions.size(),
                watches.watchCount(), queues.waitingWrites()));
        return this;
    }

    /** Apply, tell prep, notify, reply, release: the order that makes a watch event precede the new data. */
    private Behavior<Pipeline.Command> onApplied(Applied applied) {
        TxnEntry entry = applied.committed().entry();
        ApplyResult result = tree.apply(entry);
        prep.applied(entry.header().zxid());
        snapshots.ifPresent(driver -> driver.applied(tree, getContext().getSelf()));
        for (Delivery delivery : watches.fireAll(result.triggers(), this::canRead)) {
            sessions.client(delivery.sessionId()).ifPresent(client ->
                    client.tell(new ClientBound.Notification(delivery.sessionId(), delivery.event())));
        }
        queues.committed(entry.header().sessionId(), entry.header().zxid().toLong()).ifPresent(released -> {
            released.write().accept(result);
            released.then().forEach(Runnable::run);
        });
        return this;
    }

    private Behavior<Pipeline.Command> onSnapshotWritten(SnapshotDriver.Written written) {
        snapshots.ifPresent(driver -> driver.onWritten(written, getContext().getSelf()));
        return this;
    }

    private Behavior<Pipeline.Command> onSnapshotFinished(SnapshotDriver.Finished finished) {
        snapshots.ifPresent(driver -> getContext().getLog().info(driver.onFinished(finished)));
        return this;
    }

    /** A clean stop saves a final snapshot, so the next start replays no log. */
    private Behavior<Pipeline.Command> onPostStop(PostStop signal) {
        if (snapshots.isPresent()) {
            try {
                snapshots.get().onStop(tree).ifPresent(zxid ->
                        getContext().getLog().info("snapshot at {} written at shutdown", zxid));
            } catch (java.io.IOException | RuntimeException e) {
                getContext().getLog().error("no snapshot at shutdown (the log still holds every txn)", e);
            }
        }
        return this;
    }

    private void write(Caller caller, int cxid, Op.WriteOp op, ActorRef<ClientBound> replyTo) {
        long session = caller.sessionId();
        PrepOutcome outcome = prep.prep(caller, cxid, op, clock.millis());
        if (outcome instanceof PrepOutcome.Proposed proposed) {
            long zxid = proposed.entry().header().zxid().toLong();
            propose(proposed.entry(), applied -> reply(replyTo, session, cxid, zxid, applied.result()));
        } else {
            OpResult rejection = ((PrepOutcome.Rejected) outcome).result();
            inTurn(session, () -> reply(replyTo, session, cxid, lastZxid(), rejection));
        }
    }

    private void propose(TxnEntry entry, Consumer<ApplyResult> onCommit) {
        queues.awaitCommit(entry.header().sessionId(), entry.header().zxid().toLong(), onCommit);
        committer.tell(new Committer.Propose(entry, committedAdapter));
    }

    /** Runs {@code step} now when the session has no write in flight, else after them, in arrival order. */
    private void inTurn(long session, Runnable step) {
        queues.enqueue(session, step).ifPresent(Runnable::run);
    }

    private void serve(ServerCommand.Submit submit) {
        long session = submit.sessionId();
        Optional<Caller> caller = sessions.caller(session);
        if (caller.isEmpty()) {
            reply(submit.replyTo(), session, submit.cxid(), lastZxid(), error(ErrorCode.SESSIONEXPIRED));
            return;
        }
        ReadStage.Served served = readStage.serve(caller.get(), submit.op());
        sessions.client(session).ifPresent(client -> served.catchUp()
                .forEach(event -> client.tell(new ClientBound.Notification(session, event))));
        reply(submit.replyTo(), session, submit.cxid(), lastZxid(), served.result());
    }

    private OpResult authenticate(long session, Op.AddAuth auth) {
        List<Id> ids = acl.authenticationIds(auth.scheme(), auth.auth());
        ids.forEach(id -> sessions.addId(session, id));
        return ids.isEmpty() ? error(ErrorCode.AUTHFAILED) : new OpResult.Done();
    }

    private boolean canRead(long session, List<Acl> nodeAcl) {
        return sessions.caller(session).map(caller -> acl.allowed(nodeAcl, caller, Perms.READ)).orElse(false);
    }

    private static List<Id> initialIds(String clientAddress) {
        return clientAddress == null || clientAddress.isBlank() ? List.of() : List.of(new Id("ip", clientAddress));
    }

    private long lastZxid() {
        return tree.lastAppliedZxid().toLong();
    }

    private static void reply(ActorRef<ClientBound> to, long session, int cxid, long zxid, OpResult result) {
        to.tell(new ClientBound.Reply(session, cxid, zxid, result));
    }

    private static OpResult error(ErrorCode code) {
        return new OpResult.Error(code);
    }
}
