package io.vigil.rule;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vigil.sample.Sample;

/** A running rule group: its timer, the metrics its rules read, and whether an evaluation is queued. */
final class ScheduledGroup {

    private final RuleGroup group;
    private final Set<String> reads;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile ScheduledFuture<?> future;
    /** As if the last evaluation were long past, so that the first one starts at once. */
    private volatile long lastStartNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);

    ScheduledGroup(RuleGroup group, Set<String> reads) {
        this.group = group;
        this.reads = reads;
    }

    static String key(RuleGroup group) {
        return group.definition().file() + ";" + group.name();
    }

    String key() {
        return key(group);
    }

    RuleGroup group() {
        return group;
    }

    void future(ScheduledFuture<?> scheduled) {
        this.future = scheduled;
    }

    void cancel() {
        ScheduledFuture<?> current = future;
        if (current != null) {
            current.cancel(false);
        }
    }

    /** Whether one of {@code samples} is of a metric this group's rules read. */
    boolean reads(List<Sample> samples) {
        if (reads.contains(RuleReads.ANY)) {
            return true;
        }
        for (Sample sample : samples) {
            if (reads.contains(sample.metric())) {
                return true;
            }
        }
        return false;
    }

    long lastStartNanos() {
        return lastStartNanos;
    }

    void started(long nanos) {
        lastStartNanos = nanos;
    }

    boolean claimPending() {
        return pending.compareAndSet(false, true);
    }

    void releasePending() {
        pending.set(false);
    }
}
