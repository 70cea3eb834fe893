package dev.ticklist.checklist.imports;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each import's report under its id, per organisation and cohort, in Redis: claimed when an
 * import starts (so a second request with the same id waits its turn), updated as it runs, kept
 * for {@link #KEEP} once it ended, with the fingerprint of the body it read. A claim whose import
 * stopped updating (its instance died) lapses after {@link #LEASE}, and a retry runs again.
 * Like the idempotency keys, these are a convenience, not a record: the events are in Kafka, and
 * an import run again publishes its lines under the same event ids.
 */
class ImportRecords {

    static final Duration KEEP = Duration.ofDays(7);
    static final Duration LEASE = Duration.ofMinutes(2);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = RedisScript.of("""
            if redis.call('HSETNX', KEYS[1], 'status', 'running') == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              return {'claimed'}
            end
            local stored = redis.call('HMGET', KEYS[1], 'status', 'fingerprint', 'report')
            return {stored[1] or '', stored[2] or '', stored[3] or ''}
            """, List.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    ImportRecords(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** What a claim found: nothing (now claimed), an import still running, or one that ended. */
    sealed interface Claim {
        record Claimed() implements Claim {
        }

        record Running() implements Claim {
        }

        record Ended(String fingerprint, ImportReport report) implements Claim {
        }
    }

    Claim claim(String organisationId, String cohortId, String importId) {
        List<?> stored = redis.execute(CLAIM, List.of(key(organisationId, cohortId, importId)),
                Long.toString(LEASE.toMillis()));
        if (stored.getFirst().equals("claimed")) {
            return new Claim.Claimed();
        }
        if (stored.getFirst().equals("running")) {
            return new Claim.Running();
        }
        return new Claim.Ended((String) stored.get(1), read((String) stored.get(2)));
    }

    Optional<ImportReport> find(String organisationId, String cohortId, String importId) {
        Object report = redis.opsForHash().get(key(organisationId, cohortId, importId), "report");
        return Optional.ofNullable(report).map(stored -> read((String) stored));
    }

    /** Records how far a running import got, and keeps its claim. */
    void progress(String organisationId, String cohortId, ImportReport soFar) {
        String key = key(organisationId, cohortId, soFar.importId());
        redis.opsForHash().put(key, "report", json.writeValueAsString(soFar));
        redis.expire(key, LEASE);
    }

    void ended(String organisationId, String cohortId, String fingerprint, ImportReport report) {
        String key = key(organisationId, cohortId, report.importId());
        redis.opsForHash().putAll(key, Map.of("status", report.status(), "fingerprint", fingerprint,
                "report", json.writeValueAsString(report)));
        redis.expire(key, KEEP);
    }

    /** An import that failed part-way (the broker, a dropped connection): a retry may run it again. */
    void release(String organisationId, String cohortId, String importId) {
        redis.delete(key(organisationId, cohortId, importId));
    }

    private ImportReport read(String report) {
        return json.readValue(report, ImportReport.class);
    }

    private static String key(String organisationId, String cohortId, String importId) {
        return "imports:{" + organisationId + "}:" + cohortId + ":" + importId;
    }
}
