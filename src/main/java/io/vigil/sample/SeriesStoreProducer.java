package io.vigil.sample;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vigil.config.VigilSettings;
import io.vigil.metrics.VigilMetrics;

/** Wires the one {@link SeriesStore} of the process and sweeps it. */
@ApplicationScoped
public class SeriesStoreProducer {

    @Produces
    @Singleton
    SeriesStore seriesStore(Clock clock, VigilSettings settings, MeterRegistry meters) {
        SeriesStore store = new SeriesStore(clock, settings.history().retention(), settings.history().maxSeries());
        Gauge.builder(VigilMetrics.HISTORY_SERIES, store, SeriesStore::seriesCount)
                .description("Series held in the sample history that rules read")
                .register(meters);
        return store;
    }

    @Inject
    Instance<SeriesStore> store;

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        store.get().dropStaleSeries();
    }
}
