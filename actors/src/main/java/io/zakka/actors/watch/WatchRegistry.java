package io.zakka.actors.watch;

import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.PureCore;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.op.Op;
import io.zakka.storage.tree.WatchTrigger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The watches of every session on this server, as a pure core (no Akka, no clock, no logger): it maps the
 * {@link WatchTrigger}s that applying a txn produced to the {@link Delivery}s to send, following ZooKeeper
 * 3.9's {@code DataTree} and {@code WatchManager}.
 *
 * <p>Two tables, as in ZooKeeper. The <em>data</em> table holds one-shot watches from getData and exists
 * (also on a missing node: an exist watch), PERSISTENT watches and PERSISTENT_RECURSIVE watches. The
 * <em>child</em> table holds one-shot watches from getChildren and PERSISTENT watches. A trigger reaches:
 * <ul>
 *   <li>NodeCreated, NodeDataChanged: the data table on the path (and recursive watches on ancestors);</li>
 *   <li>NodeDeleted: the data table and the child table on the path (recursive ancestors too);</li>
 *   <li>NodeChildrenChanged: the child table on the path only, so never a recursive watch.</li>
 * </ul>
 *
 * <p>Invariants: a session receives at most one event per trigger, however many ways it watches the path;
 * one-shot watches are consumed when they fire, also when the delivery is then dropped because the session
 * lacks READ on the node (as ZooKeeper does); persistent watches are only removed explicitly or with their
 * session.
 */
@PureCore
public final class WatchRegistry {

    private final WatchTable data = new WatchTable(true);
    private final WatchTable child = new WatchTable(false);

    /** A one-shot data watch (getData), or an exist watch (exists, also when the node is missing). */
    public void addDataWatch(long sessionId, String path) {
        data.add(path, sessionId, WatchMode.STANDARD);
    }

    /** A one-shot child watch (getChildren). */
    public void addChildWatch(long sessionId, String path) {
        child.add(path, sessionId, WatchMode.STANDARD);
    }

    /** addWatch: PERSISTENT goes in both tables, PERSISTENT_RECURSIVE only in the data table. */
    public void addPersistentWatch(long sessionId, String path, AddWatchMode mode) {
        if (mode == AddWatchMode.PERSISTENT) {
            data.add(path, sessionId, WatchMode.PERSISTENT);
            child.add(path, sessionId, WatchMode.PERSISTENT);
        } else {
            data.add(path, sessionId, WatchMode.PERSISTENT_RECURSIVE);
        }
    }

    /** The deliveries for the triggers of one applied txn, in trigger order. */
    public List<Delivery> fireAll(List<WatchTrigger> triggers, ReadAccess access) {
        List<Delivery> deliveries = List.of();
        for (WatchTrigger trigger : triggers) {
            List<Delivery> fired = fire(trigger, access);
            if (!fired.isEmpty()) {
                deliveries = deliveries.isEmpty() ? new ArrayList<>(fired.size()) : deliveries;
                deliveries.addAll(fired);
            }
        }
        return deliveries;
    }

    /** The deliveries for one trigger: one per session watching, less those lacking READ on its ACL. */
    public List<Delivery> fire(WatchTrigger trigger, ReadAccess access) {
        WatchEvent event = trigger.event();
        String path = event.path();
        // Most writes touch paths nobody watches: nothing to consume, nothing to allocate.
        if (!data.mayFire(path) && !child.mayFire(path) && isTrigger(event)) {
            return List.of();
        }
        Set<Long> sessions = new LinkedHashSet<>();
        switch (event.type()) {
            case NODE_CREATED, NODE_DATA_CHANGED -> data.trigger(path, sessions);
            case NODE_DELETED -> {
                data.trigger(path, sessions);
                child.trigger(path, sessions);
            }
            case NODE_CHILDREN_CHANGED -> child.trigger(path, sessions);
            default -> throw new IllegalArgumentException("not a trigger event: " + event);
        }
        List<Delivery> deliveries = new ArrayList<>(sessions.size());
        for (long sessionId : sessions) {
            if (access.canRead(sessionId, trigger.acl())) {
                deliveries.add(new Delivery(sessionId, event));
            }
        }
        return deliveries;
    }

    private static boolean isTrigger(WatchEvent event) {
        return switch (event.type()) {
            case NODE_CREATED, NODE_DATA_CHANGED, NODE_DELETED, NODE_CHILDREN_CHANGED -> true;
            default -> throw new IllegalArgumentException("not a trigger event: " + event);
        };
    }

