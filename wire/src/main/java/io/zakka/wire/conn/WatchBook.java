package io.zakka.wire.conn;

import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.PureCore;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The paths a connection watches, as the connection sees them (for the wchs / wchc / wchp four-letter
 * words): a successful watching read adds a one-shot watch (exists also on a missing node), addWatch and
 * setWatches add theirs, removeWatches and the events that use up a one-shot watch take them away. The
 * server's watch registry stays the authority on what fires. Like ZooKeeper 3.9.5's reports, {@link #paths()}
 * and {@link #count()} cover the data-watch table only (getData, exists, persistent and recursive watches),
 * not child watches.
 */
@PureCore
final class WatchBook implements ConnectionStats.WatchView {

    // Concurrent sets: the connection actor is the only writer, the four-letter words read them from another
    // thread whenever they are asked (weakly consistent), so nothing is copied per request.
    private final Set<String> data = new ConcurrentSkipListSet<>();
    private final Set<String> child = new ConcurrentSkipListSet<>();
    private final Set<String> persistent = new ConcurrentSkipListSet<>();

    void afterReply(Op op, OpResult result) {
        boolean ok = !result.isError();
        if (op instanceof Op.Exists exists && exists.watch()
                && (ok || result.equals(new OpResult.Error(ErrorCode.NONODE)))) {
            data.add(exists.path());
        } else if (op instanceof Op.GetData get && get.watch() && ok) {
            data.add(get.path());
        } else if (op instanceof Op.GetChildren get && get.watch() && ok) {
            child.add(get.path());
        } else if (op instanceof Op.AddWatch add && ok) {
            persistent.add(add.mode() == AddWatchMode.PERSISTENT ? add.path() : add.path() + " (recursive)");
        } else if (op instanceof Op.SetWatches set) {
            data.addAll(set.dataWatches());
            data.addAll(set.existWatches());
            child.addAll(set.childWatches());
            persistent.addAll(set.persistentWatches());
            set.persistentRecursiveWatches().forEach(path -> persistent.add(path + " (recursive)"));
        } else if (op instanceof Op.RemoveWatches remove && ok) {
            remove(remove.path(), remove.type());
        }
    }

    void fired(WatchEvent event) {
        if (event.type() != EventType.NODE_CHILDREN_CHANGED) {
            data.remove(event.path());
        }
        if (event.type() == EventType.NODE_CHILDREN_CHANGED || event.type() == EventType.NODE_DELETED) {
            child.remove(event.path());
        }
    }

    private void remove(String path, WatcherType type) {
        if (type == WatcherType.DATA || type == WatcherType.ANY) {
            data.remove(path);
        }
        if (type == WatcherType.CHILDREN || type == WatcherType.ANY) {
            child.remove(path);
        }
        if (type == WatcherType.PERSISTENT || type == WatcherType.ANY) {
            persistent.remove(path);
        }
        if (type == WatcherType.PERSISTENT_RECURSIVE || type == WatcherType.ANY) {
            persistent.remove(path + " (recursive)");
        }
    }

    /** Every path in the data-watch table, once (a path watched several ways counts once). */
    @Override
    public Set<String> paths() {
        Set<String> all = new TreeSet<>(data);
        persistent.forEach(p -> all.add(p.endsWith(" (recursive)") ? p.substring(0, p.length() - 12) : p));
        return all;
    }

    /** What ZooKeeper's wchs counts for one connection: its entries in the data-watch table. */
    @Override
    public int count() {
        return paths().size();
    }
}
