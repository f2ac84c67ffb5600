package io.zakka.bench.workload;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Errors of a measurement: how many, and the first one as an example for the report. Thread-safe. */
final class ErrorCount {

    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<String> first = new AtomicReference<>();

    void add(String error) {
        count.incrementAndGet();
        first.compareAndSet(null, error);
    }

    long count() {
        return count.get();
    }

    String first() {
        return first.get();
    }
}
