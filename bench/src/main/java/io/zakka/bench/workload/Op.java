package io.zakka.bench.workload;

import io.zakka.bench.client.BenchClient;

/** One request of a workload, issued on {@code client}; {@code index} numbers the requests of a bulk run. */
@FunctionalInterface
public interface Op {
    void issue(BenchClient client, long index, BenchClient.Done done);
}
