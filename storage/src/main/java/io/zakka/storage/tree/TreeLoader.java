package io.zakka.storage.tree;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Zxid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a {@link DataTree} from a snapshot image: the nodes in {@link DfsOrder} (parents first), the
 * session table and the zxid the image describes. Identical ACL lists are shared, as ZooKeeper's ACL cache
 * does, which matters for a million nodes with the same ACL.
 *
 * <p>{@link #finish} checks that the image is whole: the announced node count and the system nodes.
 */
public final class TreeLoader {
    private final NodeStore store;
    private final Map<Long, Integer> sessionTimeouts;
    private final Zxid zxid;
    private final int expectedNodes;
    private final Map<List<Acl>, List<Acl>> acls = new HashMap<>();
    private boolean finished;
    /** The last ACL list seen and its shared copy: a reader hands the same list instance for a run of nodes. */
    private List<Acl> lastAcl;
    private List<Acl> lastShared;

    public TreeLoader(Zxid zxid, Map<Long, Integer> sessionTimeouts, int expectedNodes) {
        this.store = new NodeStore(expectedNodes);
        this.zxid = zxid;
        this.sessionTimeouts = Map.copyOf(sessionTimeouts);
        this.expectedNodes = expectedNodes;
    }

    /** Adds one node; throws {@link IllegalStateException} if its parent has not been added. */
    public void add(NodeImage image) {
        if (finished) {
            throw new IllegalStateException("the tree is already built");
        }
        List<Acl> acl = image.acl();
        if (acl != lastAcl) {
            lastShared = acls.computeIfAbsent(List.copyOf(acl), copy -> copy);
            lastAcl = acl;
        }
        store.restore(image, lastShared);
    }

    public DataTree finish() {
        if (store.size() != expectedNodes) {
            throw new IllegalStateException("snapshot image announced " + expectedNodes + " nodes but holds "
                    + store.size());
        }
        for (String system : List.of(Paths.ROOT, Paths.ZOOKEEPER, Paths.QUOTA, Paths.CONFIG)) {
            if (store.find(system) == null) {
                throw new IllegalStateException("snapshot image lacks the system node " + system);
            }
        }
        finished = true;
        store.restored();
        return new DataTree(store, sessionTimeouts, zxid);
    }
}
