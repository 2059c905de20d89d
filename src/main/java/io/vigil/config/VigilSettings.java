package io.vigil.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Vigil's own process settings (application.properties and environment), as opposed to vigil.yaml. */
@ConfigMapping(prefix = "vigil")
public interface VigilSettings {

    /** The vigil.yaml to read ({@code VIGIL_CONFIG}); else {@link #configYaml()}; else ./vigil.yaml; else the example. */
    Optional<String> config();

    /**
     * The text of a vigil.yaml ({@code VIGIL_CONFIG_YAML}), for platforms where configuration comes as environment
     * variables and not files (Heroku); relative paths in it start from the working directory.
     */
    Optional<String> configYaml();

    /** Where the embedded H2 database keeps its file ({@code VIGIL_DATA_DIR}; the Docker image's volume is /data). */
    @WithDefault("./data")
    String dataDir();

    History history();

    Db db();

    Probes probes();

    Notifications notifications();

    Api api();

    /**
     * The storage keys that {@code DATABASE_URL} is translated into at start-up (see
     * io.vigil.storage.DatabaseUrl); application.properties maps them onto the two datasources.
     */
    interface Db {

        @WithDefault("h2")
        String kind();

        Optional<String> h2Url();

        @WithDefault("true")
        boolean h2Active();

        Optional<String> pgUrl();

        Optional<String> pgUsername();

        Optional<String> pgPassword();

        @WithDefault("false")
        boolean pgActive();
    }

    interface History {

        /** How far back the sample history reaches: the longest range a rule can read. */
        @WithDefault("1h")
        Duration retention();

        /** A hard ceiling on series kept, so a label explosion cannot exhaust the heap. */
        @WithDefault("200000")
        int maxSeries();
    }

    interface Probes {

        /** How many recent results per probe the API shows. */
        @WithDefault("20")
        int recentResults();

        /** How often each probe's last outcome is written to storage (read by ProbeService's schedule). */
        @WithDefault("5s")
        Duration persistInterval();
    }

    /** Delivery of notifications: see io.vigil.notify.outbox.RetryPolicy. */
    interface Notifications {

        /** The longest one delivery attempt may take. */
        @WithDefault("10s")
        Duration timeout();

        /** The longest wait a receiver's Retry-After is honoured for; a longer one is cut to this. */
        @WithDefault("10m")
        Duration maxRetryAfter();

        /** A message still undelivered this long after it was committed is given up, and recorded as failed. */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** How long the delivery ledger and finished outbox messages are kept. */
        @WithDefault("30d")
        Duration ledgerRetention();
    }

    /** Who may use the HTTP API: see io.vigil.auth.ApiTokens. */
    interface Api {

        /** {@code VIGIL_API_TOKENS}: {@code name:token} pairs, comma-separated. Without any, writes are refused. */
        Optional<String> tokens();

        /** {@code VIGIL_API_READ_AUTH}: reads need a token too. */
        @WithDefault("false")
        boolean readAuth();
    }
}
