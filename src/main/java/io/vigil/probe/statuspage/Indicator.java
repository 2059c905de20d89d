package io.vigil.probe.statuspage;

import io.vigil.probe.ProbeFailure;

/**
 * How bad a provider says things are, on Statuspage's scale: the value of {@code probe_statuspage_indicator}.
 *
 * <p>Maintenance (Statuspage's {@code maintenance} indicator, Heroku's blue) is {@link #MINOR}: planned work still
 * takes away some of what the provider serves, so a page-level "something is off" rule ({@code > 0}) should see it,
 * yet it must not page anyone the way an outage does ({@code >= 2}). Mapping it to {@link #NONE} would also have the
 * page claim all is well while its components report {@code under_maintenance} as not up.
 */
enum Indicator {
    NONE(0), MINOR(1), MAJOR(2), CRITICAL(3);

    final int value;

    Indicator(int value) {
        this.value = value;
    }

    /** Statuspage's {@code status.indicator}. */
    static Indicator ofStatuspage(String indicator) throws ProbeFailure {
        return switch (indicator) {
            case "none" -> NONE;
            case "minor", "maintenance" -> MINOR;
            case "major" -> MAJOR;
            case "critical" -> CRITICAL;
            case null -> throw new ProbeFailure("the Statuspage summary has no status.indicator");
            default -> throw new ProbeFailure("the Statuspage summary has an unknown status.indicator \""
                    + indicator + "\" (known: none, minor, major, critical, maintenance)");
        };
    }

    /**
     * A colour of Heroku's status API. Heroku has a single outage colour, red, and calls it a major outage of the
     * system, which is what Statuspage's critical ("Major System Outage") means; yellow (degraded, some users
     * affected) is minor. Nothing Heroku says maps to {@link #MAJOR}.
     */
    static Indicator ofHerokuColour(String system, String colour) throws ProbeFailure {
        return switch (colour) {
            case "green" -> NONE;
            case "yellow", "blue" -> MINOR;
            case "red" -> CRITICAL;
            case null -> throw new ProbeFailure("Heroku's status has no colour for system \"" + system + "\"");
            default -> throw new ProbeFailure("Heroku's status has an unknown colour \"" + colour + "\" for system \""
                    + system + "\" (known: green, yellow, red, blue)");
        };
    }

    Indicator worse(Indicator other) {
        return other.value > value ? other : this;
    }
}
