package io.zakka.actors.watch;

import io.zakka.protocol.PathValidation;
import io.zakka.protocol.PureCore;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One of ZooKeeper's two server-side watch lists (data or child), as in its {@code WatchManager}: for each
 * path, the sessions watching it and in which {@link WatchMode}s.
 *
 * <p>Invariants: {@code byPath} and {@code bySession} describe the same (session, path) pairs; no pair has
 * an empty mode set; {@code recursiveCount} is the number of pairs holding PERSISTENT_RECURSIVE.
 */
@PureCore
final class WatchTable {

    private final boolean allowsRecursive;
    private final Map<String, Map<Long, EnumSet<WatchMode>>> byPath = new HashMap<>();
    private final Map<Long, Set<String>> bySession = new HashMap<>();
    private int recursiveCount;

    WatchTable(boolean allowsRecursive) {
        this.allowsRecursive = allowsRecursive;
    }

    void add(String path, long sessionId, WatchMode mode) {
        if (mode == WatchMode.PERSISTENT_RECURSIVE && !allowsRecursive) {
            throw new IllegalStateException("recursive watches live only in the data table");
        }
        EnumSet<WatchMode> modes = byPath.computeIfAbsent(path, p -> new LinkedHashMap<>())
                .computeIfAbsent(sessionId, s -> EnumSet.noneOf(WatchMode.class));
        if (modes.add(mode) && mode == WatchMode.PERSISTENT_RECURSIVE) {
            recursiveCount++;
        }
        bySession.computeIfAbsent(sessionId, s -> new LinkedHashSet<>()).add(path);
    }

    /**
     * Collects into {@code out} the sessions to notify of an event on {@code path}: every watcher of the path
     * itself (its one-shot watch is consumed), and the recursive watchers of every ancestor.
     */
    /** False when {@link #trigger} on {@code path} would find nobody: no watch on it, no recursive watch at all. */
    boolean mayFire(String path) {
        return byPath.containsKey(path) || (recursiveCount > 0 && !"/".equals(path));
    }

    void trigger(String path, Set<Long> out) {
        Map<Long, EnumSet<WatchMode>> watchers = byPath.get(path);
        if (watchers != null) {
            Iterator<Map.Entry<Long, EnumSet<WatchMode>>> it = watchers.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Long, EnumSet<WatchMode>> entry = it.next();
                out.add(entry.getKey());
                entry.getValue().remove(WatchMode.STANDARD);
                if (entry.getValue().isEmpty()) {
                    it.remove();
                    forgetPath(entry.getKey(), path);
                }
            }
            if (watchers.isEmpty()) {
                byPath.remove(path);
            }
        }
        if (recursiveCount == 0 || "/".equals(path)) {
            return;
        }
        String ancestor = path;
        do {
            ancestor = PathValidation.parentOf(ancestor);
            Map<Long, EnumSet<WatchMode>> above = byPath.get(ancestor);
            if (above != null) {
                above.forEach((sessionId, modes) -> {
                    if (modes.contains(WatchMode.PERSISTENT_RECURSIVE)) {
                        out.add(sessionId);
                    }
                });
            }
        } while (!"/".equals(ancestor));
    }

    /** Removes the session's watch on the path in {@code mode}, or in every mode when it is null. */
    boolean remove(String path, long sessionId, WatchMode mode) {
        Map<Long, EnumSet<WatchMode>> watchers = byPath.get(path);
        EnumSet<WatchMode> modes = watchers == null ? null : watchers.get(sessionId);
        if (modes == null) {
            return false;
        }
        boolean removed;
        if (mode == null) {
            removed = true;
            if (modes.contains(WatchMode.PERSISTENT_RECURSIVE)) {
                recursiveCount--;
            }
            modes.clear();
        } else {
            removed = modes.remove(mode);
            if (removed && mode == WatchMode.PERSISTENT_RECURSIVE) {
                recursiveCount--;
            }
        }
        if (modes.isEmpty()) {
            watchers.remove(sessionId);
            if (watchers.isEmpty()) {
                byPath.remove(path);
            }
            forgetPath(sessionId, path);
        }
        return removed;
    }

    /** Whether the session watches the path in {@code mode}, or in any mode when it is null. */
    boolean contains(String path, long sessionId, WatchMode mode) {
        Map<Long, EnumSet<WatchMode>> watchers = byPath.get(path);
        EnumSet<WatchMode> modes = watchers == null ? null : watchers.get(sessionId);
        return modes != null && (mode == null || modes.contains(mode));
    }

    void removeSession(long sessionId) {
        Set<String> paths = bySession.get(sessionId);
        if (paths == null) {
            return;
        }
        for (String path : Set.copyOf(paths)) {
            remove(path, sessionId, null);
        }
        if (bySession.containsKey(sessionId)) {
            throw new IllegalStateException("session 0x" + Long.toHexString(sessionId) + " still has watches");
        }
    }

    /** The number of (session, path) pairs. */
    int size() {
        int total = 0;
        for (Set<String> paths : bySession.values()) {
            total += paths.size();
        }
        return total;
    }

    Set<String> pathsOf(long sessionId) {
        return Set.copyOf(bySession.getOrDefault(sessionId, Set.of()));
    }

    private void forgetPath(long sessionId, String path) {
        Set<String> paths = bySession.get(sessionId);
        if (paths == null || !paths.remove(path)) {
            throw new IllegalStateException("reverse index lost " + path + " of 0x" + Long.toHexString(sessionId));
        }
        if (paths.isEmpty()) {
            bySession.remove(sessionId);
        }
    }
}
