package dev.ticklist.progress.learner;

import java.util.List;

/**
 * Redis keys of one learner's projection in one generation. They all carry the hash tag
 * {@code {org/learner}}, so each atomic step touches one hash slot (Redis Cluster ready).
 */
record LearnerKeys(String generation, String organisationId, String learnerId) {

    private String prefix() {
        return "progress:" + generation + ":{" + organisationId + "/" + learnerId + "}:";
    }

    /** Names the learner's stream: their changes are applied in order. */
    String stream() {
        return organisationId + "/" + learnerId;
    }

    String applied() {
        return prefix() + "applied";
    }

    String items(String checklist) {
        return prefix() + checklist + ":items";
    }

    String levels(String checklist) {
        return prefix() + checklist + ":levels";
    }

    String outbox() {
        return prefix() + "outbox";
    }

    String checklists() {
        return prefix() + "checklists";
    }

    String cohortsLeft() {
        return prefix() + "left";
    }

    String timeline() {
        return prefix() + "timeline";
    }

    String days() {
        return prefix() + "days";
    }

    List<String> forApply(String checklist) {
        return List.of(applied(), items(checklist), levels(checklist), outbox(), checklists(), cohortsLeft(),
                timeline(), days());
    }

    List<String> forMove(String from, String to) {
        return List.of(applied(), items(from), items(to), levels(to), checklists(), outbox(), cohortsLeft());
    }

    List<String> forMembership(String checklist) {
        return List.of(applied(), items(checklist), checklists(), cohortsLeft(), outbox());
    }

    /** {@code checklist@version}: how a learner's checklist is named inside its keys. */
    static String checklist(String checklistId, int version) {
        return checklistId + "@" + version;
    }
}
