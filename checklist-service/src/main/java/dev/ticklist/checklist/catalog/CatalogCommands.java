package dev.ticklist.checklist.catalog;

import dev.ticklist.events.Topics;
import dev.ticklist.events.catalog.CatalogEvent;
import dev.ticklist.events.catalog.ChecklistDraftSaved;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.platform.kafka.AggregateWriters;
import dev.ticklist.platform.kafka.AggregateWriters.Decision;
import dev.ticklist.platform.kafka.TopicFollower;
import dev.ticklist.platform.web.Problems;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;

/**
 * Organisations' own checklists: copy a template (or start empty), edit the draft, publish it
 * as an immutable numbered version. Every command is decided by the one writer of the
 * checklist's catalog partition ({@link AggregateWriters}), after catching up with it, so two
 * instances never give two versions one number or lose one of two edits; it answers only once
 * its event is applied here.
 */
@Service
public class CatalogCommands {

    private final Catalog catalog;
    private final TopicFollower<CatalogEvent> follower;
    private final AggregateWriters writers;

    CatalogCommands(Catalog catalog, TopicFollower<CatalogEvent> follower, AggregateWriters writers) {
        this.catalog = catalog;
        this.follower = follower;
        this.writers = writers;
    }

    /** A new checklist of the organisation, as a draft: a copy of {@code copyOf} or the empty levels. */
    public ChecklistDraftSaved create(String organisationId, String title, String copyOf,
                                                   Integer copyOfVersion) {
        ChecklistContent content;
        String basedOn = null;
        if (copyOf == null) {
            content = ChecklistContent.empty(title);
        } else {
            ChecklistIds.requireSlug("checklist", copyOf);
            catchUp(copyOf);
            var source = (copyOfVersion == null ? catalog.latest(organisationId, copyOf)
                    : catalog.version(organisationId, copyOf, copyOfVersion))
                    .orElseThrow(() -> Problems.notFound("checklist " + copyOf
                            + (copyOfVersion == null ? "" : " v" + copyOfVersion) + " does not exist"));
            content = new ChecklistContent(title == null ? source.title() : title, source.levels());
            basedOn = source.checklistId() + "@" + source.version();
        }
        return createDraft(organisationId, content, basedOn);
    }

    /** A new checklist of the organisation whose draft holds {@code content}, as an import gives it. */
    public ChecklistDraftSaved createDraft(String organisationId, ChecklistContent content,
                                                        String basedOn) {
        var checked = content.withTitle(content.title()).validated();
        return save(new ChecklistDraftSaved(ChecklistIds.newChecklistId(), organisationId, checked.title(), basedOn,
                checked.levels()));
    }

    /**
     * Applies one edit to the organisation's draft and saves the whole result.
     *
     * @param ifMatch the client's {@code If-Match} header, or null: the edit is refused (412)
     *                unless the draft still has one of those entity tags
     */
    public ChecklistDraftSaved edit(String organisationId, String checklistId, String ifMatch,
                                    UnaryOperator<ChecklistContent> change) {
        ChecklistIds.requireSlug("checklist", checklistId);
        return decide(checklistId, decision -> {
            var draft = requireDraft(organisationId, checklistId);
            DraftTags.requireMatch(ifMatch, draft);
            var edited = change.apply(new ChecklistContent(draft.title(), draft.levels())).validated();
            var saved = new ChecklistDraftSaved(checklistId, organisationId, edited.title(), draft.basedOn(),
                    edited.levels());
            decision.add(Topics.CATALOG, saved);
            return saved;
        });
    }

    /** Publishes the draft as the next version. Publishing what the latest version already holds is refused. */
    public ChecklistVersionPublished publish(String organisationId, String checklistId) {
        ChecklistIds.requireSlug("checklist", checklistId);
        return decide(checklistId, decision -> {
            var draft = requireDraft(organisationId, checklistId);
            var latest = catalog.latest(organisationId, checklistId);
            if (latest.isPresent() && latest.get().title().equals(draft.title())
                    && latest.get().levels().equals(draft.levels())) {
                throw Problems.conflict("nothing-to-publish", "the draft is the same as version "
                        + latest.get().version() + "; edit it before publishing");
            }
            if (new ChecklistContent(draft.title(), draft.levels()).itemCount() == 0) {
                throw Problems.conflict("empty-checklist",
                        "a checklist needs at least one item before it is published");
            }
            int version = latest.map(published -> published.version() + 1).orElse(1);
            var published = new ChecklistVersionPublished(checklistId, version, organisationId, draft.title(),
                    draft.levels());
            decision.add(Topics.CATALOG, published);
            return published;
        });
    }

    /** Finds the draft, or says why there is none: unknown, a template, or another organisation's. */
    public ChecklistDraftSaved requireDraft(String organisationId, String checklistId) {
        ChecklistIds.requireSlug("checklist", checklistId);
        catchUp(checklistId);
        return catalog.draft(organisationId, checklistId).orElseThrow(() -> {
            if (catalog.latest(organisationId, checklistId).filter(v -> v.organisationId() == null).isPresent()) {
                return Problems.conflict("template-read-only",
                        "built-in templates cannot be edited; copy one with POST /api/v1/checklists");
            }
            return Problems.notFound("checklist " + checklistId + " does not exist");
        });
    }

    public void catchUp(String checklistId) {
        follower.catchUp(checklistId);
    }

    private ChecklistDraftSaved save(ChecklistDraftSaved draft) {
        return decide(draft.checklistId(), decision -> {
            decision.add(Topics.CATALOG, draft);
            return draft;
        });
    }

    /** Decides as the one writer of the partition, on state caught up with it (see {@link AggregateWriters}). */
    private <T> T decide(String checklistId, Function<Decision, T> command) {
        return writers.decide(follower, checklistId, command);
    }
}
