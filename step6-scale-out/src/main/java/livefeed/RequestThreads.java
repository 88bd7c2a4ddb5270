package livefeed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the requests on a pool of a few threads, and grows it while requests hold threads. A handler
 * takes microseconds, and more threads on one core would only take turns. But the JDK reads a
 * request on its thread and waits there for bytes that are slow to come, so a client that stops
 * half-way holds its thread. Ten times a second a check counts the threads held for more than half
 * a second and adds that many, and one for each request waiting for a thread, up to MOST; once none
 * is held, the pool goes back to its few (the extra threads end when they are next idle).
 * <p>
 * Thread-safe: busySince is a concurrent map, each entry written by its own thread; waiting is
 * atomic; only the check resizes the pool.
 */
final class RequestThreads implements Executor {

    /** The most threads at once: far more than the 200 stalled clients a step must outlast. */
    static final int MOST = 400;
    private static final long HELD_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long CHECK_EVERY_MILLIS = 100;

    private final ThreadPoolExecutor pool;
    private final int few;
    private final Map<Thread, Long> busySince = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "request-threads-check");
        thread.setDaemon(true);
        return thread;
    });

    /** The pool's core size is the few it keeps; its maximum must allow MOST. */
    RequestThreads(ThreadPoolExecutor pool) {
        this.pool = pool;
        this.few = pool.getCorePoolSize();
        checker.scheduleWithFixedDelay(this::check, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable request) {
        waiting.incrementAndGet();
        pool.execute(() -> {
            waiting.decrementAndGet();
            busySince.put(Thread.currentThread(), System.nanoTime());
            try {
                request.run();
            } finally {
                busySince.remove(Thread.currentThread());
            }
        });
    }

    /** Threads reading a request or running a handler right now; a parked poll holds none. */
    int busy() {
        return busySince.size();
    }

    // tag::grow-while-held[]
    private void check() {
        long now = System.nanoTime();
        long held = busySince.values().stream().filter(since -> now - since > HELD_NANOS).count();
        long wanted = held == 0 ? few : Math.min(MOST, few + held + waiting.get());
        if (wanted != pool.getCorePoolSize()) {
            pool.setCorePoolSize((int) wanted); // more: threads start for the waiting requests; fewer: idle ones end
        }
    }
    // end::grow-while-held[]

    /** Stopping: no more checks, and the pool's threads are interrupted. */
    void shutdownNow() {
        checker.shutdownNow();
        pool.shutdownNow();
    }
}
