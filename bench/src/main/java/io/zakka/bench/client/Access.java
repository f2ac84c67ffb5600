package io.zakka.bench.client;

import java.time.Duration;

/** A way to open client sessions to a target: the stock ZooKeeper client, or Zakka's ask API. */
public interface Access extends AutoCloseable {

    /** Opens one session; fails when the target does not accept it within {@code timeout}. */
    BenchClient open(Duration timeout) throws Exception;

    /** Whether {@link #open} itself waits for a server to appear (so one long attempt is enough). */
    default boolean waitsForServer() {
        return false;
    }

    @Override
    void close();
}
