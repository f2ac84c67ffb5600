package io.zakka.multinode.differential;

import io.zakka.actors.watch.Delivery;
import io.zakka.actors.watch.WatchRegistry;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.PathValidation;
import io.zakka.protocol.Perms;
import io.zakka.protocol.WatchEvent;
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
import io.zakka.storage.tree.NodeView;
import io.zakka.storage.tree.Reads;
import io.zakka.storage.tree.ReaperScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Zakka's storage driven directly by a small sequential harness, as a standalone server's pipeline
 * would: {@link PrepStage#prep} then {@link DataTree#apply} at once for writes, {@link Reads} for reads,
 * the actors' {@link WatchRegistry} for watches (registered after a read as the server registers them,
 * fired with the triggers of each applied txn and filtered by READ). Sessions are opened and closed with
 * their txns; each caller carries the ip id of a loopback connection plus its digest ids.
 *
 * <p>The harness itself stands in for the client and the actors in two places, both following
 * ZooKeeper: addWatch checks the path as the stock client does, and a read registers its watch only when
 * ZooKeeper's server would (exists: found or NONODE; getData / getChildren: found).
 */
final class StorageTarget implements Target {

    private static final long START_MS = 1_700_000_000_000L;
    private static final int SESSION_TIMEOUT_MS = 30_000;
    private static final Id LOOPBACK = new Id("ip", "127.0.0.1");

    private final DataTree tree = new DataTree();
    private final AclChecker aclChecker = new AclChecker(Optional.of(GenValues.SUPER_DIGEST));
    private final PrepStage prep = new PrepStage(tree, PrepConfig.DEFAULTS, aclChecker);
    private final Reads reads = new Reads(tree, aclChecker);
    private final WatchRegistry watches = new WatchRegistry();
    private final List<Session> sessions = new ArrayList<>();
    private final boolean pipelined;
    private long nextSessionId = 0x5a0000L;
    private long nowMs = START_MS;
    private int cxid;

    /** Steps one at a time: each write is prepped and applied before the next. */
    StorageTarget() {
        this(false);
    }

    /**
     * @param pipelined prep every write of a batch (a run of consecutive writes, from any sessions)
     *                  before applying the first, as the leader does with writes in flight: each prep
     *                  must see the changes of the ones before it
     */
    StorageTarget(boolean pipelined) {
        this.pipelined = pipelined;
    }

    @Override
    public String name() {
        return "Zakka storage" + (pipelined ? " with pipelined prep" : "")
                + " (PrepStage + DataTree + Reads + WatchRegistry)";
    }

    /** Writes and session closes (a reopen closes the old session and opens a new one, both in flight). */
    @Override
    public boolean pipelines(Step step) {
        return pipelined && (step.op() instanceof Op.WriteOp || step.action() instanceof Step.Reopen);
    }

    @Override
    public List<Executed> runBatch(List<Step> steps) {
        if (steps.size() == 1) {
            return List.of(run(steps.get(0)));
        }
        List<Pending> pending = new ArrayList<>();
        for (Step step : steps) {
            if (step.action() instanceof Step.Reopen) {
                Session old = sessions.get(step.session());
                Session fresh = new Session(nextSessionId++);
                pending.add(new Pending(prep.prepCloseSession(old.id, nowMs++), old.id, true));
                pending.add(new Pending(prep.prepCreateSession(fresh.id, SESSION_TIMEOUT_MS, nowMs++), 0, false));
                sessions.set(step.session(), fresh);
            } else {
                Op.WriteOp write = (Op.WriteOp) step.op();
                pending.add(new Pending(prep.prep(sessions.get(step.session()).caller(), ++cxid, write, nowMs++),
                        0, true));
            }
        }
        List<Executed> results = new ArrayList<>();
        for (Pending p : pending) {
            Executed executed = commit(p.outcome());
            if (p.closedSession() != 0) {
                watches.removeSession(p.closedSession());
                executed = new Executed(new OpResult.Done(), executed.zxid());
            }
            if (p.answersStep()) {
                results.add(executed);
            }
        }
        return results;
    }

    /** A prepped txn of a batch; a session close removes its watches once applied. */
    private record Pending(PrepOutcome outcome, long closedSession, boolean answersStep) {
    }

    @Override
    public void open(int count) {
        for (int i = 0; i < count; i++) {
            sessions.add(openSession());
        }
    }

    private Session openSession() {
        Session session = new Session(nextSessionId++);
        commit(prep.prepCreateSession(session.id, SESSION_TIMEOUT_MS, nowMs++));
        return session;
    }

