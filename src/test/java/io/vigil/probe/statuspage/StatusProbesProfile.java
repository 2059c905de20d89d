package io.vigil.probe.statuspage;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One Quarkus start for the statuspage and rdap probes of src/test/resources/statuspage/vigil.yaml. */
public class StatusProbesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("vigil.config", "src/test/resources/statuspage/vigil.yaml",
                "vigil.db.h2-url", "jdbc:h2:mem:statuspage;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
