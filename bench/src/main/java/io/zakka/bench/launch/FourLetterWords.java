package io.zakka.bench.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** ZooKeeper's {@code srvr} four-letter word (the one enabled by default): is the server serving? */
public final class FourLetterWords {

    private FourLetterWords() {
    }

    /** The server's answer to {@code word}, or null when it cannot be reached or does not answer. */
    public static String ask(String host, int port, String word, int timeoutMs) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Polls {@code srvr} every 20 ms until the answer shows a serving mode; false after {@code timeoutMs}. */
    public static boolean awaitServing(String host, int port, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            String answer = ask(host, port, "srvr", 1000);
            if (answer != null && answer.contains("Mode:")) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