    @Override
    public Executed run(Step step) {
        Session session = sessions.get(step.session());
        if (step.action() instanceof Step.Reap) {
            return reap();
        }
        if (step.action() instanceof Step.Reopen) {
            Executed closed = commit(prep.prepCloseSession(session.id, nowMs++));
            watches.removeSession(session.id);
            sessions.set(step.session(), openSession());
            return new Executed(new OpResult.Done(), closed.zxid());
        }
        Op op = step.op();
        if (op instanceof Op.WriteOp write) {
            return commit(prep.prep(session.caller(), ++cxid, write, nowMs++));
        } else if (op instanceof Op.ReadOp read) {
            OpResult result = reads.read(session.caller(), read);
            registerWatch(session.id, read, result);
            return new Executed(result, 0);
        } else if (op instanceof Op.AddWatch add) {
            if (!PathValidation.isValid(add.path())) {
                return new Executed(new OpResult.Error(ErrorCode.BADARGUMENTS), 0);
            }
            watches.addPersistentWatch(session.id, add.path(), add.mode());
            return new Executed(new OpResult.Done(), 0);
        } else if (op instanceof Op.AddAuth auth) {
            for (Id id : aclChecker.authenticationIds(auth.scheme(), auth.auth())) {
                if (!session.ids.contains(id)) {
                    session.ids.add(id);
                }
            }
            return new Executed(new OpResult.Done(), 0);
        }
        throw new IllegalArgumentException("not generated: " + op);
    }

    /**
     * The reaper at a virtual far future (every TTL has run out): ReaperScan's candidates, each deleted
     * with a deleteContainer by the server, as the ReaperActor does. The txn times are that future too;
     * a delete's time shows in no Stat.
     */
    private Executed reap() {
        long farFutureMs = nowMs + ZkReaper.FAR_FUTURE_ELAPSED_MS;
        List<String> candidates = ReaperScan.candidates(tree, farFutureMs, Integer.MAX_VALUE);
        List<Long> zxids = new ArrayList<>();
        for (String path : candidates) {
            Executed deleted = commit(prep.prep(Caller.SERVER, 0, new Op.DeleteContainer(path), farFutureMs));
            if (deleted.zxid() != 0) {
                zxids.add(deleted.zxid());
            }
        }
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(null);
        return Executed.ofTxns(new OpResult.PathsResult(sorted), zxids);
    }

    @Override
    public boolean reapsOnDemand() {
        return true;
    }

    /** Applies a proposed txn at once and delivers its watch events; a rejection commits nothing. */
    private Executed commit(PrepOutcome outcome) {
        if (outcome instanceof PrepOutcome.Rejected rejected) {
            return new Executed(rejected.result(), 0);
        }
        TxnEntry entry = ((PrepOutcome.Proposed) outcome).entry();
        ApplyResult applied = tree.apply(entry);
        prep.applied(entry.header().zxid());
        for (Delivery delivery : watches.fireAll(applied.triggers(), this::canRead)) {
            sessions.stream().filter(s -> s.id == delivery.sessionId()).forEach(s -> s.events.add(delivery.event()));
        }
        return new Executed(applied.result(), entry.header().zxid().toLong());
    }

    private boolean canRead(long sessionId, List<io.zakka.protocol.Acl> acl) {
        return sessions.stream().filter(s -> s.id == sessionId).findFirst()
                .map(s -> aclChecker.allowed(acl, s.caller(), Perms.READ)).orElse(false);
    }

    private void registerWatch(long sessionId, Op.ReadOp read, OpResult result) {
        boolean found = !result.isError();
        if (read instanceof Op.Exists exists && exists.watch()
                && (found || result instanceof OpResult.Error e && e.code() == ErrorCode.NONODE)) {
            watches.addDataWatch(sessionId, exists.path());
        } else if (read instanceof Op.GetData getData && getData.watch() && found) {
            watches.addDataWatch(sessionId, getData.path());
        } else if (read instanceof Op.GetChildren getChildren && getChildren.watch() && found) {
            watches.addChildWatch(sessionId, getChildren.path());
        }
    }

    @Override
    public long sessionId(int session) {
        return sessions.get(session).id;
    }

    @Override
    public List<WatchEvent> drainEvents(int session) {
        List<WatchEvent> events = sessions.get(session).events;
        List<WatchEvent> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    @Override
    public boolean deliversWatches() {
        return true;
    }

    /** whoAmI and removeWatches belong to the server's session handling and the client: not here. */
    @Override
    public boolean hasClientSession() {
        return false;
    }

    @Override
    public Optional<SortedMap<String, NodeDump>> dump() {
        SortedMap<String, NodeDump> nodes = new TreeMap<>();
        List<String> pending = new ArrayList<>(List.of("/"));
        while (!pending.isEmpty()) {
            String path = pending.remove(pending.size() - 1);
            NodeView node = tree.get(path);
            nodes.put(path, new NodeDump(node.data(), node.acl(), node.stat()));
            for (String child : node.children()) {
                pending.add(path.equals("/") ? "/" + child : path + "/" + child);
            }
        }
        return Optional.of(nodes);
    }

    @Override
    public void close() {
        // Nothing to release: the tree lives in memory only.
    }

    /** One session slot's session: its id, its auth ids and the events delivered to it. */
    private static final class Session {
        private final long id;
        private final List<Id> ids = new ArrayList<>(List.of(LOOPBACK));
        private final List<WatchEvent> events = new ArrayList<>();

        private Session(long id) {
            this.id = id;
        }

        private Caller caller() {
            return new Caller(id, ids);
        }
    }
}
