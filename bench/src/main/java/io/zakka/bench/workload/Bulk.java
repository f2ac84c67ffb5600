package io.zakka.bench.workload;

import io.zakka.bench.client.BenchClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exactly {@code count} requests, spread over the sessions with {@code inFlight} outstanding per session:
 * loading znodes, cleaning up. Not measured. Errors in {@code tolerated} (such as NODEEXISTS when a set-up is
 * repeated) do not count.
 */
public final class Bulk {

    private final List<BenchClient> clients;
    private final int inFlight;
    private final Set<String> tolerated;
    private final ErrorCount errors = new ErrorCount();

    public Bulk(List<BenchClient> clients, int inFlight, Set<String> tolerated) {
        this.clients = List.copyOf(clients);
        this.inFlight = inFlight;
        this.tolerated = Set.copyOf(tolerated);
    }

    /** Issues requests 0..count-1 of {@code op}; fails when they have not all completed within {@code timeout}. */
    public void run(long count, Op op, Duration timeout) throws InterruptedException {
        AtomicLong nextIndex = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong completed = new AtomicLong();
        for (BenchClient client : clients) {
            for (int i = 0; i < inFlight; i++) {
                issue(client, op, count, nextIndex, completed, done);
            }
        }
        if (count == 0) {
            return;
        }
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("bulk run: " + completed.get() + " of " + count
                    + " requests completed within " + timeout);
        }
    }

    private void issue(BenchClient client, Op op, long count, AtomicLong nextIndex, AtomicLong completed,
                       CountDownLatch done) {
        long index = nextIndex.getAndIncrement();
        if (index >= count) {
            return;
        }
        op.issue(client, index, (error, result) -> {
            if (error != null && !tolerated.contains(error)) {
                errors.add(error);
            }
            if (completed.incrementAndGet() == count) {
                done.countDown();
            }
            issue(client, op, count, nextIndex, completed, done);
        });
    }

    public long errors() {
        return errors.count();
    }

    public String firstError() {
        return errors.first();
    }
}
