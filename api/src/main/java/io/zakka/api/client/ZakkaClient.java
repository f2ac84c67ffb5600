package io.zakka.api.client;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import io.zakka.protocol.Acl;
import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A ZooKeeper-style session from an Akka application, as {@link CompletionStage}s. One session actor per
 * client sends every request and receives every reply and watch event, so callbacks complete in the server's
 * order and a watch event reaches the watcher before the reply that reads the new data.
 *
 * <p>Threads: a stage completes on the session actor's thread, in the order of the server's replies, so the
 * non-async callbacks attached to it run there, in that order (as ZooKeeper's client runs every callback on its
 * one event thread). Do not block in them (a {@code join()} on another call of this client there would wait
 * forever); attach {@code *Async} callbacks to move work to an executor of your own.
 *
 * <p>Failures: an error code fails the stage with {@link ZakkaException}; a write without a reply within the
 * request timeout fails with {@link OutcomeUnknownException} (it may still commit); a read, with
 * {@link TimeoutException}. After the session expired, moved or was closed, every call fails with
 * {@link ZakkaException} (SESSIONEXPIRED or SESSIONMOVED).
 */
public final class ZakkaClient {

    /**
     * Client settings. {@code watcher} receives every watch event of the session, {@code sessionListener}
     * every change of its state; {@code clientAddress} is the ip id the server gives the session.
     */
    public record Settings(Duration sessionTimeout, Duration requestTimeout, Optional<ActorRef<WatchEvent>> watcher,
                           Optional<ActorRef<SessionEvent>> sessionListener, String clientAddress) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), Duration.ofSeconds(10), Optional.empty(), Optional.empty(),
                    "");
        }

        public Settings withSessionTimeout(Duration timeout) {
            return new Settings(timeout, requestTimeout, watcher, sessionListener, clientAddress);
        }

        public Settings withRequestTimeout(Duration timeout) {
            return new Settings(sessionTimeout, timeout, watcher, sessionListener, clientAddress);
        }

        public Settings withWatcher(ActorRef<WatchEvent> ref) {
            return new Settings(sessionTimeout, requestTimeout, Optional.of(ref), sessionListener, clientAddress);
        }

        public Settings withSessionListener(ActorRef<SessionEvent> ref) {
            return new Settings(sessionTimeout, requestTimeout, watcher, Optional.of(ref), clientAddress);
        }

        public Settings withClientAddress(String address) {
            return new Settings(sessionTimeout, requestTimeout, watcher, sessionListener, address);
        }
    }

    /** Extra time the facade's ask for the opened session waits beyond the connect timeout. */
    private static final Duration ASK_GRACE = Duration.ofSeconds(5);

    private final ActorSystem<?> system;
    private final ActorRef<ClientSession.Command> session;
    private final ClientSession.Opened opened;
    private final Settings settings;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Calls not yet answered; failed together when the session actor stops (they would never end). */
    private final Set<CompletableFuture<ClientSession.Outcome>> pending = ConcurrentHashMap.newKeySet();
    /** Completed by the session actor when it stops, for whatever reason (close, expiry, system termination). */
    private final CompletableFuture<Void> sessionStopped;

    private ZakkaClient(ActorSystem<?> system, ActorRef<ClientSession.Command> session,
                        ClientSession.Opened opened, Settings settings, CompletableFuture<Void> sessionStopped) {
        this.system = system;
        this.session = session;
        this.opened = opened;
        this.settings = settings;
        this.sessionStopped = sessionStopped;
        sessionStopped.thenRun(this::failPending);
        system.getWhenTerminated().thenRun(this::failPending);
    }

    /**
     * Finds a server through the receptionist (the client system must be a member of the servers' cluster, or
     * host a server itself) and opens a session; fails with {@link ZakkaException} (CONNECTIONLOSS) when no
     * server answers within {@code timeout}.
     */
    public static CompletionStage<ZakkaClient> connect(ActorSystem<?> system, Duration timeout, Settings settings) {
        ActorRef<ClientSession.Command> actor;
        CompletableFuture<Void> sessionStopped = new CompletableFuture<>();
        try {
            actor = system.systemActorOf(ClientSessionActor.create(settings, timeout, sessionStopped),
                    "zakka-client-" + UUID.randomUUID(), Props.empty());
        } catch (IllegalStateException terminating) {
            return CompletableFuture.failedFuture(new IllegalStateException(terminatedMessage(system), terminating));
        }
        CompletableFuture<ClientSession.OpenOutcome> outcome = new CompletableFuture<>();
        AskPattern.<ClientSession.Command, ClientSession.OpenOutcome>ask(actor, ClientSession.AwaitOpen::new,
                        timeout.plus(ASK_GRACE), system.scheduler())
                .whenCompleteAsync((answer, failure) -> complete(outcome, answer, failure), Runnable::run);
        // A system that terminates (e.g. it could not join the cluster) stops its scheduler: the ask would hang.
        system.getWhenTerminated().thenRun(() -> outcome.completeExceptionally(
                new IllegalStateException(terminatedMessage(system))));
        return outcome.thenApply(answer -> {
            if (answer instanceof ClientSession.Opened opened) {
                return new ZakkaClient(system, actor, opened, settings, sessionStopped);
            }
            ClientSession.OpenFailed failed = (ClientSession.OpenFailed) answer;
            throw new ZakkaException(failed.code(), null);
        });
    }

    private static <T> void complete(CompletableFuture<T> target, T value, Throwable failure) {
        if (failure != null) {
            target.completeExceptionally(failure);
        } else {
            target.complete(value);
        }
    }

    private static String terminatedMessage(ActorSystem<?> system) {
        return "the client ActorSystem '" + system.name() + "' has terminated (a write in flight may or may not"
                + " have committed)";
    }

    public long sessionId() {
        return opened.sessionId();
    }

    /** The timeout the server granted (the requested one clamped to its bounds). */
    public int sessionTimeoutMs() {
        return opened.timeoutMs();
    }

    public Settings settings() {
        return settings;
    }

    // ---- writes ----

    public CompletionStage<OpResult.Created> create(String path, byte[] data, List<Acl> acl, CreateMode mode) {
        return write(new Op.Create(path, data, acl, mode), OpResult.Created.class);
    }

    /** create with a TTL: {@code mode} is PERSISTENT_WITH_TTL or PERSISTENT_SEQUENTIAL_WITH_TTL. */
    public CompletionStage<OpResult.Created> create(String path, byte[] data, List<Acl> acl, CreateMode mode,
                                                    long ttlMs) {
        return write(new Op.Create(path, data, acl, mode, ttlMs), OpResult.Created.class);
    }

    public CompletionStage<Void> delete(String path, int version) {
        return write(new Op.Delete(path, version), OpResult.Done.class).thenApply(done -> null);
    }

    public CompletionStage<Stat> setData(String path, byte[] data, int version) {
        return write(new Op.SetData(path, data, version), OpResult.StatResult.class)
                .thenApply(OpResult.StatResult::stat);
    }

    public CompletionStage<Stat> setACL(String path, List<Acl> acl, int aclVersion) {
        return write(new Op.SetAcl(path, acl, aclVersion), OpResult.StatResult.class)
                .thenApply(OpResult.StatResult::stat);
    }

    /** Atomic: every op applies or none does; a failure carries the per-op results. */
    public CompletionStage<List<OpResult>> multi(List<Op> ops) {
        return write(new Op.Multi(ops), OpResult.MultiResult.class).thenApply(OpResult.MultiResult::results);
    }

    /** A builder for {@link #multi}. */
    public Transaction transaction() {
        return new Transaction(this);
    }

    // ---- reads ----

    /** The node's Stat, or empty when it does not exist; {@code watch} sets a data or exist watch. */
    public CompletionStage<Optional<Stat>> exists(String path, boolean watch) {
        return exists(new Op.Exists(path, watch), Optional.empty());
    }

    /** exists with a watcher for this path only (one-shot), like ZooKeeper's exists(path, watcher). */
    public CompletionStage<Optional<Stat>> exists(String path, ActorRef<WatchEvent> watcher) {
        return exists(new Op.Exists(path, true), Optional.of(watcher));
    }

    private CompletionStage<Optional<Stat>> exists(Op.Exists op, Optional<ActorRef<WatchEvent>> watcher) {
        return call(op, watcher).thenApply(result -> {
            if (result.equals(new OpResult.Error(ErrorCode.NONODE))) {
                return Optional.<Stat>empty();
            }
            return Optional.of(expect(op, result, OpResult.StatResult.class).stat());
        });
    }

    public CompletionStage<OpResult.DataResult> getData(String path, boolean watch) {
        return read(new Op.GetData(path, watch), Optional.empty(), OpResult.DataResult.class);
    }

    public CompletionStage<OpResult.DataResult> getData(String path, ActorRef<WatchEvent> watcher) {
        return read(new Op.GetData(path, true), Optional.of(watcher), OpResult.DataResult.class);
    }

    public CompletionStage<OpResult.AclResult> getACL(String path) {
        return read(new Op.GetAcl(path), Optional.empty(), OpResult.AclResult.class);
    }

    public CompletionStage<List<String>> getChildren(String path, boolean watch) {
        return getChildren2(path, watch).thenApply(OpResult.ChildrenResult::children);
    }

    public CompletionStage<List<String>> getChildren(String path, ActorRef<WatchEvent> watcher) {
        return read(new Op.GetChildren(path, true, false), Optional.of(watcher), OpResult.ChildrenResult.class)
                .thenApply(OpResult.ChildrenResult::children);
    }

    /** getChildren2: the children and the parent's Stat. */
    public CompletionStage<OpResult.ChildrenResult> getChildren2(String path, boolean watch) {
        return read(new Op.GetChildren(path, watch, true), Optional.empty(), OpResult.ChildrenResult.class);
    }

    public CompletionStage<Integer> getAllChildrenNumber(String path) {
        return read(new Op.GetAllChildrenNumber(path), Optional.empty(), OpResult.CountResult.class)
                .thenApply(OpResult.CountResult::count);
    }

    /** The ephemerals of this session under {@code prefixPath} ("/" for all). */
    public CompletionStage<List<String>> getEphemerals(String prefixPath) {
        return read(new Op.GetEphemerals(prefixPath), Optional.empty(), OpResult.PathsResult.class)
                .thenApply(OpResult.PathsResult::paths);
    }

    /** Not atomic: each op succeeds or fails on its own; failures are {@link OpResult.Error} entries. */
    public CompletionStage<List<OpResult>> multiRead(List<Op> ops) {
        return read(new Op.MultiRead(ops), Optional.empty(), OpResult.MultiResult.class)
                .thenApply(OpResult.MultiResult::results);
    }

    /** The ensemble configuration znode (/zookeeper/config). */
    public CompletionStage<OpResult.DataResult> getConfig(boolean watch) {
        return getData("/zookeeper/config", watch);
    }

    // ---- session ops ----

    /** Completes once this server has caught up with every write committed before the sync. */
    public CompletionStage<String> sync(String path) {
        return read(new Op.Sync(path), Optional.empty(), OpResult.SyncResult.class)
                .thenApply(OpResult.SyncResult::path);
    }

    public CompletionStage<Void> addWatch(String path, AddWatchMode mode) {
        return read(new Op.AddWatch(path, mode), Optional.empty(), OpResult.Done.class).thenApply(done -> null);
    }

    /** addWatch with a watcher that gets this watch's events only. */
    public CompletionStage<Void> addWatch(String path, AddWatchMode mode, ActorRef<WatchEvent> watcher) {
        return read(new Op.AddWatch(path, mode), Optional.of(watcher), OpResult.Done.class).thenApply(done -> null);
    }

    /** Fails with NOWATCHER when the session has no such watch. */
    public CompletionStage<Void> removeWatches(String path, WatcherType type) {
        return read(new Op.RemoveWatches(path, type), Optional.empty(), OpResult.Done.class).thenApply(done -> null);
    }

    /** Fails with NOWATCHER when the session has no such watch. */
    public CompletionStage<Void> checkWatches(String path, WatcherType type) {
        return read(new Op.CheckWatches(path, type), Optional.empty(), OpResult.Done.class).thenApply(done -> null);
    }

    /** Fails with AUTHFAILED for an unknown scheme. */
    public CompletionStage<Void> addAuth(String scheme, byte[] auth) {
        return read(new Op.AddAuth(scheme, auth), Optional.empty(), OpResult.Done.class).thenApply(done -> null);
    }

    public CompletionStage<List<Id>> whoAmI() {
        return read(new Op.WhoAmI(), Optional.empty(), OpResult.WhoAmIResult.class)
                .thenApply(OpResult.WhoAmIResult::ids);
    }

    /** Closes the session: its ephemerals are deleted and their watches fire. Closing twice is harmless. */
    public CompletionStage<Void> close() {
        if (!closed.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return call(new Op.CloseSession(), Optional.empty()).handle((result, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause == null || cause instanceof ZakkaException gone && isGone(gone.code())) {
                return null;
            }
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        });
    }

    // ---- plumbing ----

    private <R extends OpResult> CompletionStage<R> write(Op op, Class<R> type) {
        return call(op, Optional.empty()).thenApply(result -> expect(op, result, type));
    }

    private <R extends OpResult> CompletionStage<R> read(Op op, Optional<ActorRef<WatchEvent>> watcher,
                                                         Class<R> type) {
        return call(op, watcher).thenApply(result -> expect(op, result, type));
    }

    /**
     * Sends {@code op} through the session actor and maps its outcome to a result or an exception. No ask: the
     * call carries its own future, which the session actor completes in reply order, and the actor times
     * requests out itself, so a call costs no temporary actor and no scheduled task. A call still in flight when
     * the session actor stops fails (see {@link #failPending}).
     */
    private CompletionStage<OpResult> call(Op op, Optional<ActorRef<WatchEvent>> watcher) {
        if (closed.get() && !(op instanceof Op.CloseSession)) {
            return CompletableFuture.failedFuture(new ZakkaException(ErrorCode.SESSIONEXPIRED, op.path()));
        }
        CompletableFuture<ClientSession.Outcome> outcome = new CompletableFuture<>();
        pending.add(outcome);
        session.tell(new ClientSession.Call(op, watcher, outcome));
        if (sessionStopped.isDone()) {
            failPending();
        }
        return outcome.handle((answer, failure) -> {
            pending.remove(outcome);
            return toResult(op, answer, failure);
        });
    }

    /**
     * Fails every call not yet answered. Runs when the session actor stops (a call that reached it too late
     * went to dead letters) and after a call that found it stopped; together they leave no call hanging.
     */
    private void failPending() {
        pending.forEach(call -> call.completeExceptionally(new IllegalStateException(stoppedMessage())));
    }

    private String stoppedMessage() {
        return system.whenTerminated().isCompleted() ? terminatedMessage(system)
                : "the session actor of session 0x" + Long.toHexString(opened.sessionId()) + " has stopped";
    }

    private OpResult toResult(Op op, ClientSession.Outcome answer, Throwable failure) {
        if (failure != null) {
            throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
        }
        if (answer instanceof ClientSession.TimedOut) {
            throw timeout(op);
        }
        if (answer instanceof ClientSession.Failed failed) {
            throw new ZakkaException(failed.code(), op.path());
        }
        return ((ClientSession.Completed) answer).result();
    }

    private RuntimeException timeout(Op op) {
        if (op instanceof Op.WriteOp) {
            return new OutcomeUnknownException(op, settings.requestTimeout());
        }
        return new CompletionException(new TimeoutException(
                "no reply within " + settings.requestTimeout().toMillis() + " ms to " + op));
    }

    private static boolean isGone(ErrorCode code) {
        return code == ErrorCode.SESSIONEXPIRED || code == ErrorCode.SESSIONMOVED;
    }

    private static <R extends OpResult> R expect(Op op, OpResult result, Class<R> type) {
        if (result instanceof OpResult.Error error) {
            throw new ZakkaException(error.code(), op.path());
        }
        if (op instanceof Op.Multi && result instanceof OpResult.MultiResult multi && failed(multi)) {
            throw new ZakkaException(firstFailure(multi), null, multi.results());
        }
        return type.cast(result);
    }

    private static boolean failed(OpResult.MultiResult multi) {
        return multi.results().stream().anyMatch(OpResult::isError);
    }

    /** The failing op's code: the first error that is neither OK nor RUNTIMEINCONSISTENCY. */
    private static ErrorCode firstFailure(OpResult.MultiResult multi) {
        return multi.results().stream().filter(OpResult::isError).map(r -> ((OpResult.Error) r).code())
                .filter(code -> code != ErrorCode.OK && code != ErrorCode.RUNTIMEINCONSISTENCY)
                .findFirst().orElse(ErrorCode.RUNTIMEINCONSISTENCY);
    }
}