    /**
     * removeWatches as ZooKeeper 3.9: CHILDREN and DATA remove the one-shot watch of that table, PERSISTENT
     * the persistent watch, PERSISTENT_RECURSIVE the recursive one, ANY every watch of the session on the
     * path. Returns false when nothing matched (the server answers NOWATCHER).
     */
    public boolean remove(long sessionId, String path, WatcherType type) {
        return switch (type) {
            case CHILDREN -> child.remove(path, sessionId, WatchMode.STANDARD);
            case DATA -> data.remove(path, sessionId, WatchMode.STANDARD);
            case PERSISTENT -> child.remove(path, sessionId, WatchMode.PERSISTENT)
                    | data.remove(path, sessionId, WatchMode.PERSISTENT);
            case PERSISTENT_RECURSIVE -> data.remove(path, sessionId, WatchMode.PERSISTENT_RECURSIVE);
            case ANY -> child.remove(path, sessionId, null) | data.remove(path, sessionId, null);
        };
    }

    /** checkWatches: whether {@link #remove} would remove something; changes nothing. */
    public boolean contains(long sessionId, String path, WatcherType type) {
        return switch (type) {
            case CHILDREN -> child.contains(path, sessionId, WatchMode.STANDARD);
            case DATA -> data.contains(path, sessionId, WatchMode.STANDARD);
            case PERSISTENT -> data.contains(path, sessionId, WatchMode.PERSISTENT);
            case PERSISTENT_RECURSIVE -> data.contains(path, sessionId, WatchMode.PERSISTENT_RECURSIVE);
            case ANY -> child.contains(path, sessionId, null) || data.contains(path, sessionId, null);
        };
    }

    /**
     * setWatches after a reconnect, as ZooKeeper's {@code DataTree.setWatches}: a one-shot watch whose node
     * changed after {@code relativeZxid} is answered with a catch-up event instead of being registered
     * (data: missing node gives NodeDeleted, mzxid after it NodeDataChanged; exist: present node gives
     * NodeCreated; child: missing node gives NodeDeleted, pzxid after it NodeChildrenChanged). Persistent
     * watches are only re-registered: changes during the gap are lost to them, as in ZooKeeper.
     *
     * @param statOf the Stat of a path in the local tree, or null when the node does not exist
     * @return the catch-up events, to be sent before the reply; their zxid is -1 (none), as ZooKeeper's
     */
    public List<WatchEvent> setWatches(long sessionId, Op.SetWatches request, Function<String, Stat> statOf) {
        long relative = request.relativeZxid();
        List<WatchEvent> events = new ArrayList<>();
        for (String path : request.dataWatches()) {
            Stat stat = statOf.apply(path);
            if (stat == null) {
                events.add(new WatchEvent(EventType.NODE_DELETED, path, -1));
            } else if (stat.mzxid() > relative) {
                events.add(new WatchEvent(EventType.NODE_DATA_CHANGED, path, -1));
            } else {
                addDataWatch(sessionId, path);
            }
        }
        for (String path : request.existWatches()) {
            if (statOf.apply(path) != null) {
                events.add(new WatchEvent(EventType.NODE_CREATED, path, -1));
            } else {
                addDataWatch(sessionId, path);
            }
        }
        for (String path : request.childWatches()) {
            Stat stat = statOf.apply(path);
            if (stat == null) {
                events.add(new WatchEvent(EventType.NODE_DELETED, path, -1));
            } else if (stat.pzxid() > relative) {
                events.add(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, path, -1));
            } else {
                addChildWatch(sessionId, path);
            }
        }
        request.persistentWatches().forEach(path -> addPersistentWatch(sessionId, path, AddWatchMode.PERSISTENT));
        request.persistentRecursiveWatches()
                .forEach(path -> addPersistentWatch(sessionId, path, AddWatchMode.PERSISTENT_RECURSIVE));
        return events;
    }

    /** Drops every watch of a closed session. */
    public void removeSession(long sessionId) {
        data.removeSession(sessionId);
        child.removeSession(sessionId);
    }

    /** The number of (session, path) pairs in the data and child tables together. */
    public int watchCount() {
        return data.size() + child.size();
    }

    /** The paths the session watches in either table. */
    public Set<String> pathsOf(long sessionId) {
        Set<String> paths = new LinkedHashSet<>(data.pathsOf(sessionId));
        paths.addAll(child.pathsOf(sessionId));
        return paths;
    }
}
