package io.zakka.actors.durability;

import akka.actor.typed.ActorRef;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.ActorContext;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.protocol.Zxid;
import io.zakka.storage.durability.Retention;
import io.zakka.storage.snapshot.SnapshotStore;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.NodeImage;
import io.zakka.storage.tree.SnapshotCursor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The tree keeper's side of snapshots, called by the pipeline actor that owns the tree. After a random number of
 * applied txns in [N/2 + 1, N] it opens a {@link SnapshotCursor} (a consistent copy-on-write image at the last
 * applied zxid) and hands the image to the {@link SnapshotWriterActor} slice by slice: at most two slices are in
 * flight, and each {@link Written} answer triggers the next, so writes to the tree interleave with the copying and
 * a write never waits longer than one slice copy (see {@link DurabilityConfig#snapshotSliceNodes()}).
 *
 * <p>On a clean stop, {@link #onStop} saves a final snapshot when the tree moved since the last one.
 */
public final class SnapshotDriver {

    /** The writer wrote a slice ({@code ok}) or has failed. */
    public record Written(boolean ok) implements Pipeline.Command {
    }

    /** The snapshot at {@code zxid} was committed ({@code ok}) or dropped. */
    public record Finished(Zxid zxid, boolean ok, long millis) implements Pipeline.Command {
    }

    private static final int SLICES_IN_FLIGHT = 2;

    private final DurabilityConfig config;
    private final SnapshotStore store;
    private final Optional<Path> logDir;
    private final SplittableRandom random;
    private ActorRef<SnapshotWriterActor.Command> writer;
    private SnapshotCursor cursor;
    private Zxid lastSnapshot;
    private int sinceLast;
    private int threshold;
    private int inFlight;
    private long longestPauseNanos;

    /**
     * @param lastSnapshot the zxid of the newest snapshot on disk
     * @param replayed     txns recovery replayed from the log on top of it: they count toward the next snapshot
     *                     (and make a clean stop save one), or a restart would replay them again every time
     * @param seed         draws the snapshot intervals; servers use different seeds
     */
    public SnapshotDriver(DurabilityConfig config, SnapshotStore store, Optional<Path> logDir, Zxid lastSnapshot,
                          int replayed, long seed) {
        this.config = config;
        this.store = store;
        this.logDir = logDir;
        this.lastSnapshot = lastSnapshot;
        this.sinceLast = replayed;
        this.random = new SplittableRandom(seed);
        this.threshold = drawThreshold();
    }

    /** Spawns the writer on its dispatcher; the pipeline actor calls this once, from its setup. */
    public void start(ActorContext<Pipeline.Command> context) {
        writer = context.spawn(SnapshotWriterActor.create(store, logDir, config.snapshotsRetained()),
                "snapshot-writer", DispatcherSelector.fromConfig(DurabilityConfig.SNAPSHOT_DISPATCHER));
    }

    private int drawThreshold() {
        int every = config.snapshotEveryTxns();
        return every / 2 + 1 + random.nextInt(every - every / 2);
    }

    /** Counts an applied txn and starts a snapshot when the drawn number of txns is reached. */
    public void applied(DataTree tree, ActorRef<Pipeline.Command> self) {
        sinceLast++;
        if (cursor == null && sinceLast >= threshold) {
            begin(tree, self);
        }
    }

    /** Starts a snapshot now (unless one is being taken). */
    public void begin(DataTree tree, ActorRef<Pipeline.Command> self) {
        if (cursor != null) {
            return;
        }
        sinceLast = 0;
        threshold = drawThreshold();
        longestPauseNanos = 0;
        inFlight = 0;
        cursor = tree.openSnapshot();
        writer.tell(new SnapshotWriterActor.Begin(cursor.zxid(), cursor.sessionTimeouts(), cursor.nodeCount()));
        for (int i = 0; i < SLICES_IN_FLIGHT; i++) {
            sendSlice(self);
        }
    }

    public void onWritten(Written written, ActorRef<Pipeline.Command> self) {
        inFlight--;
        if (cursor == null) {
            return;
        }
        if (!written.ok()) {
            cursor.abandon();
            cursor = null;
            return;
        }
        sendSlice(self);
    }

    private void sendSlice(ActorRef<Pipeline.Command> self) {
        if (cursor.isDone()) {
            if (inFlight == 0) {
                writer.tell(new SnapshotWriterActor.Finish(self));
                inFlight = -1;
            }
            return;
        }
        long start = System.nanoTime();
        List<NodeImage> slice = cursor.next(config.snapshotSliceNodes());
        longestPauseNanos = Math.max(longestPauseNanos, System.nanoTime() - start);
        if (!slice.isEmpty()) {
            writer.tell(new SnapshotWriterActor.Write(slice, self));
            inFlight++;
        } else if (inFlight == 0) {
            writer.tell(new SnapshotWriterActor.Finish(self));
            inFlight = -1;
        }
    }

    /** Logs the outcome; returns a line for the log. */
    public String onFinished(Finished finished) {
        int nodes = cursor == null ? 0 : cursor.nodeCount();
        cursor = null;
        inFlight = 0;
        if (finished.ok()) {
            lastSnapshot = finished.zxid();
        }
        return String.format("snapshot %s of %d nodes %s in %d ms; longest pause of the tree keeper %.2f ms",
                finished.zxid(), nodes, finished.ok() ? "written" : "FAILED", finished.millis(),
                longestPauseNanos / 1e6);
    }

    /**
     * A clean stop: drops a snapshot in progress and, when the tree moved since the last snapshot, saves one
     * synchronously (the node is stopping, nothing else runs on the tree any more) and applies retention.
     */
    public Optional<Zxid> onStop(DataTree tree) throws IOException {
        if (cursor != null) {
            cursor.abandon();
            cursor = null;
        }
        if (tree.lastAppliedZxid().equals(lastSnapshot)) {
            return Optional.empty();
        }
        lastSnapshot = SnapshotStore.save(store, tree);
        Retention.purge(store, logDir, config.snapshotsRetained());
        return Optional.of(lastSnapshot);
    }
}
