package io.zakka.wire.support;

import org.apache.zookeeper.KeeperException;

/** Repeats a call while the client reports ConnectionLoss (it is reconnecting), for at most {@link Events#WAIT_MS}. */
public final class Retry {

    /** A call against a ZooKeeper handle. */
    public interface Call<T> {
        T call() throws KeeperException, InterruptedException;
    }

    private Retry() {
    }

    public static <T> T untilConnected(Call<T> call) throws KeeperException, InterruptedException {
        long deadline = System.nanoTime() + Events.WAIT_MS * 1_000_000L;
        while (true) {
            try {
                return call.call();
            } catch (KeeperException.ConnectionLossException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                // The handle retries its connection by itself; the next call waits for it (bounded above).
            }
        }
    }
}
