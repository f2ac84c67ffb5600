package io.zakka.wire.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A real Apache ZooKeeper 3.9.5 standalone server in this JVM with the settings the suite assumes of both
 * targets: tick 200 ms, TTL nodes enabled, Zakka's default four-letter-word whitelist.
 */
public final class ZooKeeperTarget implements Target {

    public static final int TICK_MS = 200;

    static {
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
        System.setProperty("zookeeper.forceSync", "no");
        System.setProperty("zookeeper.admin.enableServer", "false");
        System.setProperty("zookeeper.4lw.commands.whitelist",
                "ruok,srvr,stat,mntr,conf,cons,envi,wchs,wchc,wchp,dirs,isro");
    }

    private final Path dir;
    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;

    public ZooKeeperTarget() {
        try {
            dir = Files.createTempDirectory("zakka-wire-zk");
            server = new ZooKeeperServer(dir.toFile(), dir.toFile(), TICK_MS);
            factory = ServerCnxnFactory.createFactory(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            factory.startup(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + factory.getLocalPort();
    }

    @Override
    public int port() {
        return factory.getLocalPort();
    }

    @Override
    public int minSessionTimeoutMs() {
        return 2 * TICK_MS;
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
