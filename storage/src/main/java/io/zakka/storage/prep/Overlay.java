package io.zakka.storage.prep;

import io.zakka.protocol.Zxid;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The changes of the write being prepared, on top of the changes in flight. A multi's later ops see
 * its earlier ops through it; a write that fails is simply dropped with its overlay, so a failed
 * multi leaves nothing in flight (ZooKeeper needs rollbackPendingChanges for that).
 */
final class Overlay implements NodeLookup {
    private final NodeLookup base;
    /** Path to its new state; a null value is a deletion. */
    private final Map<String, PendingNode> changed = new LinkedHashMap<>();

    Overlay(NodeLookup base) {
        this.base = base;
    }

    @Override
    public PendingNode find(String path) {
        return changed.containsKey(path) ? changed.get(path) : base.find(path);
    }

    void put(String path, PendingNode node) {
        changed.put(path, node);
    }

    void remove(String path) {
        changed.put(path, null);
    }

    /** Records every change of this write in flight, under the write's zxid. */
    void commitTo(InFlight inFlight, Zxid zxid) {
        changed.forEach((path, node) -> inFlight.record(zxid, path, node));
    }
}
