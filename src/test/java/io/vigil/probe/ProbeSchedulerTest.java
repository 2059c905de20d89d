package io.vigil.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ProbeSchedulerTest {

    @Test
    void aJobThatNeverReturnsDoesNotDelayAnother() {
        List<Duration> lags = new CopyOnWriteArrayList<>();
        AtomicInteger fastRuns = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        try (ProbeScheduler scheduler = new ProbeScheduler(Clock.systemUTC(), lags::add)) {
            scheduler.schedule("hangs", Duration.ofMillis(100), planned -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, planned -> { });
            scheduler.schedule("fast", Duration.ofMillis(100), planned -> fastRuns.incrementAndGet(), planned -> { });

            await().atMost(Duration.ofSeconds(3)).until(() -> fastRuns.get() >= 10);
        }
        assertThat(lags).isNotEmpty();
    }

    @Test
    void eachRunIsToldItsPlannedTimeAndTheNextOneIsAnnounced() {
        List<Instant> planned = new CopyOnWriteArrayList<>();
        List<Instant> announced = new CopyOnWriteArrayList<>();
        try (ProbeScheduler scheduler = new ProbeScheduler(Clock.systemUTC(), lag -> { })) {
            ProbeScheduler.Handle handle = scheduler.schedule("web", Duration.ofMillis(50), planned::add, announced::add);
            await().atMost(Duration.ofSeconds(3)).until(() -> planned.size() >= 3);
            handle.cancel();
        }
        // Planned times keep to the grid; a slot missed on a loaded machine is skipped, never squeezed in.
        for (int i = 1; i < planned.size(); i++) {
            long gap = Duration.between(planned.get(i - 1), planned.get(i)).toMillis();
            assertThat(gap).isPositive().matches(g -> g % 50 == 0, "a multiple of the interval");
        }
        assertThat(announced).containsAll(planned);
    }
}
