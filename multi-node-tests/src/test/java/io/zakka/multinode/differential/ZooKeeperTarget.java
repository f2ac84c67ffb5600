package io.zakka.multinode.differential;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.zookeeper.KeeperException;

/**
 * Stock ZooKeeper clients (the synchronous API) on a {@link ZkBackend}: the reference, an embedded Apache
 * ZooKeeper 3.9.5, or a Zakka node behind its wire gateway, which must answer them exactly alike.
 *
 * <p>Where the stock client refuses a request before sending it, that refusal is ZooKeeper's answer
 * (IllegalArgumentException is BADARGUMENTS, a client-side InvalidACLException is INVALIDACL). ZooKeeper's
 * server is laxer than its client for a few such inputs that no stock client sends (delete and the reads
 * do not validate the path server-side); those are not compared here. Multis are the exception: the
 * server's answer for the unvalidated request is taken too, and either form is accepted (see
 * {@link Target.Executed}).
 */
final class ZooKeeperTarget implements Target {

    private final ZkBackend server;
    private final boolean clientVariants;
    private final List<ZkSession> sessions = new ArrayList<>();

    /** The reference: stock clients on an embedded ZooKeeper 3.9.5. */
    ZooKeeperTarget() throws Exception {
        this(new EmbeddedZooKeeper(), false);
    }

    /**
     * Stock clients on {@code backend}.
     *
     * @param clientVariants also use the client calls whose replies have another shape than Zakka's
     *                       results (every third step's creates use the 4-argument create: opcode create,
     *                       no Stat in the reply); only for comparing two stock-client targets
     */
    ZooKeeperTarget(ZkBackend backend, boolean clientVariants) {
        this.server = backend;
        this.clientVariants = clientVariants;
    }

    @Override
    public String name() {
        return server.name();
    }

    @Override
    public void open(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            sessions.add(ZkSession.connect(server.connectString()));
        }
    }

    @Override
    public Executed run(Step step) throws Exception {
        ZkSession session = sessions.get(step.session());
        long before = server.lastZxid();
        if (step.action() instanceof Step.Reap) {
            List<String> candidates = server.reapAll();
            session.exists("/", false);
            List<Long> zxids = new ArrayList<>();
            for (long zxid = before + 1; zxid <= server.lastZxid(); zxid++) {
                zxids.add(zxid);
            }
            return Executed.ofTxns(new OpResult.PathsResult(candidates), zxids);
        }
        if (step.action() instanceof Step.Reopen) {
            session.close();
            long closeZxid = server.lastZxid();
            sessions.set(step.session(), ZkSession.connect(server.connectString()));
            return new Executed(new OpResult.Done(), closeZxid);
        }
        Op op = step.op();
        boolean plainCreate = clientVariants && step.index() % 3 == 0;
        Executed executed = op instanceof Op.Multi multi ? multi(session, multi, plainCreate)
                : new Executed(single(session, op, plainCreate), 0);
        long after = server.lastZxid();
        boolean committed = op instanceof Op.WriteOp && succeeded(executed.result()) && after != before;
        return committed ? new Executed(executed.result(), after, executed.alternatives()) : executed;
    }

    private static boolean succeeded(OpResult result) {
        if (result instanceof OpResult.MultiResult multi) {
            return multi.results().stream().noneMatch(OpResult::isError);
        }
        return !result.isError();
    }

    private OpResult single(ZkSession zk, Op op, boolean plainCreate) throws InterruptedException {
        try {
            return ZkOps.run(zk, op, plainCreate);
        } catch (KeeperException e) {
            return new OpResult.Error(ErrorCode.fromCode(e.code().intValue()));
        } catch (IllegalArgumentException e) {
            return new OpResult.Error(ErrorCode.BADARGUMENTS);
        }
    }

    private Executed multi(ZkSession zk, Op.Multi multi, boolean plainCreate) throws InterruptedException {
        List<org.apache.zookeeper.Op> ops = new ArrayList<>();
        for (Op op : multi.ops()) {
            ops.add(ZkConvert.op(op, plainCreate));
        }
        try {
            return new Executed(ZkConvert.results(zk.multi(ops)), 0);
        } catch (KeeperException e) {
            return new Executed(failedMulti(e), 0);
        } catch (IllegalArgumentException refusedByClient) {
            OpResult serverAnswer;
            try {
                serverAnswer = ZkConvert.results(zk.multiUnvalidated(ops));
            } catch (KeeperException e) {
                serverAnswer = failedMulti(e);
            }
            List<OpResult> alternatives = new ArrayList<>();
            alternatives.add(new OpResult.Error(ErrorCode.BADARGUMENTS));
            clientCheckAtFailingOp(multi, serverAnswer).ifPresent(alternatives::add);
            return new Executed(serverAnswer, 0, alternatives);
        }
    }

    /**
     * ZooKeeper's server checks a create's full path late (after the parent lookup and the ACL check),
     * so for an op its client would refuse it may answer NONODE where a server that applies the client's
     * path rules first answers BADARGUMENTS. Both are ZooKeeper's rules; this is the server's answer
     * with the client's code at the failing op, offered only when that op is one the client refuses.
     */
    private static java.util.Optional<OpResult> clientCheckAtFailingOp(Op.Multi multi, OpResult serverAnswer) {
        if (!(serverAnswer instanceof OpResult.MultiResult results)) {
            return java.util.Optional.empty();
        }
        List<OpResult> patched = new ArrayList<>(results.results());
        for (int i = 0; i < patched.size(); i++) {
            if (patched.get(i) instanceof OpResult.Error e && e.code() != ErrorCode.OK) {
                if (e.code() == ErrorCode.RUNTIMEINCONSISTENCY || !ZkConvert.clientRefuses(multi.ops().get(i))) {
                    return java.util.Optional.empty();
                }
                patched.set(i, new OpResult.Error(ErrorCode.BADARGUMENTS));
                return java.util.Optional.of(new OpResult.MultiResult(patched));
            }
        }
        return java.util.Optional.empty();
    }

    private static OpResult failedMulti(KeeperException e) {
        return e.getResults() == null ? new OpResult.Error(ErrorCode.fromCode(e.code().intValue()))
                : ZkConvert.results(e.getResults());
    }

    @Override
    public long sessionId(int session) {
        return sessions.get(session).getSessionId();
    }

    @Override
    public List<WatchEvent> drainEvents(int session) throws Exception {
        return sessions.get(session).drainEvents();
    }

    @Override
    public boolean deliversWatches() {
        return true;
    }

    @Override
    public boolean hasClientSession() {
        return true;
    }

    @Override
    public boolean reapsOnDemand() {
        return server.reapsOnDemand();
    }

    @Override
    public Optional<SortedMap<String, NodeDump>> dump() throws Exception {
        return server.dump();
    }

    @Override
    public void close() throws Exception {
        for (ZkSession session : sessions) {
            session.close();
        }
        server.close();
    }
}
