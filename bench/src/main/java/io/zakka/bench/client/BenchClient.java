package io.zakka.bench.client;

/**
 * One client session, as the workloads use it. Every call is asynchronous and completes through its
 * {@link Done}, on a thread of the client library; implementations add nothing but the translation to
 * their library, so every target is driven by the same workload code.
 */
public interface BenchClient extends AutoCloseable {

    /** Completion of a call: {@code error} is null on success; {@code result} is the path (created path). */
    @FunctionalInterface
    interface Done {
        void complete(String error, String result);
    }

    void getData(String path, Done done);

    /** setData with version -1 (any). */
    void setData(String path, byte[] data, Done done);

    /** A persistent node, sequential when asked; open ACL. */
    void create(String path, byte[] data, boolean sequential, Done done);

    /** delete with version -1 (any). */
    void delete(String path, Done done);

    /** getData leaving a one-shot data watch on {@code path}; {@code onEvent} runs when it fires. */
    void watchData(String path, Runnable onEvent, Done done);

    @Override
    void close();
}
