package io.zakka.wire.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zakka.wire.support.Clients;
import io.zakka.wire.support.Frames;
import io.zakka.wire.support.ZakkaTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jute.Record;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.AddWatchRequest;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetWatches2;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated frames against a live gateway: random bytes, mutated handshakes, valid requests
 * with bytes flipped or cut, absurd lengths. Every connection is then half-closed and read to its end. The
 * rule: the server keeps serving an ordinary client throughout, and no connection actor ever throws (bad
 * input closes its own connection and nothing else). Replay a failure with -Dwire.fuzz.seed=N.
 */
class WireFuzzTest {

    private static final long SEED = Long.getLong("wire.fuzz.seed", 20_261_123L);
    private static final int CONNECTIONS = 400;

    @Test
    void malformedInputClosesOnlyItsOwnConnectionAndNeverBreaksTheGateway() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        try (ZakkaTarget target = new ZakkaTarget()) {
            ZooKeeper bystander = Clients.connect(target.connectString());
            bystander.create("/fuzz", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (int i = 0; i < CONNECTIONS; i++) {
                byte[] input = input(random);
                send(target.port(), input);
                if (i % 50 == 49) {
                    bystander.setData("/fuzz", Integer.toString(i).getBytes(), -1);
                    assertEquals(Integer.toString(i), new String(bystander.getData("/fuzz", false, null)),
                            "seed=" + SEED);
                }
            }
            assertEquals(0, target.wire().connections().failures(), "connection actors that threw, seed=" + SEED);
            bystander.close();
        }
    }

    private static byte[] input(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> randomBytes(random, 1 + random.nextInt(300));
            case 1 -> mutate(random, Frames.of(connect(random)));
            case 2 -> concat(Frames.of(connect(random)), mutate(random, request(random)));
            case 3 -> concat(Frames.of(connect(random)), cut(random, request(random)));
            case 4 -> concat(Frames.of(connect(random)), ByteBuffer.allocate(4).putInt(random.nextInt()).array(),
                    randomBytes(random, random.nextInt(64)));
            default -> concat(Frames.of(connect(random)), request(random), randomBytes(random, 1 + random.nextInt(40)));
        };
    }

    private static ConnectRequest connect(SplittableRandom random) {
        long session = random.nextInt(4) == 0 ? random.nextLong() : 0;
        return new ConnectRequest(0, 0, 4000, session, new byte[16], random.nextBoolean());
    }

    private static byte[] request(SplittableRandom random) {
        int xid = 1 + random.nextInt(1000);
        List<ACL> open = List.of(new ACL(31, new Id("world", "anyone")));
        Record[] records = switch (random.nextInt(6)) {
            case 0 -> new Record[] {new RequestHeader(xid, 1), new CreateRequest("/fuzz/n", new byte[3], open, 1)};
            case 1 -> new Record[] {new RequestHeader(xid, 4), new GetDataRequest("/fuzz", true)};
            case 2 -> new Record[] {new RequestHeader(xid, 5), new SetDataRequest("/fuzz/n", new byte[2], -1)};
            case 3 -> new Record[] {new RequestHeader(xid, 106), new AddWatchRequest("/fuzz", random.nextInt(3))};
            case 4 -> new Record[] {new RequestHeader(xid, 105), new SetWatches2(0, List.of("/fuzz"), List.of(),
                    List.of("/"), List.of(), List.of("/fuzz"))};
            default -> new Record[] {new RequestHeader(xid, 14), new MultiHeader(1, false, -1),
                new CreateRequest("/fuzz/m", null, open, 0), new MultiHeader(-1, true, -1)};
        };
        return Frames.of(records);
    }

    private static byte[] mutate(SplittableRandom random, byte[] bytes) {
        byte[] copy = bytes.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] cut(SplittableRandom random, byte[] frame) {
        byte[] copy = frame.clone();
        int payload = copy.length - 4;
        int kept = random.nextInt(Math.max(1, payload));
        ByteBuffer.wrap(copy).putInt(kept);
        return Arrays.copyOf(copy, 4 + kept);
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            buffer.put(part);
        }
        return buffer.array();
    }

    /** Sends the bytes, half-closes, and reads until the server closes the connection (bounded). */
    private static void send(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(bytes);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[4096];
            try {
                while (in.read(sink) >= 0) {
                    continue;
                }
            } catch (java.net.SocketException reset) {
                // The server may reset a connection it refused while bytes were still in flight.
            }
        }
    }
}
