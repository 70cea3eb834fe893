package dev.ticklist.checklist.markdown;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The items a learner has ticked, asked of progress-service (the read side owns progress;
 * this service holds none) with the caller's own verified identity.
 */
@Component
class LearnerTicks {

    private final RestClient progress;

    LearnerTicks(RestClient.Builder builder, @Value("${ticklist.progress-url}") String progressUrl) {
        this.progress = builder.baseUrl(progressUrl).build();
    }

    /** The learner's ticked items on that version, each with its evidence if any. */
    Ticked tickedItems(String identity, String learnerId, String checklistId, int version) {
        LearnerProgress answer = progress.get().uri("/api/v1/progress/learners/{learner}", learnerId)
                .header(HttpHeaders.AUTHORIZATION, identity)
                .retrieve()
                .body(LearnerProgress.class);
        var ticked = new HashSet<String>();
        var evidence = new HashMap<String, ItemEvidence>();
        if (answer != null) {
            answer.checklists().stream()
                    .filter(checklist -> checklist.checklistId().equals(checklistId) && checklist.version() == version)
                    .forEach(checklist -> {
                        ticked.addAll(checklist.tickedItems().keySet());
                        checklist.levels().stream().flatMap(level -> level.categories().stream())
                                .flatMap(category -> category.items().stream())
                                .filter(item -> item.evidence() != null)
                                .forEach(item -> evidence.put(item.id(), item.evidence()));
                    });
        }
        return new Ticked(ticked, evidence);
    }

    /** @param evidence item id to the learner's evidence, for ticked items that have some */
    record Ticked(Set<String> itemIds, Map<String, ItemEvidence> evidence) {
    }

    record LearnerProgress(List<Checklist> checklists) {
    }

    record Checklist(String checklistId, int version, Map<String, String> tickedItems, List<Level> levels) {

        Checklist {
            levels = levels == null ? List.of() : levels;
        }
    }

    record Level(List<Category> categories) {
    }

    record Category(List<Item> items) {
    }

    record Item(String id, ItemEvidence evidence) {
    }
}
