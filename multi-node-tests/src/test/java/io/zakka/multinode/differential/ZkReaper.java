package io.zakka.multinode.differential;

import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.server.ContainerManager;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.RequestProcessor;
import org.apache.zookeeper.server.ZKDatabase;

/**
 * ZooKeeper's own container/TTL reaper, run on demand at a virtual "far future": every node looks older
 * than any TTL (at most 2^40 - 1 ms), so the candidates do not depend on the wall clock. Never started
 * as a timer; no pause between deletions.
 */
final class ZkReaper extends ContainerManager {

    /** Older than the largest TTL. */
    static final long FAR_FUTURE_ELAPSED_MS = 1L << 41;

    ZkReaper(ZKDatabase database, RequestProcessor firstProcessor) {
        super(database, firstProcessor, 60_000, Integer.MAX_VALUE);
    }

    @Override
    protected long getElapsed(DataNode node) {
        return FAR_FUTURE_ELAPSED_MS;
    }

    @Override
    protected long getMinIntervalMs() {
        return 0;
    }

    /** Submits a deleteContainer for every candidate (asynchronously) and returns the candidates, sorted. */
    List<String> reap() throws InterruptedException {
        List<String> candidates = new ArrayList<>(getCandidates());
        candidates.sort(null);
        checkContainers();
        return candidates;
    }
}
