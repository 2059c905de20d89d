package io.vigil.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.vigil.sample.Labels;
import io.vigil.sample.Sample;

/** What a running probe may use: its deadline, and a place to put the samples it measures. */
public final class ProbeContext {

    private final String probeName;
    private final long deadlineNanos;
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());

    public ProbeContext(String probeName, Duration timeout) {
        this.probeName = probeName;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    public String probeName() {
        return probeName;
    }

    /** Time left before the run is cut off; never negative. */
    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Time left in whole milliseconds, at least 1 so that it can be handed to socket timeouts (where 0 means "forever"). */
    public int remainingMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining().toMillis()));
    }

    public void sample(String metric, double value) {
        samples.add(Sample.of(metric, value));
    }

    public void sample(String metric, Labels labels, double value) {
        samples.add(new Sample(metric, labels, value));
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }
}
