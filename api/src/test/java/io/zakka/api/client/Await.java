package io.zakka.api.client;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on CompletionStages for tests. */
public final class Await {

    public static final long SECONDS = 20;

    private Await() {
    }

    public static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("stage did not complete normally", e);
        }
    }

    /** The exception the stage failed with (unwrapped), asserting that it failed. */
    public static Throwable failure(CompletionStage<?> stage) {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(SECONDS, TimeUnit.SECONDS));
        return failed.getCause();
    }
}
