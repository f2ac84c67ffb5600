package io.zakka.api.client;

import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.PathValidation;
import io.zakka.protocol.PureCore;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The client side of per-call watchers (ZooKeeper's {@code ZKWatchManager}): which watcher objects an
 * incoming notification reaches. The server keeps one watch per (session, path, kind); the client fans a
 * notification out to every watcher object registered for it, and forgets the one-shot ones.
 *
 * <p>Routing: NodeCreated and NodeDataChanged reach data and exist watchers of the path; NodeDeleted reaches
 * data, exist and child watchers; NodeChildrenChanged reaches child watchers. Persistent watchers of the path
 * get every event on it; recursive watchers of the path or an ancestor get all but NodeChildrenChanged.
 * Invariant: a watcher gets at most one delivery per event.
 *
 * @param <W> the watcher type (an {@code ActorRef<WatchEvent>} in the client)
 */
@PureCore
final class ClientWatches<W> {

    private final Map<String, Set<W>> data = new HashMap<>();
    private final Map<String, Set<W>> exist = new HashMap<>();
    private final Map<String, Set<W>> child = new HashMap<>();
    private final Map<String, Set<W>> persistent = new HashMap<>();
    private final Map<String, Set<W>> recursive = new HashMap<>();

    void addData(String path, W watcher) {
        add(data, path, watcher);
    }

    void addExist(String path, W watcher) {
        add(exist, path, watcher);
    }

    void addChild(String path, W watcher) {
        add(child, path, watcher);
    }

    void addPersistent(String path, AddWatchMode mode, W watcher) {
        add(mode == AddWatchMode.PERSISTENT ? persistent : recursive, path, watcher);
    }

    /** A watch event for one watcher object. */
    record Delivery<W>(W watcher, WatchEvent event) {
    }

    /**
     * Registers {@code watcher} for the watch that {@code op} set, as the server did: on success, or for exists
     * also on NONODE (an exist watch). A successful removeWatches forgets the matching local watchers and
     * returns the *WatchRemoved events ZooKeeper's client gives them (one per watcher and event type), to be
     * delivered before the call completes.
     */
    List<Delivery<W>> afterReply(Op op, OpResult result, Optional<W> watcher) {
        boolean ok = !result.isError();
        if (op instanceof Op.RemoveWatches remove && ok) {
            return remove(remove.path(), remove.type());
        }
        if (watcher.isPresent()) {
            register(op, result, watcher.get());
        }
        return List.of();
    }

    private void register(Op op, OpResult result, W w) {
        boolean ok = !result.isError();
        if (op instanceof Op.Exists exists) {
            if (ok) {
                addData(exists.path(), w);
            } else if (result.equals(new OpResult.Error(ErrorCode.NONODE))) {
                addExist(exists.path(), w);
            }
        } else if (op instanceof Op.GetData getData && ok) {
            addData(getData.path(), w);
        } else if (op instanceof Op.GetChildren children && ok) {
            addChild(children.path(), w);
        } else if (op instanceof Op.AddWatch add && ok) {
            addPersistent(add.path(), add.mode(), w);
        }
    }

    /** The watchers {@code event} reaches; one-shot watchers are removed. */
    Set<W> route(WatchEvent event) {
        String path = event.path();
        Set<W> out = new LinkedHashSet<>();
        switch (event.type()) {
            case NODE_CREATED, NODE_DATA_CHANGED -> {
                take(data, path, out);
                take(exist, path, out);
            }
            case NODE_DELETED -> {
                take(data, path, out);
                take(exist, path, out);
                take(child, path, out);
            }
            case NODE_CHILDREN_CHANGED -> take(child, path, out);
            default -> {
                return out;
            }
        }
        out.addAll(persistent.getOrDefault(path, Set.of()));
        if (event.type() != EventType.NODE_CHILDREN_CHANGED) {
            String current = path;
            while (true) {
                out.addAll(recursive.getOrDefault(current, Set.of()));
                if ("/".equals(current)) {
                    break;
                }
                current = PathValidation.parentOf(current);
            }
        }
        return out;
    }

    /**
     * Forgets the local watchers that a successful removeWatches of {@code type} removed on the server, and
     * says which events they get: child watchers ChildWatchRemoved, data and exist watchers DataWatchRemoved,
     * persistent and recursive ones PersistentWatchRemoved (ZooKeeper's ZKWatchManager.removeWatcher).
     */
    List<Delivery<W>> remove(String path, WatcherType type) {
        Map<EventType, Set<W>> removed = new LinkedHashMap<>();
        boolean any = type == WatcherType.ANY;
        if (any || type == WatcherType.CHILDREN) {
            drop(child, path, EventType.CHILD_WATCH_REMOVED, removed);
        }
        if (any || type == WatcherType.DATA) {
            drop(data, path, EventType.DATA_WATCH_REMOVED, removed);
            drop(exist, path, EventType.DATA_WATCH_REMOVED, removed);
        }
        if (any || type == WatcherType.PERSISTENT) {
            drop(persistent, path, EventType.PERSISTENT_WATCH_REMOVED, removed);
        }
        if (any || type == WatcherType.PERSISTENT_RECURSIVE) {
            drop(recursive, path, EventType.PERSISTENT_WATCH_REMOVED, removed);
        }
        List<Delivery<W>> deliveries = new ArrayList<>();
        removed.forEach((eventType, watchers) -> watchers.forEach(
                w -> deliveries.add(new Delivery<>(w, new WatchEvent(eventType, path, -1)))));
        return deliveries;
    }

    private static <W> void drop(Map<String, Set<W>> table, String path, EventType event,
                                 Map<EventType, Set<W>> removed) {
        Set<W> watchers = table.remove(path);
        if (watchers != null) {
            removed.computeIfAbsent(event, e -> new LinkedHashSet<>()).addAll(watchers);
        }
    }

    private static <W> void add(Map<String, Set<W>> table, String path, W watcher) {
        table.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(watcher);
    }

    private static <W> void take(Map<String, Set<W>> table, String path, Set<W> out) {
        Set<W> watchers = table.remove(path);
        if (watchers != null) {
            out.addAll(watchers);
        }
    }
}
