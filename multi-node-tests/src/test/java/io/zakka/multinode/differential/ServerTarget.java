package io.zakka.multinode.differential;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.ZakkaServer;
import io.zakka.api.client.ZakkaClient;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A standalone {@link ZakkaServer} in its own ActorSystem, driven through {@link ZakkaClient} sessions,
 * each with a default watcher ({@link EventCollector}) and the client address 127.0.0.1 (the ip id the
 * stock ZooKeeper client has on the embedded server). Every message is serialized, as for a client in
 * another ActorSystem. The reaper is pushed out of the run (ZooKeeper's is not started either) and the
 * super digest is ZooKeeper's. A write's zxid is the server's last applied zxid once its reply arrived;
 * the whole tree is read by a super-user session ({@link ZakkaTreeReader}).
 */
final class ServerTarget implements Target {

    /** The bound of every wait on a Zakka stage: above the request timeout plus the facade's grace. */
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Generous, so that a loaded build machine does not turn a slow reply into OutcomeUnknown. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final String LOOPBACK = "127.0.0.1";

    private final ActorSystem<Void> system;
    private final ZakkaServer server;
    private final List<ClientSlot> slots = new ArrayList<>();
    private int collectors;

    private final boolean pipelined;

    /** One request at a time. */
    ServerTarget() {
        this(false);
    }

    /** @param pipelined send runs of one session's consecutive writes without waiting for replies */
    ServerTarget(boolean pipelined) {
        this.pipelined = pipelined;
        system = ActorSystem.create(Behaviors.empty(), "zakka-differential", nodeConfig(true));
        server = ZakkaServer.start(system);
    }

    /**
     * A standalone node's settings for the differential runs: reaper pushed out, ZooKeeper's super digest.
     *
     * @param serializeMessages serialize every message even inside the one ActorSystem, so that what is
     *                          compared is what a ZakkaClient in another ActorSystem gets (null versus
     *                          empty data, every Stat field, every event)
     */
    static Config nodeConfig(boolean serializeMessages) {
        return ConfigFactory.parseString(String.join("\n",
                        "akka.loglevel = WARNING",
                        "akka.actor.serialize-messages = " + (serializeMessages ? "on" : "off"),
                        "zakka.reaper-interval = 1h",
                        "zakka.super-digest = \"" + GenValues.SUPER_DIGEST + "\""))
                .withFallback(ConfigFactory.load());
    }

    @Override
    public String name() {
        return "Zakka server (ZakkaServer + ZakkaClient" + (pipelined ? ", pipelined writes" : "") + ")";
    }

    @Override
    public void open(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            slots.add(connect());
        }
    }

    private ClientSlot connect() throws Exception {
        ActorRef<Object> collector = system.systemActorOf(EventCollector.create(), "watcher-" + collectors++,
                Props.empty());
        ZakkaClient.Settings settings = ZakkaClient.Settings.defaults().withSessionTimeout(Duration.ofSeconds(30))
                .withRequestTimeout(REQUEST_TIMEOUT).withWatcher(collector.narrow()).withClientAddress(LOOPBACK);
        return new ClientSlot(Await.result(ZakkaClient.connect(system, WAIT, settings)), collector);
    }

    @Override
    public Executed run(Step step) throws Exception {
        ClientSlot slot = slots.get(step.session());
        if (step.action() instanceof Step.Reopen) {
            Await.result(slot.client().close());
            long closeZxid = lastZxid();
            slots.set(step.session(), connect());
            return new Executed(new OpResult.Done(), closeZxid);
        }
        Op op = step.op();
        OpResult result = ClientOps.run(slot.client(), op);
        return new Executed(result, op instanceof Op.WriteOp && committed(result) ? lastZxid() : 0);
    }

    /**
     * Pipelined: consecutive writes of one session are all sent before the first reply is awaited, so
     * the server has several of that session's writes in flight (per-session FIFO keeps their order).
     */
    @Override
    public boolean pipelines(Step step) {
        return pipelined && step.op() instanceof Op.WriteOp;
    }

    @Override
    public boolean canBatch(Step first, Step next) {
        return pipelines(first) && pipelines(next) && first.session() == next.session();
    }

    /**
     * The zxids of a pipelined batch: Zakka gives each committed write the next zxid and a rejected one
     * none, and nothing else commits meanwhile (one active session, reaper pushed out), so the batch's
     * committed writes hold the zxids up to the server's last applied one, in order.
     */
    @Override
    public List<Executed> runBatch(List<Step> steps) throws Exception {
        if (steps.size() == 1) {
            return List.of(run(steps.get(0)));
        }
        ZakkaClient client = slots.get(steps.get(0).session()).client();
        List<java.util.concurrent.CompletionStage<OpResult>> sent = new ArrayList<>();
        for (Step step : steps) {
            sent.add(ClientOps.start(client, step.op()));
        }
        List<OpResult> results = new ArrayList<>();
        for (java.util.concurrent.CompletionStage<OpResult> stage : sent) {
            results.add(Await.result(stage));
        }
        long zxid = lastZxid();
        Executed[] executed = new Executed[steps.size()];
        for (int i = steps.size() - 1; i >= 0; i--) {
            boolean committed = committed(results.get(i));
            executed[i] = new Executed(results.get(i), committed ? zxid : 0);
            zxid -= committed ? 1 : 0;
        }
        return List.of(executed);
    }

    private static boolean committed(OpResult result) {
        return !result.isError() && !(result instanceof OpResult.MultiResult multi
                && multi.results().stream().anyMatch(OpResult::isError));
    }

    private long lastZxid() throws Exception {
        return Await.result(server.lastZxid()).toLong();
    }

    @Override
    public long sessionId(int session) {
        return slots.get(session).client().sessionId();
    }

    /** A read on the session first: the server sends a session's events before its later replies. */
    @Override
    public List<WatchEvent> drainEvents(int session) throws Exception {
        ClientSlot slot = slots.get(session);
        Await.outcome(slot.client().exists("/", false));
        return Await.result(AskPattern.ask(slot.collector(), EventCollector.Drain::new, WAIT, system.scheduler()));
    }

    @Override
    public boolean deliversWatches() {
        return true;
    }

    @Override
    public boolean hasClientSession() {
        return true;
    }

    /** The whole tree as a super user sees it (every read allowed, digests unmasked). */
    @Override
    public Optional<SortedMap<String, NodeDump>> dump() throws Exception {
        return Optional.of(ZakkaTreeReader.read(system));
    }

    @Override
    public void close() throws Exception {
        for (ClientSlot slot : slots) {
            Await.outcome(slot.client().close());
        }
        Await.outcome(server.stop());
        system.terminate();
        Await.result(system.getWhenTerminated());
    }

    /** One session slot's client and its watcher. */
    private record ClientSlot(ZakkaClient client, ActorRef<Object> collector) {
    }
}
