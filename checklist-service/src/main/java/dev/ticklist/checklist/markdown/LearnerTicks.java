package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.tick.ItemState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Where a learner stands on each item, asked of progress-service (the read side owns progress;
 * this service holds none) with the caller's own verified identity.
 */
@Component
class LearnerTicks {

    private final RestClient progress;

    LearnerTicks(RestClient.Builder builder, @Value("${ticklist.progress-url}") String progressUrl) {
        this.progress = builder.baseUrl(progressUrl).build();
    }

    /**
     * The learner's items on that version that are done (each with its evidence if any), in
     * progress or skipped (with its reason); items not in the answer are not started.
     */
    Map<String, LearnerItem> items(String identity, String learnerId, String checklistId, int version) {
        LearnerProgress answer = progress.get().uri("/api/v1/progress/learners/{learner}", learnerId)
                .header(HttpHeaders.AUTHORIZATION, identity)
                .retrieve()
                .body(LearnerProgress.class);
        var items = new HashMap<String, LearnerItem>();
        if (answer != null) {
            answer.checklists().stream()
                    .filter(checklist -> checklist.checklistId().equals(checklistId) && checklist.version() == version)
                    .forEach(checklist -> items.putAll(itemsOf(checklist)));
        }
        return items;
    }

    private static Map<String, LearnerItem> itemsOf(Checklist checklist) {
        var shown = new HashMap<String, LearnerItem>();
        checklist.levels().stream()
                .flatMap(level -> level.categories().stream())
                .flatMap(category -> category.items().stream())
                .forEach(item -> shown.put(item.id(),
                        item.learnerItem(checklist.tickedItems().containsKey(item.id()))));
        // An item ticked but not listed under a level is done, as it was before items were listed.
        checklist.tickedItems().keySet().forEach(id -> shown.putIfAbsent(id, LearnerItem.done(null)));
        shown.values().removeIf(item -> item.state() == ItemState.NOT_STARTED);
        return shown;
    }

    record LearnerProgress(List<Checklist> checklists) {

        LearnerProgress {
            checklists = checklists == null ? List.of() : checklists;
        }
    }

    record Checklist(String checklistId, int version, Map<String, String> tickedItems, List<Level> levels) {

        Checklist {
            tickedItems = tickedItems == null ? Map.of() : tickedItems;
            levels = levels == null ? List.of() : levels;
        }
    }

    record Level(List<Category> categories) {

        Level {
            categories = categories == null ? List.of() : categories;
        }
    }

    record Category(List<Item> items) {

        Category {
            items = items == null ? List.of() : items;
        }
    }

    /**
     * An item as the learner view shows it.
     *
     * @param state      {@code done}, {@code in-progress}, {@code skipped} or {@code not-started}; an answer
     *                   from before item states has none, and then the item is done if it is ticked
     * @param skipReason why a skipped item is skipped, or null
     */
    record Item(String id, String tickedAt, String state, String skipReason, ItemEvidence evidence) {

        LearnerItem learnerItem(boolean listedAsTicked) {
            ItemState known = ItemState.named(state).orElse(null);
            if (known == null) {
                known = listedAsTicked || tickedAt != null ? ItemState.DONE : ItemState.NOT_STARTED;
            }
            return switch (known) {
                case DONE -> LearnerItem.done(evidence);
                case IN_PROGRESS -> LearnerItem.inProgress();
                case SKIPPED -> LearnerItem.skipped(skipReason);
                case NOT_STARTED -> new LearnerItem(ItemState.NOT_STARTED, null, null);
            };
        }
    }
}
