package io.zakka.bench.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Apache ZooKeeper 3.9.5, standalone ({@code size} 1) or an ensemble of {@code size} servers on this machine,
 * each in its own JVM. Stock settings (those of {@code conf/zoo_sample.cfg}: tickTime 2000, initLimit 10,
 * syncLimit 5, fsync on) except {@code maxClientCnxns=0} (no limit per client address) and the admin HTTP
 * server, which is switched off because several servers on one machine would all want port 8080.
 */
public final class ZooKeeperServers implements ServerHandle {

    private final String label;
    private final Path dir;
    private final List<String> jvmArgs;
    private final int[] clientPorts;
    private final List<ChildProcess> processes = new ArrayList<>();

    public ZooKeeperServers(String label, int size, Path dir, List<String> jvmArgs) throws IOException {
        this.label = label;
        this.dir = dir;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.clientPorts = new int[size];
        int[][] peerPorts = new int[size][2];
        for (int i = 0; i < size; i++) {
            clientPorts[i] = Ports.free();
            peerPorts[i][0] = Ports.free();
            peerPorts[i][1] = Ports.free();
        }
        for (int i = 0; i < size; i++) {
            writeConfig(i, peerPorts);
        }
    }

    private void writeConfig(int index, int[][] peerPorts) throws IOException {
        Path serverDir = Files.createDirectories(dir.resolve("zk" + (index + 1)));
        List<String> lines = new ArrayList<>(List.of(
                "tickTime=2000", "initLimit=10", "syncLimit=5",
                "dataDir=" + serverDir.resolve("data"),
                "clientPort=" + clientPorts[index],
                "clientPortAddress=127.0.0.1",
                "maxClientCnxns=0",
                "admin.enableServer=false"));
        if (clientPorts.length > 1) {
            Files.createDirectories(serverDir.resolve("data"));
            Files.writeString(serverDir.resolve("data").resolve("myid"), Integer.toString(index + 1));
            for (int i = 0; i < clientPorts.length; i++) {
                lines.add("server." + (i + 1) + "=127.0.0.1:" + peerPorts[i][0] + ":" + peerPorts[i][1]);
            }
        }
        Files.write(serverDir.resolve("zoo.cfg"), lines);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String connectString() {
        List<String> hosts = new ArrayList<>();
        for (int port : clientPorts) {
            hosts.add("127.0.0.1:" + port);
        }
        return hosts.stream().collect(Collectors.joining(","));
    }

    @Override
    public Optional<String> akkaSeed() {
        return Optional.empty();
    }

    @Override
    public void spawn() throws IOException {
        for (int i = 0; i < clientPorts.length; i++) {
            Path serverDir = dir.resolve("zk" + (i + 1));
            processes.add(ChildProcess.spawn(label + "#" + (i + 1), jvmArgs,
                    List.of("zookeeper", serverDir.resolve("zoo.cfg").toString(), Integer.toString(clientPorts[i])),
                    serverDir.resolve("server.log")));
        }
    }

    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        for (ChildProcess process : processes) {
            process.awaitReady(timeout);
        }
    }

    @Override
    public void stop() {
        processes.forEach(ChildProcess::close);
        processes.clear();
    }

    @Override
    public long cpuNanos() {
        long sum = 0;
        for (ChildProcess process : processes) {
            long cpu = process.cpuNanos();
            if (cpu < 0) {
                return -1;
            }
            sum += cpu;
        }
        return sum;
    }

    @Override
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        return processes.get(0).heapUsedAfterGc(Duration.ofSeconds(120));
    }

    @Override
    public boolean alive() {
        return !processes.isEmpty() && processes.stream().allMatch(ChildProcess::alive);
    }

    @Override
    public boolean managed() {
        return true;
    }
}
