package io.zakka.multinode.differential;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A server that speaks ZooKeeper's client protocol, for {@link ZooKeeperTarget}'s stock clients: real
 * ZooKeeper ({@link EmbeddedZooKeeper}) or a Zakka node behind its wire gateway ({@link ZakkaWireBackend}).
 */
interface ZkBackend extends AutoCloseable {

    String name();

    String connectString();

    /** The zxid of the last txn the server applied: after a synchronous write returns, that write's zxid. */
    long lastZxid() throws Exception;

    /** The whole tree, read without ACL checks, or empty when the backend cannot show it. */
    Optional<SortedMap<String, Target.NodeDump>> dump() throws Exception;

    /** Whether {@link #reapAll} works. */
    boolean reapsOnDemand();

    /**
     * Runs the container/TTL reaper once at a virtual far future and returns its candidates, sorted; the
     * deletes may still be in the server's pipeline when this returns.
     */
    List<String> reapAll() throws Exception;

    @Override
    void close() throws Exception;
}
