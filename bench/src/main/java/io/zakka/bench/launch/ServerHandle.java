package io.zakka.bench.launch;

import java.time.Duration;
import java.util.Optional;

/** A target server (one process or several) the bench started, or one that was already running. */
public interface ServerHandle extends AutoCloseable {

    /** How the report names it. */
    String label();

    /** The stock client's connect string. */
    String connectString();

    /** The Akka address a Zakka client system joins, when the target is a Zakka server. */
    Optional<String> akkaSeed();

    /** Starts the processes and returns at once; {@link #awaitReady} waits until they serve. */
    void spawn() throws Exception;

    void awaitReady(Duration timeout) throws Exception;

    /** Stops the processes, keeping their data directories (a later {@link #spawn} recovers from them). */
    void stop();

    /** User + system CPU used by the server processes so far, in nanoseconds; -1 when unknown. */
    long cpuNanos();

    /** Heap used by the (first) server after a full GC, in bytes; -1 when it cannot be measured. */
    long heapUsedAfterGc() throws Exception;

    /** Whether every server process is running; an external server counts as running. */
    boolean alive();

    /** Whether the bench owns the process and so can restart it and read its heap. */
    boolean managed();

    @Override
    default void close() {
        stop();
    }
}
