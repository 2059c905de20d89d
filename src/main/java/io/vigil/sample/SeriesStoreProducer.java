package io.vigil.sample;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.vigil.config.VigilSettings;

/** Wires the one {@link SeriesStore} of the process and sweeps it. */
@ApplicationScoped
public class SeriesStoreProducer {

    @Produces
    @Singleton
    SeriesStore seriesStore(Clock clock, VigilSettings settings) {
        return new SeriesStore(clock, settings.history().retention(), settings.history().maxSeries());
    }

    @Inject
    Instance<SeriesStore> store;

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        store.get().dropStaleSeries();
    }
}
