package io.zakka.wire.measure;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.wire.WireSettings;
import io.zakka.wire.support.Clients;
import io.zakka.wire.support.ZakkaTarget;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.ZooKeeper;

/** End to end: stock clients pipelining exists("/") and setData through the gateway into a Zakka node. */
final class GatewayLoad {

    private static final int CLIENTS = 4;
    private static final int IN_FLIGHT = 1000;

    private GatewayLoad() {
    }

    static void run() throws Exception {
        // Measured without the tests' serialize-messages = on, which would cost every message a round trip.
        Config config = ConfigFactory.parseString("akka.actor.serialize-messages = off")
                .withFallback(ConfigFactory.load("application-test"));
        try (ZakkaTarget target = new ZakkaTarget(config, WireSettings.fromConfig(config))) {
            ZooKeeper setup = Clients.connect(target.connectString());
            setup.create("/load", new byte[16], org.apache.zookeeper.ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    org.apache.zookeeper.CreateMode.PERSISTENT);
            for (boolean writes : new boolean[] {false, true}) {
                measure(target, writes, 3);
                double perSecond = measure(target, writes, 5);
                System.out.printf("gateway %-7s %,10.0f ops/s (%d stock clients, %d in flight each)%n",
                        writes ? "setData" : "exists", perSecond, CLIENTS, IN_FLIGHT);
            }
            setup.close();
        }
    }

    private static double measure(ZakkaTarget target, boolean writes, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        ZooKeeper[] clients = new ZooKeeper[CLIENTS];
        Semaphore[] windows = new Semaphore[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            clients[i] = Clients.connect(target.connectString());
            windows[i] = new Semaphore(IN_FLIGHT);
        }
        long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < stopAt) {
            for (int i = 0; i < CLIENTS; i++) {
                Semaphore window = windows[i];
                if (!window.tryAcquire(1, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                if (writes) {
                    clients[i].setData("/load", new byte[16], -1, (rc, path, ctx, stat) -> {
                        done.incrementAndGet();
                        window.release();
                    }, null);
                } else {
                    clients[i].exists("/load", false, (rc, path, ctx, stat) -> {
                        done.incrementAndGet();
                        window.release();
                    }, null);
                }
            }
        }
        long count = done.get();
        for (ZooKeeper client : clients) {
            client.close();
        }
        return count / (double) seconds;
    }
}
