package io.zakka.actors.durability;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.zakka.actors.LocalMessage;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.protocol.Zxid;
import io.zakka.storage.durability.Retention;
import io.zakka.storage.snapshot.SnapshotStore;
import io.zakka.storage.tree.NodeImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the slices of a snapshot that the tree keeper hands over, on its own one-thread dispatcher
 * ({@link DurabilityConfig#SNAPSHOT_DISPATCHER}), then commits it (atomic file) and applies retention: keeps the
 * newest snapshots and deletes the log segments only older ones needed.
 *
 * <p>A failed snapshot (full disk, I/O error) is reported loudly and dropped: no acknowledged write depends on
 * it, because the log still holds everything since the previous snapshot. The txn log, which does hold the
 * acknowledged writes, stops the node on its own I/O errors.
 */
public final class SnapshotWriterActor extends AbstractBehavior<SnapshotWriterActor.Command> {

    /** What the writer accepts. */
    public sealed interface Command extends LocalMessage permits Begin, Write, Finish {
    }

    /** Starts a snapshot of a tree at {@code zxid}. */
    public record Begin(Zxid zxid, Map<Long, Integer> sessionTimeouts, int nodeCount) implements Command {
    }

    /** Writes the next nodes and answers {@link SnapshotDriver.Written}. */
    public record Write(List<NodeImage> nodes, ActorRef<Pipeline.Command> replyTo) implements Command {
    }

    /** Commits the snapshot, purges old files and answers {@link SnapshotDriver.Finished}. */
    public record Finish(ActorRef<Pipeline.Command> replyTo) implements Command {
    }

    private final SnapshotStore store;
    private final Optional<Path> logDir;
    private final int retained;
    private SnapshotStore.Writer writer;
    private Zxid zxid;
    private long startNanos;
    private String failure;

    /**
     * @param logDir   the log segments to purge by retention (empty: none)
     * @param retained snapshots to keep; 0 keeps all
     */
    public static Behavior<Command> create(SnapshotStore store, Optional<Path> logDir, int retained) {
        return Behaviors.setup(context -> new SnapshotWriterActor(context, store, logDir, retained));
    }

    private SnapshotWriterActor(ActorContext<Command> context, SnapshotStore store, Optional<Path> logDir,
                                int retained) {
        super(context);
        this.store = store;
        this.logDir = logDir;
        this.retained = retained;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Begin.class, this::onBegin)
                .onMessage(Write.class, this::onWrite)
                .onMessage(Finish.class, this::onFinish)
                .build();
    }

    private Behavior<Command> onBegin(Begin begin) {
        if (writer != null) {
            writer.abort();
        }
        zxid = begin.zxid();
        failure = null;
        startNanos = System.nanoTime();
        try {
            writer = store.begin(begin.zxid(), begin.sessionTimeouts(), begin.nodeCount());
        } catch (IOException e) {
            fail(e);
        }
        return this;
    }

    private Behavior<Command> onWrite(Write write) {
        if (failure == null) {
            try {
                writer.write(write.nodes());
            } catch (IOException e) {
                fail(e);
            }
        }
        write.replyTo().tell(new SnapshotDriver.Written(failure == null));
        return this;
    }

    private Behavior<Command> onFinish(Finish finish) {
        boolean ok = failure == null;
        if (ok) {
            try {
                writer.commit();
                purge();
            } catch (IOException | IllegalStateException e) {
                fail(e);
                ok = false;
            }
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        writer = null;
        finish.replyTo().tell(new SnapshotDriver.Finished(zxid, ok, millis));
        return this;
    }

    private void purge() throws IOException {
        List<Path> deleted = Retention.purge(store, logDir, retained);
        if (!deleted.isEmpty()) {
            getContext().getLog().info("retention: deleted {} log segments up to snapshot {}", deleted.size(),
                    zxid);
        }
    }

    private void fail(Exception e) {
        failure = e.toString();
        getContext().getLog().error("snapshot at {} failed and is dropped (the log still holds every txn): {}",
                zxid, e.toString(), e);
        if (writer != null) {
            writer.abort();
        }
    }
}
