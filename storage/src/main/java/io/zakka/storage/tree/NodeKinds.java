package io.zakka.storage.tree;

import io.zakka.protocol.EphemeralOwner;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Indexes of the nodes whose kind needs a lookup without a tree walk: ephemerals per owning session
 * (session close, getEphemerals), containers and TTL nodes (the reaper).
 *
 * <p>Invariant: a path is in exactly the index its stored ephemeralOwner selects, and only while the
 * node exists. Sorted sets keep every answer in the same order on every replica.
 */
final class NodeKinds {
    private final Map<Long, NavigableSet<String>> ephemeralsBySession = new TreeMap<>();
    private final NavigableSet<String> containers = new TreeSet<>();
    private final NavigableSet<String> ttls = new TreeSet<>();

    void added(String path, long ephemeralOwner) {
        if (EphemeralOwner.isContainer(ephemeralOwner)) {
            containers.add(path);
        } else if (EphemeralOwner.isTtl(ephemeralOwner)) {
            ttls.add(path);
        } else if (EphemeralOwner.isEphemeral(ephemeralOwner)) {
            ephemeralsBySession.computeIfAbsent(ephemeralOwner, owner -> new TreeSet<>()).add(path);
        }
    }

    void removed(String path, long ephemeralOwner) {
        if (EphemeralOwner.isContainer(ephemeralOwner)) {
            containers.remove(path);
        } else if (EphemeralOwner.isTtl(ephemeralOwner)) {
            ttls.remove(path);
        } else if (EphemeralOwner.isEphemeral(ephemeralOwner)) {
            NavigableSet<String> owned = ephemeralsBySession.get(ephemeralOwner);
            if (owned != null) {
                owned.remove(path);
                if (owned.isEmpty()) {
                    ephemeralsBySession.remove(ephemeralOwner);
                }
            }
        }
    }

    List<String> ephemerals(long sessionId) {
        NavigableSet<String> owned = ephemeralsBySession.get(sessionId);
        return owned == null ? List.of() : List.copyOf(owned);
    }

    Set<String> containers() {
        return containers;
    }

    Set<String> ttls() {
        return ttls;
    }
}
