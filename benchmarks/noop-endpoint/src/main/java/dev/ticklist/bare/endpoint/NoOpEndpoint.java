package dev.ticklist.bare.endpoint;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tick command's shape (JSON in, JSON out, 201) with nothing behind it. */
@SpringBootApplication
@RestController
public class NoOpEndpoint {

    public static void main(String[] args) {
        SpringApplication.run(NoOpEndpoint.class, args);
    }

    record Ticks(List<String> itemIds) {
    }

    record Receipt(String cohortId, String learnerId, List<String> itemIds, List<String> eventIds, String position) {
    }

    @PostMapping("/api/v1/cohorts/{cohortId}/learners/{learnerId}/ticks")
    @ResponseStatus(HttpStatus.CREATED)
    Receipt tick(@PathVariable String cohortId, @PathVariable String learnerId, @RequestBody Ticks ticks) {
        return new Receipt(cohortId, learnerId, ticks.itemIds(), List.of(UUID.randomUUID().toString()), "0-0");
    }
}
