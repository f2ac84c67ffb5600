package io.zakka.bench;

import io.zakka.bench.client.Access;
import io.zakka.bench.client.BenchClient;
import io.zakka.bench.report.Role;
import io.zakka.bench.launch.ServerHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of the comparison: a server reached through one access path (stock client or ask API). It can
 * start fresh servers of its kind for recovery and memory, unless the bench does not own the server.
 */
public final class Subject implements AutoCloseable {

    /** Opens sessions to a server. */
    @FunctionalInterface
    public interface AccessFactory {
        Access create(ServerHandle server) throws Exception;
    }

    /** Makes a new server of the subject's kind, with its own data directory, not yet started. */
    @FunctionalInterface
    public interface ServerFactory {
        ServerHandle create(String name) throws Exception;
    }

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);

    private final String label;
    private final String key;
    private final Role role;
    private final ServerHandle server;
    private final AccessFactory accessFactory;
    private final ServerFactory serverFactory;
    private final String unavailable;
    private Access access;
    private boolean prepared;

    public Subject(String label, String key, Role role, ServerHandle server, AccessFactory accessFactory,
                   ServerFactory serverFactory, String unavailable) {
        this.label = label;
        this.key = key;
        this.role = role;
        this.server = server;
        this.accessFactory = accessFactory;
        this.serverFactory = serverFactory;
        this.unavailable = unavailable;
    }

    public String label() {
        return label;
    }

    public Role role() {
        return role;
    }

    public ServerHandle server() {
        return server;
    }

    /** Why this subject cannot be driven at all (such as no wire protocol yet), or null. */
    public String unavailable() {
        return unavailable;
    }

    /** A fresh server of this kind, or null when the bench cannot start one (an external target). */
    public ServerFactory serverFactory() {
        return serverFactory;
    }

    public AccessFactory accessFactory() {
        return accessFactory;
    }

    /** The subtree this subject's workloads use: subjects sharing a server never touch each other's nodes. */
    public String root() {
        return "/bench-" + key;
    }

    /** Opens {@code count} sessions through this subject's access path. */
    public List<BenchClient> open(int count) throws Exception {
        if (access == null) {
            access = accessFactory.create(server);
        }
        List<BenchClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                clients.add(access.open(OPEN_TIMEOUT));
            }
        } catch (Exception e) {
            closeAll(clients);
            throw e;
        }
        return clients;
    }

    /** Whether the workloads' nodes exist already; {@link #markPrepared} after creating them. */
    public boolean prepared() {
        return prepared;
    }

    public void markPrepared() {
        prepared = true;
    }

    public static void closeAll(List<BenchClient> clients) {
        clients.forEach(BenchClient::close);
    }

    @Override
    public void close() {
        if (access != null) {
            access.close();
            access = null;
        }
    }
}
