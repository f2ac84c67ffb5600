package io.zakka.multinode.differential;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.zookeeper.server.DataNode;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.RequestProcessor;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A real Apache ZooKeeper 3.9.5 standalone server in this JVM, on a loopback port chosen by the OS and a
 * temporary data directory, with the super digest of {@link GenValues#SUPER_USER}. TTL nodes need
 * {@code zookeeper.extendedTypesEnabled}; the container/TTL reaper ({@code ContainerManager}) is not
 * started, so nothing is deleted behind the test's back.
 */
final class EmbeddedZooKeeper implements ZkBackend {

    private static final int TICK_MS = 2000;

    static {
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
        // A differential run needs ZooKeeper's answers, not its durability: skip the fsync per txn.
        System.setProperty("zookeeper.forceSync", "no");
        System.setProperty("zookeeper.admin.enableServer", "false");
        // Read once, when DigestAuthenticationProvider is loaded: checked in the constructor below.
        System.setProperty("zookeeper.DigestAuthenticationProvider.superDigest", GenValues.SUPER_DIGEST);
    }

    private final Path dir;
    private final Server server;
    private final ServerCnxnFactory factory;

    EmbeddedZooKeeper() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("zakka-diff-zk");
        server = new Server(dir.toFile(), TICK_MS);
        factory = ServerCnxnFactory.createFactory(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        factory.startup(server);
        checkSuperUser();
    }

    /**
     * The super digest is a static of ZooKeeper's DigestAuthenticationProvider, read when the class loads.
     * If something in this JVM loaded it before the property was set, the super user would silently be an
     * ordinary one and the run would report differences that are not Zakka's: refuse to start instead.
     */
    private void checkSuperUser() throws IOException, InterruptedException {
        try (ZkSession session = ZkSession.connect(connectString())) {
            session.addAuthInfo("digest", GenValues.SUPER_USER.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            boolean isSuper = session.whoAmI().stream().anyMatch(info -> "super".equals(info.getAuthScheme()));
            if (!isSuper) {
                close();
                throw new IllegalStateException("ZooKeeper's super digest is not in effect: "
                        + "DigestAuthenticationProvider was loaded before EmbeddedZooKeeper set it");
            }
        }
    }

    @Override
    public String name() {
        return "ZooKeeper 3.9.5";
    }

    @Override
    public String connectString() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + factory.getLocalPort();
    }

    @Override
    public long lastZxid() {
        return server.getZKDatabase().getDataTreeLastProcessedZxid();
    }

    /** The server's own tree, read directly: no ACL checks, no zxids consumed. */
    @Override
    public Optional<SortedMap<String, Target.NodeDump>> dump() {
        DataTree tree = server.getZKDatabase().getDataTree();
        SortedMap<String, Target.NodeDump> nodes = new TreeMap<>();
        addNode(tree, "/", nodes);
        return Optional.of(nodes);
    }

    private static void addNode(DataTree tree, String path, SortedMap<String, Target.NodeDump> nodes) {
        DataNode node = tree.getNode(path);
        org.apache.zookeeper.data.Stat stat = new org.apache.zookeeper.data.Stat();
        List<String> children;
        byte[] data;
        synchronized (node) {
            node.copyStat(stat);
            children = new ArrayList<>(node.getChildren());
            data = node.getData();
        }
        nodes.put(path, new Target.NodeDump(data, ZkConvert.fromZk(tree.getACL(node)), ZkConvert.stat(stat)));
        for (String child : children) {
            addNode(tree, path.equals("/") ? "/" + child : path + "/" + child, nodes);
        }
    }

    @Override
    public boolean reapsOnDemand() {
        return true;
    }

    /** ZooKeeper's reaper, run once now (see {@link ZkReaper}); its deletes are queued, not yet applied. */
    @Override
    public List<String> reapAll() throws InterruptedException {
        return new ZkReaper(server.getZKDatabase(), server.firstProcessor()).reap();
    }

    /** The server, with its request pipeline's entry exposed for the reaper. */
    private static final class Server extends ZooKeeperServer {
        Server(java.io.File dir, int tickMs) throws IOException {
            super(dir, dir, tickMs);
        }

        RequestProcessor firstProcessor() {
            return firstProcessor;
        }
    }

    @Override
    public void close() throws IOException {
        factory.shutdown();
        server.shutdown();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
