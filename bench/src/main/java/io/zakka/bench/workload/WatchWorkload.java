package io.zakka.bench.workload;

import io.zakka.bench.BenchSettings;
import io.zakka.bench.Subject;
import io.zakka.bench.client.BenchClient;
import io.zakka.bench.report.LatencySummary;
import io.zakka.bench.report.Measurement;
import io.zakka.bench.report.Stats;
import io.zakka.bench.launch.ProcCpu;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Watch fan-out: {@code watchers} sessions each leave a data watch on one node, one more session sets it, and
 * the latency is the time from the setData call to the last of the watchers' events. Repeated (watches are
 * one-shot, so they are set again, outside the timing) through warm-up and window; ops/s counts rounds.
 */
public final class WatchWorkload implements Workload {

    private static final long ROUND_TIMEOUT_S = 30;

    @Override
    public String name() {
        return "watch";
    }

    @Override
    public Measurement run(Subject subject, BenchSettings settings) throws Exception {
        Fixture.prepare(subject, settings);
        String path = subject.root() + "/watched";
        byte[] data = new byte[settings.sizes().dataBytes()];
        List<BenchClient> watchers = subject.open(settings.sizes().watchers());
        List<BenchClient> writer = subject.open(1);
        ErrorCount errors = new ErrorCount();
        Histogram latency = LatencySummary.newHistogram();
        try {
            long warmupEnd = System.nanoTime() + settings.warmup().toNanos();
            while (System.nanoTime() < warmupEnd) {
                round(watchers, writer.get(0), path, data, errors);
            }
            long serverCpu = subject.server().cpuNanos();
            long clientCpu = ProcCpu.selfCpuNanos();
            long start = System.nanoTime();
            long end = start + settings.window().toNanos();
            while (System.nanoTime() < end) {
                long nanos = round(watchers, writer.get(0), path, data, errors);
                if (nanos >= 0) {
                    LatencySummary.record(latency, nanos);
                }
            }
            long elapsed = System.nanoTime() - start;
            return new Measurement(Stats.rate(latency.getTotalCount(), elapsed), latency, errors.count(),
                    errors.first(), Stats.cores(ProcCpu.selfCpuNanos() - clientCpu, elapsed),
                    Stats.cores(subject.server().cpuNanos() - serverCpu, elapsed), Map.of(), null);
        } finally {
            Subject.closeAll(watchers);
            Subject.closeAll(writer);
        }
    }

    /** One round: arm every watcher, set the node, wait for every event; nanoseconds to the last, or -1. */
    private static long round(List<BenchClient> watchers, BenchClient writer, String path, byte[] data,
                              ErrorCount errors) throws InterruptedException {
        CountDownLatch armed = new CountDownLatch(watchers.size());
        CountDownLatch fired = new CountDownLatch(1);
        AtomicInteger remaining = new AtomicInteger(watchers.size());
        AtomicLong lastEvent = new AtomicLong();
        for (BenchClient watcher : watchers) {
            watcher.watchData(path, () -> {
                if (remaining.decrementAndGet() == 0) {
                    lastEvent.set(System.nanoTime());
                    fired.countDown();
                }
            }, (error, result) -> {
                if (error != null) {
                    errors.add("arming a watch: " + error);
                }
                armed.countDown();
            });
        }
        if (!armed.await(ROUND_TIMEOUT_S, TimeUnit.SECONDS)) {
            errors.add("watches not armed within " + ROUND_TIMEOUT_S + " s");
            return -1;
        }
        long set = System.nanoTime();
        writer.setData(path, data, (error, result) -> {
            if (error != null) {
                errors.add("setData of the watched node: " + error);
            }
        });
        if (!fired.await(ROUND_TIMEOUT_S, TimeUnit.SECONDS)) {
            errors.add((remaining.get()) + " of " + watchers.size() + " watch events missing after "
                    + ROUND_TIMEOUT_S + " s");
            return -1;
        }
        return lastEvent.get() - set;
    }
}
