package io.zakka.multinode.differential;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on the Zakka client's stages. */
final class Await {

    private Await() {
    }

    /** The stage's value; its failure is rethrown unwrapped; no value within the bound is a TimeoutException. */
    static <T> T result(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(ServerTarget.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception exception ? exception : e;
        }
    }

    /** Waits until the stage completes, either way, and ignores its value or failure. */
    static void outcome(CompletionStage<?> stage) throws InterruptedException, TimeoutException {
        try {
            stage.toCompletableFuture().get(ServerTarget.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException ignored) {
            // Only the completion matters here.
        }
    }
}
