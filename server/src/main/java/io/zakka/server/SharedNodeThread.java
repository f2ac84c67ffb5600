package io.zakka.server;

import akka.dispatch.DispatcherPrerequisites;
import akka.dispatch.ExecutorServiceConfigurator;
import akka.dispatch.ExecutorServiceFactory;
import com.typesafe.config.Config;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node thread shared by the {@code zakka.node-dispatcher} of both ActorSystems of a standalone server (an Akka
 * executor configurator: {@code executor = "io.zakka.server.SharedNodeThread"}, {@code shared-thread = ID}).
 *
 * <p>Why: the node's entry, session tracker and pipeline share one thread, so a request passes them as queue
 * appends that the same thread picks up next. The node's door in the clustered system ({@code openDoorIn}) on
 * that system's own dispatcher would add a thread wake-up to every request of an Akka client (their throughput
 * fell about 10 % in a full bench run); on the same thread the door is one more queue append, as the entry is.
 *
 * <p>Akka shuts a dispatcher's executor down after a while without work and creates it again from this
 * configurator; each system gets a view whose shutdown does nothing, and the thread itself ends with
 * {@link #release} once both systems have terminated.
 */
public final class SharedNodeThread extends ExecutorServiceConfigurator {

    private static final Map<String, ThreadPoolExecutor> THREADS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private final String id;

    public SharedNodeThread(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
        this.id = config.getString("shared-thread");
    }

    /** A new id for the node thread of one server, for {@code zakka.node-dispatcher.shared-thread}. */
    static String newId() {
        return "node-thread-" + IDS.incrementAndGet();
    }

    /** Ends the thread of {@code id} (after both systems that used it have terminated). */
    static void release(String id) {
        ThreadPoolExecutor executor = THREADS.remove(id);
        if (executor != null) {
            executor.shutdown();
        }
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String dispatcherId, ThreadFactory threadFactory) {
        return () -> new SharedView(THREADS.computeIfAbsent(id, key -> new ThreadPoolExecutor(1, 1, 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threadFactory)));
    }

    /** What one dispatcher sees: the shared thread, which its shutdown leaves running for the other system. */
    private static final class SharedView extends AbstractExecutorService {
        private final ExecutorService shared;
        private volatile boolean shutdown;

        SharedView(ExecutorService shared) {
            this.shared = shared;
        }

        @Override
        public void execute(Runnable task) {
            shared.execute(task);
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }
}
