package io.zakka.actors.durability;

import akka.actor.typed.Behavior;
import io.zakka.actors.pipeline.Committer;
import io.zakka.storage.durability.DataDir;
import io.zakka.storage.durability.Recovery;
import io.zakka.storage.tree.DataTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A node's state recovered from its data dir, and the durable parts wired to it: the committer (txn log on its
 * dispatcher) and the snapshot driver. {@link #recover} runs before the node serves, on the caller's thread.
 */
public final class DurableState {
    private final DurabilityConfig config;
    private final Recovery.Recovered recovered;
    private final SnapshotDriver snapshots;
    private final SlowFsyncs slowFsyncs = new SlowFsyncs();

    private DurableState(DurabilityConfig config, Recovery.Recovered recovered, long seed) {
        this.config = config;
        this.recovered = recovered;
        this.snapshots = new SnapshotDriver(config, recovered.snapshots(),
                Optional.of(recovered.log().directory()), recovered.snapshotZxid(), recovered.replayed(), seed);
    }

    /**
     * Recovers from {@code config.dataDir()}: snapshot, log replay, torn tail cut off.
     *
     * @param seed draws the snapshot intervals (differs per server)
     * @throws DurabilityException when the data dir cannot be used; its message says what to do
     */
    public static DurableState recover(DurabilityConfig config, int serverId, long seed) {
        DataDir dir = new DataDir(config.dataDir().orElseThrow(
                () -> new IllegalArgumentException("no data dir configured")));
        try {
            return new DurableState(config, Recovery.recover(dir, serverId, config.logOptions()), seed);
        } catch (IOException e) {
            throw new DurabilityException(e.getMessage(), e);
        }
    }

    /** The recovered tree; the pipeline takes it over. */
    public DataTree tree() {
        return recovered.tree();
    }

    /** What recovery found and did, for the start-up log. */
    public List<String> notes() {
        return recovered.notes();
    }

    public DurabilityConfig config() {
        return config;
    }

    public Behavior<Committer.Command> committer() {
        return DurableCommitter.create(recovered.log(), config.fsyncWarningThreshold(), slowFsyncs);
    }

    /** The txn log's count of syncs slower than the warning threshold. */
    public SlowFsyncs slowFsyncs() {
        return slowFsyncs;
    }

    public SnapshotDriver snapshots() {
        return snapshots;
    }

    /** The data dir cannot be used; the message says why and what to do. */
    public static final class DurabilityException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        public DurabilityException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
