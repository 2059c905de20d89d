package io.vigil.probe.netlify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.probe.ProbeFailure;

class LatestDeployTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFailedDeployIsReadFromItsCreationWithItsErrorMessage() throws Exception {
        LatestDeploy deploy = LatestDeploy.of(JSON.readTree("[{\"id\":\"674702a1b2c3d4e5f6a7b8c9\",\"state\":\"error\","
                + "\"error_message\":\"Build script returned\\n non-zero exit code: 2\",\"context\":\"production\","
                + "\"created_at\":\"2026-11-27T10:12:01.123Z\",\"published_at\":null}]")).orElseThrow();

        assertThat(deploy.state()).isEqualTo("error");
        assertThat(deploy.failed()).isTrue();
        assertThat(deploy.createdAt()).isEqualTo(Instant.parse("2026-11-27T10:12:01.123Z"));
        assertThat(deploy.createdAtSeconds())
                .isEqualTo(Instant.parse("2026-11-27T10:12:01.123Z").toEpochMilli() / 1000.0);
        assertThat(deploy.failureReason()).isEqualTo("latest deploy 674702a1b2c3d4e5f6a7b8c9 failed (state error): "
                + "\"Build script returned non-zero exit code: 2\"");
    }

    @Test
    void aReadyDeployHasNotFailedAndOffsetsAreHonoured() throws Exception {
        LatestDeploy deploy = LatestDeploy.of(JSON.readTree("[{\"id\":\"d1\",\"state\":\"ready\","
                + "\"created_at\":\"2026-11-27T11:12:01+01:00\",\"published_at\":\"2026-11-27T10:13:00Z\"},"
                + "{\"id\":\"d0\",\"state\":\"error\",\"created_at\":\"2026-11-26T10:00:00Z\"}]")).orElseThrow();

        assertThat(deploy.id()).isEqualTo("d1");
        assertThat(deploy.failed()).isFalse();
        assertThat(deploy.createdAtSeconds()).isEqualTo(Instant.parse("2026-11-27T10:12:01Z").getEpochSecond());
    }

    @Test
    void aSiteWithoutDeploysHasNoLatestAndAStatelessDeployIsUnknown() throws Exception {
        assertThat(LatestDeploy.of(JSON.readTree("[]"))).isEmpty();
        assertThat(LatestDeploy.of(JSON.readTree("[{\"id\":\"d\",\"created_at\":\"2026-11-27T10:12:01Z\"}]"))
                .orElseThrow().state()).isEqualTo("unknown");
    }

    @Test
    void anErrorWithoutMessageSaysSoAndALongOneIsCut() throws Exception {
        assertThat(new LatestDeploy("d", "error", Instant.EPOCH, null).failureReason())
                .isEqualTo("latest deploy d failed (state error): no error_message given");
        assertThat(new LatestDeploy("d", "error", Instant.EPOCH, "x".repeat(500)).failureReason())
                .endsWith("x".repeat(LatestDeploy.QUOTED) + "…\"");
    }

    @Test
    void somethingOtherThanAListingOrAnUnreadableDateFails() {
        assertThatThrownBy(() -> LatestDeploy.of(JSON.readTree("{\"code\":404,\"message\":\"Not Found\"}")))
                .isInstanceOf(ProbeFailure.class).hasMessageContaining("list of deploys");
        assertThatThrownBy(() -> LatestDeploy.of(JSON.readTree("[{\"id\":\"d\",\"state\":\"ready\"}]")))
                .isInstanceOf(ProbeFailure.class).hasMessageContaining("created_at");
    }
}
