package io.zakka.bench.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for the servers the bench starts. They are drawn below Linux's ephemeral range
 * (32768 and up by default): a port the OS hands out for port 0 is an ephemeral one, and outgoing connections
 * of the bench's clients may take it before the server that was meant to listen there binds it.
 */
final class Ports {

    private static final int LOW = 12_000;
    private static final int HIGH = 32_000;

    private Ports() {
    }

    static int free() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
