package io.vigil.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesBufferTest {

    @Test
    void keepsSamplesInOrderAndDropsThoseOlderThanRetention() {
        SeriesBuffer buffer = new SeriesBuffer();
        for (int t = 1; t <= 100; t++) {
            buffer.append(t * 1000L, t, t * 1000L - 10_000);
        }
        assertThat(buffer.size()).as("10 s of 1 s samples, plus the one at the edge").isEqualTo(11);
        assertThat(buffer.range(95_000, 100_000)).extracting(SeriesBuffer.Point::value)
                .as("a range excludes its start and includes its end, as PromQL does")
                .containsExactly(96.0, 97.0, 98.0, 99.0, 100.0);
    }

    @Test
    void latestHonoursTheLookback() {
        SeriesBuffer buffer = new SeriesBuffer();
        buffer.append(1_000, 1, 0);
        buffer.append(2_000, 2, 0);
        assertThat(buffer.latest(1_500, 0)).isEqualTo(new SeriesBuffer.Point(1_000, 1));
        assertThat(buffer.latest(10_000, 5_000)).as("too old for the lookback").isNull();
        assertThat(buffer.latest(500, 0)).isNull();
    }

    @Test
    void keepsExactTimestampsAcrossMoreThanAnIntOfMilliseconds() {
        SeriesBuffer buffer = new SeriesBuffer();
        long day = 24L * 3600 * 1000;
        long t0 = 1_795_000_000_000L;
        buffer.append(t0, 1, 0);
        buffer.append(t0 + 20 * day, 2, 0);
        buffer.append(t0 + 30 * day, 3, 0);

        assertThat(buffer.range(0, Long.MAX_VALUE)).as("samples over 24.8 days older than the newest are dropped")
                .containsExactly(new SeriesBuffer.Point(t0 + 20 * day, 2), new SeriesBuffer.Point(t0 + 30 * day, 3));
        assertThat(buffer.latest(t0 + 30 * day, 0)).isEqualTo(new SeriesBuffer.Point(t0 + 30 * day, 3));
    }

    @Test
    void ignoresOutOfOrderSamples() {
        SeriesBuffer buffer = new SeriesBuffer();
        buffer.append(2_000, 2, 0);
        buffer.append(1_000, 1, 0);
        buffer.append(2_000, 3, 0);
        assertThat(buffer.range(0, 10_000)).containsExactly(new SeriesBuffer.Point(2_000, 2));
    }
}
