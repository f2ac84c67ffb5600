package io.zakka.actors.pipeline;

import io.zakka.actors.watch.WatchRegistry;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.PathValidation;
import io.zakka.protocol.PureCore;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.storage.acl.Caller;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.NodeView;
import io.zakka.storage.tree.Reads;
import java.util.List;

/**
 * Serves the ops of a session that are not writes, at the moment the session's turn comes (after its
 * earlier writes are applied): reads against the local tree, with the watches they set, and the session's
 * watch ops. A pure core: it returns results and catch-up events, and the actor sends them.
 *
 * <p>Rules (ZooKeeper's FinalRequestProcessor): a read sets its watch only when it succeeds, except that
 * exists on a missing node sets an exist watch; removeWatches and checkWatches answer NOWATCHER when nothing
 * matches; setWatches' catch-up events go out before its reply.
 */
@PureCore
final class ReadStage {

    /** The result of one op, and the watch events to send to the session before it. */
    record Served(OpResult result, List<WatchEvent> catchUp) {
        Served(OpResult result) {
            this(result, List.of());
        }
    }

    private static final OpResult DONE = new OpResult.Done();

    private final DataTree tree;
    private final Reads reads;
    private final WatchRegistry watches;

    ReadStage(DataTree tree, Reads reads, WatchRegistry watches) {
        this.tree = tree;
        this.reads = reads;
        this.watches = watches;
    }

    /** Serves a read op or a session op other than addAuth (which takes effect on arrival). */
    Served serve(Caller caller, Op op) {
        if (op instanceof Op.ReadOp read) {
            OpResult result = reads.read(caller, read);
            registerWatches(caller.sessionId(), op, result);
            return new Served(result);
        }
        if (op instanceof Op.SetWatches setWatches) {
            List<WatchEvent> catchUp = watches.setWatches(caller.sessionId(), setWatches, this::statOf);
            return new Served(DONE, catchUp);
        }
        if (op instanceof Op.WhoAmI) {
            return new Served(new OpResult.WhoAmIResult(caller.ids().stream().map(ReadStage::clientView).toList()));
        }
        String path = op.path();
        if (!PathValidation.isValid(path)) {
            return new Served(new OpResult.Error(ErrorCode.BADARGUMENTS));
        }
        if (op instanceof Op.Sync) {
            return new Served(new OpResult.SyncResult(path));
        }
        long session = caller.sessionId();
        if (op instanceof Op.AddWatch add) {
            watches.addPersistentWatch(session, path, add.mode());
            return new Served(DONE);
        }
        if (op instanceof Op.RemoveWatches remove) {
            return new Served(watches.remove(session, path, remove.type()) ? DONE : noWatcher());
        }
        if (op instanceof Op.CheckWatches check) {
            return new Served(watches.contains(session, path, check.type()) ? DONE : noWatcher());
        }
        throw new IllegalArgumentException("not served in a session's turn: " + op);
    }

    private void registerWatches(long session, Op op, OpResult result) {
        if (op instanceof Op.Exists exists && exists.watch()) {
            if (!result.isError() || result.equals(new OpResult.Error(ErrorCode.NONODE))) {
                watches.addDataWatch(session, exists.path());
            }
        } else if (op instanceof Op.GetData getData && getData.watch() && !result.isError()) {
            watches.addDataWatch(session, getData.path());
        } else if (op instanceof Op.GetChildren children && children.watch() && !result.isError()) {
            watches.addChildWatch(session, children.path());
        } else if (op instanceof Op.MultiRead multi && result instanceof OpResult.MultiResult results
                && results.results().size() == multi.ops().size()) {
            for (int i = 0; i < multi.ops().size(); i++) {
                registerWatches(session, multi.ops().get(i), results.results().get(i));
            }
        }
    }

    /**
     * What whoAmI shows of an id, as ZooKeeper's AuthUtil.getClientInfos: a digest id's user name (never the
     * password hash), an ip/x509/sasl id as it is, and "" for schemes without an authentication provider
     * (super).
     */
    static Id clientView(Id id) {
        return switch (id.scheme()) {
            case "digest" -> new Id(id.scheme(), id.id().contains(":") ? id.id().substring(0, id.id().indexOf(':'))
                    : id.id());
            case "ip", "x509", "sasl" -> id;
            default -> new Id(id.scheme(), "");
        };
    }

    private Stat statOf(String path) {
        NodeView node = tree.get(path);
        return node == null ? null : node.stat();
    }

    private static OpResult noWatcher() {
        return new OpResult.Error(ErrorCode.NOWATCHER);
    }
}
