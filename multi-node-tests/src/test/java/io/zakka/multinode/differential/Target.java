package io.zakka.multinode.differential;

import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.OpResult;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Something the generated steps run against: real ZooKeeper, Zakka's storage driven directly, a Zakka
 * server driven through ZakkaClient, or one behind its wire gateway driven by the stock ZooKeeper client.
 * Steps run from one thread, each to completion (or, for a pipelining target, a batch of them at once).
 */
interface Target extends AutoCloseable {

    String name();

    /** Opens the session slots; called once before the first step. */
    void open(int sessions) throws Exception;

    /** Runs one step to completion. */
    Executed run(Step step) throws Exception;

    /**
     * Runs consecutive steps; a target is given more than one only when it {@link #pipelines} each of
     * them. The default runs them one by one.
     */
    default List<Executed> runBatch(List<Step> steps) throws Exception {
        List<Executed> results = new java.util.ArrayList<>();
        for (Step step : steps) {
            results.add(run(step));
        }
        return results;
    }

    /** Whether this target can run {@link Step.Reap} steps (run the reaper on demand, at a virtual time). */
    default boolean reapsOnDemand() {
        return false;
    }

    /** Whether this target wants this step in a batch with its neighbours (to prepare them all first). */
    default boolean pipelines(Step step) {
        return false;
    }

    /** Whether {@code next} may join a batch that starts with {@code first}. */
    default boolean canBatch(Step first, Step next) {
        return pipelines(first) && pipelines(next);
    }

    /** The id of the session now in the slot (it changes when a step reopens the slot). */
    long sessionId(int session);

    /**
     * The watch events the slot's session received since the last drain, in arrival order. Every event
     * caused by the steps run so far must have arrived when this returns (bounded wait).
     */
    List<WatchEvent> drainEvents(int session) throws Exception;

    /** Whether this target delivers watch events at all (a storage-only harness may not). */
    boolean deliversWatches();

    /**
     * Whether this target has a client library and the server's session handling, so that whoAmI, sync
     * and removeWatches (whose outcome and events come partly from the client) can be compared.
     */
    boolean hasClientSession();

    /** Every node of the tree by path, when the target can see its whole tree without ACL checks. */
    Optional<SortedMap<String, NodeDump>> dump() throws Exception;

    @Override
    void close() throws Exception;

    /**
     * The result of one step. {@code zxid} is the zxid of the txn the step committed, or 0 when it
     * committed none. {@code alternatives} are further results that are just as much ZooKeeper's: where
     * the stock client refuses a multi before sending it (an invalid path or TTL), ZooKeeper's server
     * answer for the same request is {@code result}, and the client's refusal is an alternative.
     * {@code moreZxids} are the zxids of a step that committed several txns.
     */
    record Executed(OpResult result, long zxid, List<OpResult> alternatives, List<Long> moreZxids) {
        Executed(OpResult result, long zxid, List<OpResult> alternatives) {
            this(result, zxid, alternatives, List.of());
        }

        Executed(OpResult result, long zxid) {
            this(result, zxid, List.of(), List.of());
        }

        /** A step that committed several txns (the reaper's deletes). */
        static Executed ofTxns(OpResult result, List<Long> zxids) {
            return new Executed(result, 0, List.of(), List.copyOf(zxids));
        }
    }

    /** One node as the tree holds it. */
    record NodeDump(byte[] data, List<io.zakka.protocol.Acl> acl, io.zakka.protocol.Stat stat) {
    }
}
