package dev.ticklist.checklist.imports;

import dev.ticklist.checklist.directory.DirectoryCommands;
import dev.ticklist.checklist.tick.TickCommands;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.web.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;

/**
 * Imports a cohort's ticks, unticks, starts and skips from one streamed body, line by line: each
 * line is checked (the learner enrolled, the item in the cohort's checklist version, the time not
 * in the future) and becomes one event, or is refused with its reason; the lines around a refused
 * one are recorded all the same. Events keep the time the line gives ({@code time} of the CloudEvent) and
 * are written now (the Kafka record's timestamp); each has an id made from the import's id and its
 * line number, so an import run again publishes the same ids.
 */
public class TickImports {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    public static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private static final Pattern IMPORT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    /** Clocks differ a little; a tick from further ahead than this is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final int CHUNK = 5000;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final TickCommands ticks;
    private final DirectoryCommands directory;
    private final EventPublisher publisher;
    private final ImportRecords records;
    private final ImportLimits limits;
    private final Clock clock;

    public TickImports(TickCommands ticks, DirectoryCommands directory, EventPublisher publisher, ImportRecords records, ImportLimits limits,
                       Clock clock) {
        this.ticks = ticks;
        this.directory = directory;
        this.publisher = publisher;
        this.records = records;
        this.limits = limits;
        this.clock = clock;
    }

    /** What a request to import got: the report, and whether it is the answer of an earlier request. */
    public record Outcome(ImportReport report, boolean replayed) {
    }

