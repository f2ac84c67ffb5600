package io.zakka.bench.workload;

import io.zakka.bench.client.BenchClient;
import io.zakka.bench.report.LatencySummary;
import io.zakka.bench.report.Measurement;
import io.zakka.bench.report.Stats;
import io.zakka.bench.launch.ProcCpu;
import io.zakka.bench.launch.ServerHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load: every session keeps {@code inFlight} requests outstanding, issuing the next one from the
 * completion of the last. A warm-up is run and thrown away, then a window is recorded: latencies (from issue
 * to completion), completions per second, and the CPU the client (this JVM) and the servers used in it.
 */
public final class LoadDriver {

    /** After an error the next request waits this long, so a failing target cannot spin a thread's stack. */
    private static final long ERROR_PAUSE_MS = 1;

    private final List<BenchClient> clients;
    private final int inFlight;
    private final Op op;
    private final Recorder recorder = new Recorder(1_000L, 600_000_000_000L, 3);
    private final ErrorCount errors = new ErrorCount();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-retry");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    public LoadDriver(List<BenchClient> clients, int inFlight, Op op) {
        this.clients = List.copyOf(clients);
        this.inFlight = inFlight;
        this.op = op;
    }

    /** Runs warm-up then the recorded window; returns when every outstanding request completed. */
    public Measurement run(Duration warmup, Duration window, ServerHandle server) throws InterruptedException {
        try {
            for (BenchClient client : clients) {
                for (int i = 0; i < inFlight; i++) {
                    outstanding.incrementAndGet();
                    next(client);
                }
            }
            Thread.sleep(warmup.toMillis());
            recorder.getIntervalHistogram();
            long serverCpu = server.cpuNanos();
            long clientCpu = ProcCpu.selfCpuNanos();
            long start = System.nanoTime();
            Thread.sleep(window.toMillis());
            Histogram latency = recorder.getIntervalHistogram();
            long elapsed = System.nanoTime() - start;
            long serverUsed = delta(server.cpuNanos(), serverCpu);
            long clientUsed = delta(ProcCpu.selfCpuNanos(), clientCpu);
            stopping = true;
            drain();
            Histogram copy = LatencySummary.newHistogram();
            copy.add(latency);
            return new Measurement(Stats.rate(latency.getTotalCount(), elapsed), copy, errors.count(),
                    errors.first(), Stats.cores(clientUsed, elapsed), Stats.cores(serverUsed, elapsed), Map.of(),
                    null);
        } finally {
            stopping = true;
            retry.shutdownNow();
        }
    }

    private void next(BenchClient client) {
        if (stopping) {
            outstanding.decrementAndGet();
            return;
        }
        long issued = System.nanoTime();
        op.issue(client, 0, (error, result) -> {
            if (error == null) {
                recorder.recordValue(Math.min(Math.max(System.nanoTime() - issued, 1_000L), 600_000_000_000L));
                next(client);
            } else {
                errors.add(error);
                retry.schedule(() -> next(client), ERROR_PAUSE_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outstanding.get() > 0) {
            if (System.nanoTime() > deadline) {
                errors.add(outstanding.get() + " requests still outstanding 60 s after the window");
                return;
            }
            Thread.sleep(5);
        }
    }

    private static long delta(long after, long before) {
        return after < 0 || before < 0 ? -1 : after - before;
    }
}
