package io.zakka.wire.curator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.wire.support.Events;
import io.zakka.wire.support.ZakkaTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.atomic.AtomicValue;
import org.apache.curator.framework.recipes.atomic.DistributedAtomicLong;
import org.apache.curator.framework.recipes.barriers.DistributedBarrier;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.framework.recipes.locks.InterProcessSemaphoreV2;
import org.apache.curator.framework.recipes.locks.Lease;
import org.apache.curator.framework.recipes.queue.DistributedQueue;
import org.apache.curator.framework.recipes.queue.QueueBuilder;
import org.apache.curator.framework.recipes.queue.QueueConsumer;
import org.apache.curator.framework.recipes.queue.QueueSerializer;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryNTimes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Curator 5.9.0 recipes against Zakka through its wire gateway, each run by several concurrent clients with
 * an assertion on the property the recipe exists for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CuratorRecipesTest {

    private static final long WAIT_S = Events.WAIT_MS / 1000;

    private ZakkaTarget target;
    private final List<CuratorFramework> clients = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    void start() {
        target = new ZakkaTarget();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(CuratorFramework::close);
        clients.clear();
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        target.close();
    }

    private CuratorFramework client() throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder().connectString(target.connectString())
                .sessionTimeoutMs(4000).connectionTimeoutMs(3000).retryPolicy(new RetryNTimes(20, 100)).build();
        client.start();
        assertTrue(client.blockUntilConnected((int) WAIT_S, TimeUnit.SECONDS));
        clients.add(client);
        return client;
    }

    private <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(4 * WAIT_S, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void interProcessMutexAdmitsOneHolderAtATime() throws Exception {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        CuratorFramework shared = client();
        shared.create().forPath("/mutex-counter", "0".getBytes(StandardCharsets.UTF_8));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            CuratorFramework client = client();
            InterProcessMutex mutex = new InterProcessMutex(client, "/locks/mutex");
            tasks.add(() -> {
                for (int i = 0; i < 5; i++) {
                    assertTrue(mutex.acquire(WAIT_S, TimeUnit.SECONDS));
                    try {
                        maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                        int value = Integer.parseInt(new String(client.getData().forPath("/mutex-counter"),
                                StandardCharsets.UTF_8));
                        client.setData().forPath("/mutex-counter", Integer.toString(value + 1).getBytes(
                                StandardCharsets.UTF_8));
                        holders.decrementAndGet();
                    } finally {
                        mutex.release();
                    }
                }
                return null;
            });
        }
        runAll(tasks);
        assertEquals(1, maxHolders.get());
        assertEquals("20", new String(shared.getData().forPath("/mutex-counter"), StandardCharsets.UTF_8));
    }

    @Test
    void leaderLatchElectsExactlyOneLeaderAndHandsOver() throws Exception {
        List<LeaderLatch> latches = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            LeaderLatch latch = new LeaderLatch(client(), "/leader", "node-" + c);
            latch.start();
            latches.add(latch);
        }
        LeaderLatch leader = awaitSingleLeader(latches);
        leader.close();
        latches.remove(leader);
        LeaderLatch next = awaitSingleLeader(latches);
        assertTrue(next != leader);
        for (LeaderLatch latch : latches) {
            latch.close();
        }
    }

    private static LeaderLatch awaitSingleLeader(List<LeaderLatch> latches) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < deadline) {
            List<LeaderLatch> leaders = latches.stream().filter(LeaderLatch::hasLeadership).toList();
            assertTrue(leaders.size() <= 1, "two leaders at once");
            if (leaders.size() == 1 && latches.stream().allMatch(l -> leaders.get(0).getId().equals(leaderId(l)))) {
                return leaders.get(0);
            }
            latches.get(0).await(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no single leader within " + WAIT_S + " s");
    }

    private static String leaderId(LeaderLatch latch) {
        try {
            return latch.getLeader().getId();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void distributedAtomicLongCountsEveryIncrement() throws Exception {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            DistributedAtomicLong counter = new DistributedAtomicLong(client(), "/counter", new RetryNTimes(1000, 1));
            tasks.add(() -> {
                for (int i = 0; i < 25; i++) {
                    AtomicValue<Long> result = counter.increment();
                    assertTrue(result.succeeded());
                }
                return null;
            });
        }
        runAll(tasks);
        assertEquals(100L, new DistributedAtomicLong(client(), "/counter", new RetryNTimes(3, 10)).get().postValue());
    }

    @Test
    void distributedQueueDeliversEveryItemExactlyOnce() throws Exception {
        Set<String> consumed = ConcurrentHashMap.newKeySet();
        AtomicInteger deliveries = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(40);
        QueueSerializer<String> serializer = new QueueSerializer<>() {
            @Override
            public byte[] serialize(String item) {
                return item.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String deserialize(byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        };
        QueueConsumer<String> consumer = new QueueConsumer<>() {
            @Override
            public void consumeMessage(String message) {
                consumed.add(message);
                deliveries.incrementAndGet();
                all.countDown();
            }

            @Override
            public void stateChanged(CuratorFramework client, ConnectionState newState) {
            }
        };
        List<DistributedQueue<String>> queues = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            DistributedQueue<String> queue = QueueBuilder.builder(client(), c < 2 ? consumer : null, serializer,
                    "/queue").lockPath("/queue-lock").buildQueue();
            queue.start();
            queues.add(queue);
        }
        for (int i = 0; i < 20; i++) {
            queues.get(2).put("a-" + i);
            queues.get(3).put("b-" + i);
        }
        assertTrue(all.await(2 * WAIT_S, TimeUnit.SECONDS));
        assertEquals(40, consumed.size());
        assertEquals(40, deliveries.get());
        for (DistributedQueue<String> queue : queues) {
            queue.close();
        }
    }

    @Test
    void distributedBarrierHoldsWaitersUntilRemoved() throws Exception {
        new DistributedBarrier(client(), "/barrier").setBarrier();
        AtomicInteger passed = new AtomicInteger();
        List<Callable<Boolean>> tasks = new ArrayList<>();
        CountDownLatch waiting = new CountDownLatch(3);
        for (int c = 0; c < 3; c++) {
            DistributedBarrier barrier = new DistributedBarrier(client(), "/barrier");
            tasks.add(() -> {
                waiting.countDown();
                boolean through = barrier.waitOnBarrier(2 * WAIT_S, TimeUnit.SECONDS);
                passed.incrementAndGet();
                return through;
            });
        }
        List<Future<Boolean>> futures = new ArrayList<>();
        tasks.forEach(task -> futures.add(pool.submit(task)));
        assertTrue(waiting.await(WAIT_S, TimeUnit.SECONDS));
        assertTrue(new DistributedBarrier(client(), "/barrier").waitOnBarrier(300, TimeUnit.MILLISECONDS) == false);
        assertEquals(0, passed.get());
        new DistributedBarrier(client(), "/barrier").removeBarrier();
        for (Future<Boolean> future : futures) {
            assertTrue(future.get(2 * WAIT_S, TimeUnit.SECONDS));
        }
    }

    @Test
    void interProcessSemaphoreV2NeverGrantsMoreThanItsLeases() throws Exception {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger maxHolders = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            InterProcessSemaphoreV2 semaphore = new InterProcessSemaphoreV2(client(), "/semaphore", 2);
            tasks.add(() -> {
                for (int i = 0; i < 4; i++) {
                    Lease lease = semaphore.acquire(2 * WAIT_S, TimeUnit.SECONDS);
                    assertTrue(lease != null);
                    maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                    holders.decrementAndGet();
                    semaphore.returnLease(lease);
                }
                return null;
            });
        }
        runAll(tasks);
        assertTrue(maxHolders.get() <= 2, "max holders " + maxHolders.get());
    }

    @Test
    void curatorCacheMirrorsEveryChangeOfTheSubtree() throws Exception {
        CuratorFramework writer = client();
        writer.create().forPath("/cache");
        CuratorCache cache = CuratorCache.build(client(), "/cache");
        CountDownLatch settled = new CountDownLatch(1);
        cache.listenable().addListener((type, oldData, data) -> {
            boolean allWritten = IntStream.range(0, 10).allMatch(i -> cache.get("/cache/n-" + i)
                    .map(d -> d.getData().length == 1).orElse(false));
            if (allWritten) {
                settled.countDown();
            }
        });
        cache.start();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            CuratorFramework client = client();
            int half = c;
            tasks.add(() -> {
                for (int i = half; i < 10; i += 2) {
                    client.create().forPath("/cache/n-" + i, new byte[0]);
                    client.setData().forPath("/cache/n-" + i, new byte[] {(byte) i});
                }
                return null;
            });
        }
        runAll(tasks);
        assertTrue(settled.await(WAIT_S, TimeUnit.SECONDS), "cache holds " + cache.size() + " nodes");
        for (int i = 0; i < 10; i++) {
            assertEquals(i, cache.get("/cache/n-" + i).orElseThrow().getData()[0]);
        }
        cache.close();
    }
}
