package io.zakka.bench.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;

/**
 * Main class of a bench child JVM: {@code zookeeper <zoo.cfg> <clientPort>} runs Apache ZooKeeper as
 * {@code zkServer.sh} does (QuorumPeerMain, standalone or ensemble by the config); {@code zakka <flags>} runs
 * {@code io.zakka.server.Main start <flags>} (see {@link ZakkaChild}). Prints {@value #READY} once it serves;
 * on stdin, {@code heap} prints {@value #HEAP} and the heap used after a full GC; end of stdin exits the JVM.
 */
public final class ChildMain {

    public static final String READY = "BENCH-READY";
    public static final String HEAP = "BENCH-HEAP ";

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (args[0].equals("zookeeper")) {
            Thread server = new Thread(() -> QuorumPeerMain.main(new String[] {rest.get(0)}), "zookeeper-main");
            server.start();
            int clientPort = Integer.parseInt(rest.get(1));
            if (!FourLetterWords.awaitServing("127.0.0.1", clientPort, 300_000)) {
                System.err.println("bench child: ZooKeeper did not serve within 300 s");
                System.exit(3);
            }
        } else if (args[0].equals("zakka")) {
            ZakkaChild.start(rest);
        } else {
            throw new IllegalArgumentException("unknown child kind " + args[0]);
        }
        System.out.println(READY);
        System.out.flush();
        serveStdin();
        System.exit(0);
    }

    private static void serveStdin() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().equals("heap")) {
                System.out.println(HEAP + heapUsedAfterGc());
                System.out.flush();
            }
        }
    }

    /** Heap used after full GCs, once it stops falling (at most five collections). */
    static long heapUsedAfterGc() {
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used >= previous) {
                break;
            }
            previous = used;
        }
        return Math.min(used, previous);
    }
}
