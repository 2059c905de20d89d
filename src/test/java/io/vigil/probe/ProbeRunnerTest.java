package io.vigil.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.vigil.config.ProbeDefinition;
import io.vigil.sample.Sample;

class ProbeRunnerTest {

    private final ProbeRunner runner = new ProbeRunner(Clock.systemUTC());

    @Test
    void aProbeThatHangsIsCutOffAtItsTimeoutAndInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        ProbeResult result = runner.run(probe((spec, context) -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return ProbeOutcome.succeeded();
        }), definition(Duration.ofMillis(200)));

        assertThat(result.success()).isFalse();
        assertThat(result.error()).isEqualTo("timed out after 200ms");
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the hung run was interrupted").isTrue();
        assertThat(result.samples()).extracting(Sample::metric).containsExactly("probe_success", "probe_duration_seconds");
        assertThat(result.samples().get(0).value()).isZero();
    }

    @Test
    void aProbeFailureKeepsItsReasonAndItsSamples() {
        ProbeResult result = runner.run(probe((spec, context) -> {
            context.sample("probe_http_status_code", 503);
            throw new ProbeFailure("HTTP status 503 is not a valid status code (2xx)");
        }), definition(Duration.ofSeconds(5)));

        assertThat(result.error()).isEqualTo("HTTP status 503 is not a valid status code (2xx)");
        assertThat(result.samples()).extracting(Sample::metric)
                .containsExactly("probe_http_status_code", "probe_success", "probe_duration_seconds");
    }

    @Test
    void anUnexpectedExceptionBecomesAFailureNamingIt() {
        ProbeResult result = runner.run(probe((spec, context) -> {
            throw new IllegalStateException("boom");
        }), definition(Duration.ofSeconds(5)));

        assertThat(result.success()).isFalse();
        assertThat(result.error()).isEqualTo("IllegalStateException: boom");
    }

    @Test
    void aSuccessfulRunReportsSuccessAndDuration() {
        ProbeResult result = runner.run(probe((spec, context) -> ProbeOutcome.succeeded()), definition(Duration.ofSeconds(5)));
        assertThat(result.success()).isTrue();
        assertThat(result.error()).isNull();
        assertThat(result.samples().get(0)).isEqualTo(Sample.of("probe_success", 1));
        assertThat(result.durationSeconds()).isPositive();
    }

    interface Body {
        ProbeOutcome run(Object spec, ProbeContext context) throws Exception;
    }

    private static Probe<Object> probe(Body body) {
        return new Probe<>() {
            @Override
            public String type() {
                return "test";
            }

            @Override
            public Class<Object> specType() {
                return Object.class;
            }

            @Override
            public Map<String, String> metrics() {
                return Map.of();
            }

            @Override
            public ProbeOutcome run(Object spec, ProbeContext context) throws Exception {
                return body.run(spec, context);
            }
        };
    }

    private static ProbeDefinition definition(Duration timeout) {
        return new ProbeDefinition("p", "test", Duration.ofSeconds(30), timeout, Map.of(), new Object());
    }
}
