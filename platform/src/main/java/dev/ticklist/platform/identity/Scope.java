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

    /** What every granted authority starts with, as Spring Security names a token's scopes. */
    public static final String AUTHORITY_PREFIX = "SCOPE_";

    // Worked out once: they are read on every request.
    private final String value = name().toLowerCase(Locale.ROOT);
    private final String authority = AUTHORITY_PREFIX + value;

    public String value() {
        return value;
    }

    /** The Spring Security authority a verified identity token grants for this scope. */
    public String authority() {
        return authority;
    }
}
