package io.vigil.probe.sendgrid;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The UTC days asked of SendGrid for a window that ends now: its {@code start_date} and {@code end_date}, both
 * included.
 *
 * <p>SendGrid keeps stats per UTC day ({@code aggregated_by=day}, dates as {@code YYYY-MM-DD}): a window cannot be
 * cut at an hour, so it is widened to the whole days it touches. {@code start_date} is the day the window starts in,
 * {@code end_date} the day of now, whose bucket is still filling. A 24h window at 09:30 UTC on 27 November therefore
 * spans two calendar days, the 26th and the 27th: all of yesterday and today so far, 33.5 hours of mail. In general
 * the counts cover at least the window and less than a day more; the ratios, which compare counts of the same span,
 * are what alert rules should read. A window under a day that starts after midnight asks for today alone.
 */
record StatsDays(LocalDate start, LocalDate end) {

    static StatsDays ending(Instant now, Duration window) {
        return new StatsDays(LocalDate.ofInstant(now.minus(window), ZoneOffset.UTC), LocalDate.ofInstant(now, ZoneOffset.UTC));
    }
}
