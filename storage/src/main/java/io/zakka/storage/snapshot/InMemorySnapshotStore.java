package io.zakka.storage.snapshot;

import io.zakka.protocol.Zxid;
import io.zakka.storage.tree.NodeImage;
import io.zakka.storage.tree.TreeLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The in-memory twin of {@link FileSnapshotStore} for the simulator and tests: the same contract (a snapshot
 * is visible only once committed; loading restores a fresh tree), with {@link #corrupt} to make one invalid.
 */
public final class InMemorySnapshotStore implements SnapshotStore {
    private record Stored(Zxid zxid, Map<Long, Integer> sessions, List<NodeImage> nodes, boolean corrupt) {
    }

    private final TreeMap<Zxid, Stored> snapshots = new TreeMap<>();

    @Override
    public Writer begin(Zxid zxid, Map<Long, Integer> sessionTimeouts, int nodeCount) {
        List<NodeImage> nodes = new ArrayList<>(nodeCount);
        Map<Long, Integer> sessions = Map.copyOf(sessionTimeouts);
        return new Writer() {
            @Override
            public void write(List<NodeImage> slice) {
                nodes.addAll(slice);
            }

            @Override
            public Zxid commit() {
                if (nodes.size() != nodeCount) {
                    throw new IllegalStateException("announced " + nodeCount + " nodes, got " + nodes.size());
                }
                snapshots.put(zxid, new Stored(zxid, sessions, List.copyOf(nodes), false));
                return zxid;
            }

            @Override
            public void abort() {
                nodes.clear();
            }
        };
    }

    /** Marks the snapshot at {@code zxid} invalid, as a failed CRC would. */
    public void corrupt(Zxid zxid) {
        Stored stored = snapshots.get(zxid);
        snapshots.put(zxid, new Stored(zxid, stored.sessions(), stored.nodes(), true));
    }

    @Override
    public Loaded loadLatestValid() {
        List<String> skipped = new ArrayList<>();
        for (Stored stored : snapshots.descendingMap().values()) {
            if (stored.corrupt()) {
                skipped.add("snapshot at " + stored.zxid() + ": corrupt");
                continue;
            }
            TreeLoader loader = new TreeLoader(stored.zxid(), stored.sessions(), stored.nodes().size());
            stored.nodes().forEach(loader::add);
            return new Loaded(loader.finish(), List.copyOf(skipped));
        }
        return new Loaded(null, List.copyOf(skipped));
    }

    @Override
    public List<Zxid> list() {
        return new ArrayList<>(snapshots.descendingKeySet());
    }

    @Override
    public List<Zxid> purge(int keep) {
        List<Zxid> deleted = new ArrayList<>();
        List<Zxid> newestFirst = list();
        for (Zxid zxid : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
            snapshots.remove(zxid);
            deleted.add(zxid);
        }
        return deleted;
    }
}
