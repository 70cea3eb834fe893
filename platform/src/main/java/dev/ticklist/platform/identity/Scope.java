package dev.ticklist.platform.identity;

import java.util.Locale;

/** What a caller may do. Organisation keys carry read, write or admin; only the gateway itself acts as platform. */
public enum Scope {
    /** Dashboards: read progress and the directory. */
    READ,
    /** An organisation's systems: ticks, enrolments, cohorts. */
    WRITE,
    /** An organisation's administrators: API keys and webhooks. */
    ADMIN,
    /** The platform operator, through the gateway's admin API: creates organisations. */
    PLATFORM;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority a verified identity token grants for this scope. */
    public String authority() {
        return "SCOPE_" + value();
    }
}
