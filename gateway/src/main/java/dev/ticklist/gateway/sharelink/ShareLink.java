package dev.ticklist.gateway.sharelink;

import dev.ticklist.events.access.ShareLinkCreated;
import dev.ticklist.platform.identity.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

/**
 * A link to one cohort, or to one learner of it, that opens the dashboard without a key. What it
 * reaches is a short list of paths of the public API (below), each under that cohort; everything
 * else of the organisation stays out of its reach.
 *
 * @param learnerId the learner it shows; null for a link to the whole cohort
 * @param createdAt when it was made
 */
public record ShareLink(String organisationId, String linkId, String sha256, String cohortId, String learnerId,
                        Access access, Instant expiresAt, String label, Instant createdAt) {

    /** What a cohort's link may read under {@code /api/v1/progress/cohorts/{cohortId}/}. */
    private static final List<String> COHORT_READS = List.of("learners", "table.csv", "ticks-per-day", "burn-up", "pace",
            "stream");

    /**
     * What the holder may do: read, or (a learner's own link) also tick that learner's items, set their
     * states and give evidence.
     */
    public enum Access {
        READ, TICK;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Access of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    static ShareLink of(ShareLinkCreated created, Instant createdAt) {
        return new ShareLink(created.organisationId(), created.linkId(), created.sha256(), created.cohortId(),
                created.learnerId(), Access.of(created.access()), created.expiresAt(), created.label(), createdAt);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The scopes the services see: read, and write for a learner's own link (its paths are fewer still). */
    public Set<Scope> scopes() {
        return access == Access.TICK ? Set.of(Scope.READ, Scope.WRITE) : Set.of(Scope.READ);
    }

    /**
     * Whether the link reaches this request. Segments are compared decoded ({@code %40} is
     * {@code @}, as the services read them); the path has passed the strict firewall, so no
     * segment can hide a slash or a {@code ..}.
     */
    public boolean reaches(HttpMethod method, String path) {
        if (path.endsWith("/")) {
            return false; // no path a link reaches ends with a slash
        }
        var parsed = PathContainer.parsePath(path).elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(PathContainer.PathSegment.class::cast)
                .toList();
        if (parsed.stream().anyMatch(segment -> !segment.parameters().isEmpty())) {
            return false; // matrix parameters (the firewall refuses them too)
        }
        List<String> segments = parsed.stream().map(PathContainer.PathSegment::valueToMatch).toList();
        if (HttpMethod.GET.equals(method)) {
            return readable(segments);
        }
        return access == Access.TICK && learnerId != null && tickable(method, segments);
    }

    private boolean readable(List<String> path) {
        if (path.equals(List.of("api", "v1", "cohorts", cohortId))) {
            return true;
        }
        if (!startsWith(path, "api", "v1", "progress", "cohorts", cohortId)) {
            return false;
        }
        List<String> rest = path.subList(5, path.size());
        if (learnerId != null) {
            // The learner's own progress and pace in the cohort, and nothing of the others'.
            return rest.equals(List.of("learners", learnerId)) || rest.equals(List.of("learners", learnerId, "pace"));
        }
        return rest.isEmpty()
                || rest.size() == 1 && COHORT_READS.contains(rest.getFirst())
                || rest.size() == 2 && rest.getFirst().equals("learners") && !rest.get(1).isEmpty()
                || rest.size() == 3 && rest.getFirst().equals("learners") && !rest.get(1).isEmpty()
                        && rest.get(2).equals("pace");
    }

    /**
     * Ticks and unticks the learner's items, sets their states (in progress, skipped, …), and
     * attaches or takes away evidence on them: the learner's own work, so their own link may show it.
     */
    private boolean tickable(HttpMethod method, List<String> path) {
        if (!startsWith(path, "api", "v1", "cohorts", cohortId, "learners", learnerId, "ticks")) {
            return false;
        }
        List<String> rest = path.subList(7, path.size());
        boolean item = !rest.isEmpty() && !rest.getFirst().isEmpty();
        return HttpMethod.POST.equals(method) && rest.isEmpty()
                || HttpMethod.DELETE.equals(method) && rest.size() == 1 && item
                || (HttpMethod.PUT.equals(method) || HttpMethod.DELETE.equals(method))
                        && rest.size() == 2 && item && rest.get(1).equals("evidence")
                || HttpMethod.PUT.equals(method) && rest.size() == 2 && item && rest.get(1).equals("state");
    }

    private static boolean startsWith(List<String> path, String... prefix) {
        return path.size() >= prefix.length && path.subList(0, prefix.length).equals(List.of(prefix));
    }
}
