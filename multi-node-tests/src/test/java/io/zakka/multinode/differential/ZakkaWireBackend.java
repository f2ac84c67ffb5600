package io.zakka.multinode.differential;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import io.zakka.api.ZakkaServer;
import io.zakka.wire.WireServer;
import io.zakka.wire.WireSettings;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A standalone Zakka node behind its ZooKeeper wire gateway on a loopback port chosen by the OS, so that
 * {@link ZooKeeperTarget}'s stock ZooKeeper clients talk to Zakka exactly as they talk to ZooKeeper.
 * Settings as {@link ServerTarget}'s (reaper pushed out, ZooKeeper's super digest).
 */
final class ZakkaWireBackend implements ZkBackend {

    private final ActorSystem<Void> system;
    private final ZakkaServer server;
    private final WireServer wire;

    ZakkaWireBackend() {
        // The gateway lives in the node's ActorSystem, as in bin/zakka: nothing crosses a boundary.
        Config config = ServerTarget.nodeConfig(false);
        system = ActorSystem.create(Behaviors.empty(), "zakka-differential-wire", config);
        server = ZakkaServer.start(system);
        wire = WireServer.start(system, server, WireSettings.fromConfig(config).withAddress("127.0.0.1", 0));
    }

    @Override
    public String name() {
        return "Zakka wire gateway (stock ZooKeeper client on ZakkaServer)";
    }

    @Override
    public String connectString() {
        return wire.connectString();
    }

    @Override
    public long lastZxid() throws Exception {
        return Await.result(server.lastZxid()).toLong();
    }

    @Override
    public Optional<SortedMap<String, Target.NodeDump>> dump() throws Exception {
        return Optional.of(ZakkaTreeReader.read(system));
    }

    @Override
    public boolean reapsOnDemand() {
        return false;
    }

    @Override
    public List<String> reapAll() {
        throw new UnsupportedOperationException("the node's reaper runs on its own timer");
    }

    @Override
    public void close() throws Exception {
        wire.stop();
        Await.outcome(server.stop());
        system.terminate();
        Await.result(system.getWhenTerminated());
    }
}
