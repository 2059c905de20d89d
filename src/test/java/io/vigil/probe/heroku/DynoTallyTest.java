package io.vigil.probe.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.probe.ProbeFailure;

class DynoTallyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsEveryStateOverPagesAndFollowsNextRangeOnlyOn206() throws Exception {
        DynoTally tally = new DynoTally();

        assertThat(tally.add(dynos("web.1:up", "web.2:up", "worker.1:crashed"), 206, "id ]web.2..; max=200;"))
                .contains("id ]web.2..; max=200;");
        assertThat(tally.add(dynos("worker.2:starting", "clock.1:idle", "release.1:down", "run.1:bogus"), 200,
                "id ]run.1..; max=200;")).isEmpty();

        assertThat(tally.byState()).containsExactly(Map.entry("up", 2L), Map.entry("crashed", 1L),
                Map.entry("idle", 1L), Map.entry("starting", 1L), Map.entry("down", 1L));
        assertThat(tally.crashed()).containsExactly("worker.1");
        assertThat(tally.crashReason()).contains("1 dyno crashed: worker.1");
    }

    @Test
    void anAppWithoutDynosHasEveryStateAtZeroAndNoCrash() throws Exception {
        DynoTally tally = new DynoTally();

        assertThat(tally.add(JSON.readTree("[]"), 200, null)).isEmpty();
        assertThat(tally.byState()).containsOnlyKeys(DynoTally.STATES).allSatisfy((state, n) -> assertThat(n).isZero());
        assertThat(tally.crashReason()).isEmpty();
    }

    @Test
    void a206WithoutNextRangeEndsTheListing() throws Exception {
        assertThat(new DynoTally().add(dynos("web.1:up"), 206, " ")).isEmpty();
    }

    @Test
    void namesTheFirstTenCrashedDynosAndCountsTheRest() throws Exception {
        DynoTally tally = new DynoTally();
        String[] crashed = new String[12];
        for (int i = 0; i < crashed.length; i++) {
            crashed[i] = "worker." + (i + 1) + ":crashed";
        }
        tally.add(dynos(crashed), 200, null);

        assertThat(tally.crashReason()).contains("12 dynos crashed: worker.1, worker.2, worker.3, worker.4, "
                + "worker.5, worker.6, worker.7, worker.8, worker.9, worker.10 and 2 more");
    }

    @Test
    void aRangeAnsweredTwiceOrABodyThatIsNoListFails() throws Exception {
        DynoTally tally = new DynoTally();
        tally.add(dynos("web.1:up"), 206, "id ]web.1..");

        assertThatThrownBy(() -> tally.add(dynos("web.1:up"), 206, "id ]web.1..")).isInstanceOf(ProbeFailure.class)
                .hasMessageContaining("again");
        assertThatThrownBy(() -> new DynoTally().add(JSON.readTree("{\"id\":\"not_found\"}"), 200, null))
                .isInstanceOf(ProbeFailure.class).hasMessageContaining("list of dynos");
    }

    /** Dynos given as "name:state". */
    private static JsonNode dynos(String... dynos) throws Exception {
        var array = JSON.createArrayNode();
        for (String dyno : dynos) {
            String[] parts = dyno.split(":");
            array.addObject().put("name", parts[0]).put("type", parts[0].split("\\.")[0]).put("state", parts[1]);
        }
        return array;
    }
}
