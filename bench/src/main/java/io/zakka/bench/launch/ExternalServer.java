package io.zakka.bench.launch;

import java.time.Duration;
import java.util.Optional;

/** A server the bench did not start ({@code --target host:port}): driven, never restarted or inspected. */
public record ExternalServer(String connectString) implements ServerHandle {

    @Override
    public String label() {
        return "external " + connectString;
    }

    @Override
    public Optional<String> akkaSeed() {
        return Optional.empty();
    }

    @Override
    public void spawn() {
    }

    @Override
    public void awaitReady(Duration timeout) {
    }

    @Override
    public void stop() {
    }

    @Override
    public long cpuNanos() {
        return -1;
    }

    @Override
    public long heapUsedAfterGc() {
        return -1;
    }

    @Override
    public boolean alive() {
        return true;
    }

    @Override
    public boolean managed() {
        return false;
    }
}