    public Outcome run(String organisationId, String cohortId, String importId, MediaType type, InputStream body)
            throws IOException {
        requireImportId(importId);
        boolean csv = formatOf(type);
        var checklist = ticks.checklistOfCohort(organisationId, cohortId);
        var digest = new DigestInputStream(body, sha256());
        switch (records.claim(organisationId, cohortId, importId)) {
            case ImportRecords.Claim.Running running -> throw Problems.conflict("import-in-progress",
                    "import " + importId + " is still running; GET it to follow its progress");
            case ImportRecords.Claim.Ended ended -> {
                digest.transferTo(OutputStream.nullOutputStream());
                if (!fingerprint(type, digest).equals(ended.fingerprint())) {
                    throw Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-id-reused",
                            "import " + importId + " was made with a different body; choose a new import id");
                }
                return new Outcome(ended.report(), true);
            }
            case ImportRecords.Claim.Claimed claimed -> {
            }
        }
        try {
            var run = new Run(organisationId, cohortId, importId, checklist);
            var report = run.readAll(new ImportReader(digest, limits.maxLineBytes(), limits.maxLines()), csv);
            records.ended(organisationId, cohortId, fingerprint(type, digest), report);
            return new Outcome(report, false);
        } catch (IOException | RuntimeException e) {
            records.release(organisationId, cohortId, importId);
            throw e;
        }
    }

    public ImportReport report(String organisationId, String cohortId, String importId) {
        requireImportId(importId);
        directory.catchUp(organisationId);
        directory.requireCohort(organisationId, cohortId);
        return records.find(organisationId, cohortId, importId)
                .orElseThrow(() -> Problems.notFound("no import " + importId + " in cohort " + cohortId));
    }

    /** The problem a stopped import answers with, its report attached. */
    public static ErrorResponseException tooLarge(ImportReport report) {
        var problem = Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "import-too-large", report.stoppedBecause()
                + ": lines 1 to " + report.lines() + " were read (see report), the rest was not");
        problem.getBody().setProperty("report", report);
        return problem;
    }

    /** One import being read: the lines so far, sent a chunk at a time. */
    private final class Run {
        private final String organisationId;
        private final String cohortId;
        private final String importId;
        private final ChecklistVersionPublished checklist;
        private final Set<String> items;
        private final Set<String> learners;
        private final Instant startedAt = clock.instant();
        private final List<Identified<LearnerActivityEvent>> chunk = new ArrayList<>();
        private final List<ImportReport.Refusal> refusals = new ArrayList<>();
        private long lines;
        private long ticked;
        private long unticked;
        private long started;
        private long skipped;
        private long refused;
        private Instant lastProgress = startedAt;

        Run(String organisationId, String cohortId, String importId, TickCommands.CohortChecklist checklist) {
            this.organisationId = organisationId;
            this.cohortId = cohortId;
            this.importId = importId;
            this.checklist = checklist.version();
            this.learners = checklist.learners();
            this.items = TickCommands.itemsOf(checklist.version());
        }

        ImportReport readAll(ImportReader reader, boolean csv) throws IOException {
            LineFormat format = csv ? null : LineFormat.ndjson();
            for (var line = reader.next(); line != null; line = reader.next()) {
                lines = line.number();
                try {
                    String text = switch (line) {
                        case ImportReader.Line.Text readable -> readable.text();
                        case ImportReader.Line.Unreadable unreadable -> throw new RefusedLine(unreadable.reason());
                    };
                    if (format == null) {
                        format = text.isBlank() ? null : headerOf(line.number(), text);
                        continue;
                    }
                    var parsed = format.parse(text);
                    if (parsed != null) {
                        record(line.number(), parsed);
                    }
                } catch (RefusedLine refusal) {
                    refuse(line.number(), refusal.getMessage());
                }
                if (chunk.size() == CHUNK) {
                    send();
                }
                reportNowAndThen();
            }
            send();
            boolean stopped = reader.tooMany();
            return report(stopped ? "stopped" : "finished",
                    stopped ? "the import is over the limit of " + limits.maxLines() + " lines" : null, clock.instant());
        }

        /** Without its header no line of a CSV body can be read: the whole import is refused. */
        private static LineFormat headerOf(long number, String header) {
            try {
                return LineFormat.csv(header);
            } catch (RefusedLine refusal) {
                throw Problems.invalid("malformed-csv-header", "line " + number + ": " + refusal.getMessage());
            }
        }

        private void record(long number, ImportLine line) throws RefusedLine {
            if (!Ids.isExternal(line.learnerId())) {
                throw new RefusedLine("learnerId '" + Text.abbreviate(line.learnerId()) + "' is malformed");
            }
            if (!learners.contains(line.learnerId())) {
                throw new RefusedLine("learner " + line.learnerId() + " is not enrolled in cohort " + cohortId);
            }
            if (!items.contains(line.itemId())) {
                throw new RefusedLine("item '" + Text.abbreviate(line.itemId()) + "' is not in checklist "
                        + checklist.checklistId() + " v" + checklist.version());
            }
            if (line.at() != null && line.at().isAfter(clock.instant().plus(CLOCK_SKEW))) {
                throw new RefusedLine("at " + line.at() + " is in the future");
            }
            LearnerActivityEvent event = line.change().eventFor(organisationId, cohortId, line.learnerId(),
                    checklist, line.itemId());
            chunk.add(new Identified<>(eventId(number), event, line.at()));
            switch (line.change().state()) {
                case DONE -> ticked++;
                case NOT_STARTED -> unticked++;
                case IN_PROGRESS -> started++;
                case SKIPPED -> skipped++;
            }
        }

        private void refuse(long number, String reason) {
            refused++;
            if (refusals.size() < ImportReport.LISTED) {
                refusals.add(new ImportReport.Refusal(number, reason));
            }
        }

        /** Publishes the chunk; it is acknowledged before the next line is read. */
        private void send() {
            if (!chunk.isEmpty()) {
                publisher.publishAll(Topics.LEARNER_ACTIVITY, chunk);
                chunk.clear();
            }
        }

        /**
         * Every second, how far it got (what is recorded so far: the lines of the chunk not yet
         * sent are sent first), which also keeps the import's claim, even while lines are refused.
         */
        private void reportNowAndThen() {
            var now = clock.instant();
            if (Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) >= 0) {
                send();
                records.progress(organisationId, cohortId, report("running", null, null));
                lastProgress = now;
            }
        }

        private ImportReport report(String status, String stoppedBecause, Instant endedAt) {
            return new ImportReport(importId, cohortId, status, lines, ticked + unticked + started + skipped, ticked,
                    unticked, started, skipped, refused, List.copyOf(refusals), stoppedBecause, startedAt, endedAt);
        }

        /** The same line of the same import always has the same event id. */
        private String eventId(long number) {
            return UUID.nameUUIDFromBytes((organisationId + "/" + cohortId + "/" + importId + "/" + number)
                    .getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    private static void requireImportId(String importId) {
        if (importId == null || !IMPORT_ID.matcher(importId).matches()) {
            throw Problems.invalid("malformed-id", "import id '" + Text.abbreviate(String.valueOf(importId))
                    + "' is malformed: use 1-64 letters, digits or . _ -, starting with a letter or digit");
        }
    }

    /** Whether the body is CSV (else NDJSON); any other type is refused. */
    private static boolean formatOf(MediaType type) {
        if (type != null && NDJSON.isCompatibleWith(type)) {
            return false;
        }
        if (type != null && CSV.isCompatibleWith(type)) {
            return true;
        }
        throw Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "send the lines as application/x-ndjson or text/csv (UTF-8)");
    }

    private static String fingerprint(MediaType type, DigestInputStream body) {
        return (CSV.isCompatibleWith(type) ? "csv:" : "ndjson:") + HexFormat.of().formatHex(body.getMessageDigest().digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
