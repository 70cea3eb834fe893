package dev.ticklist.checklist.markdown;

import java.util.HashSet;
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

    Set<String> tickedItems(String identity, String learnerId, String checklistId, int version) {
        LearnerProgress answer = progress.get().uri("/api/v1/progress/learners/{learner}", learnerId)
                .header(HttpHeaders.AUTHORIZATION, identity)
                .retrieve()
                .body(LearnerProgress.class);
        var ticked = new HashSet<String>();
        if (answer != null) {
            answer.checklists().stream()
                    .filter(checklist -> checklist.checklistId().equals(checklistId) && checklist.version() == version)
                    .forEach(checklist -> ticked.addAll(checklist.tickedItems().keySet()));
        }
        return ticked;
    }

    record LearnerProgress(java.util.List<Checklist> checklists) {
    }

    record Checklist(String checklistId, int version, Map<String, String> tickedItems) {
    }
}
