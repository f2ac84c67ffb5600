package io.zakka.wire.measure;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Pipelined frame load: per connection a writer keeps {@code inFlight} frames outstanding, a reader counts echoes. */
final class EchoLoad {

    record Result(double framesPerSecond, double medianMs) {
    }

    private EchoLoad() {
    }

    static Result run(int port, int connections, int frameBytes, int inFlight, Duration warmUp, Duration measure)
            throws Exception {
        AtomicLong received = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Socket> sockets = new ArrayList<>();
        long stopAt = System.nanoTime() + warmUp.plus(measure).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            sockets.add(socket);
            Semaphore window = new Semaphore(inFlight);
            ConcurrentLinkedQueue<Long> sentAt = new ConcurrentLinkedQueue<>();
            threads.add(start(() -> write(socket, window, sentAt, frameBytes, stopAt)));
            threads.add(start(() -> read(socket, window, sentAt, received, latencies)));
        }
        TimeUnit.NANOSECONDS.sleep(warmUp.toNanos());
        long before = received.get();
        latencies.clear();
        TimeUnit.NANOSECONDS.sleep(measure.toNanos());
        long count = received.get() - before;
        List<Long> sample = new ArrayList<>(latencies);
        for (Socket socket : sockets) {
            socket.close();
        }
        for (Thread thread : threads) {
            thread.join(5000);
        }
        Collections.sort(sample);
        double median = sample.isEmpty() ? 0 : sample.get(sample.size() / 2) / 1e6;
        return new Result(count / (measure.toNanos() / 1e9), median);
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body, "echo-load");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void write(Socket socket, Semaphore window, ConcurrentLinkedQueue<Long> sentAt, int frameBytes,
                              long stopAt) {
        byte[] frame = ByteBuffer.allocate(4 + frameBytes).putInt(frameBytes).array();
        try {
            OutputStream out = socket.getOutputStream();
            while (System.nanoTime() < stopAt) {
                if (window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    sentAt.add(System.nanoTime());
                    out.write(frame);
                }
            }
        } catch (IOException e) {
            // the measurement closed the socket
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void read(Socket socket, Semaphore window, ConcurrentLinkedQueue<Long> sentAt, AtomicLong received,
                             ConcurrentLinkedQueue<Long> latencies) {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                Long sent = sentAt.poll();
                if (sent != null && received.incrementAndGet() % 64 == 0) {
                    latencies.add(System.nanoTime() - sent);
                }
                window.release();
            }
        } catch (IOException e) {
            // the measurement closed the socket, or the server went away with it
        }
    }
}
