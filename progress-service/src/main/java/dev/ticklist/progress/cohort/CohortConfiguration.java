package dev.ticklist.progress.cohort;

import dev.ticklist.progress.catalog.ChecklistCatalog;
import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.generation.ProjectionGenerations;
import dev.ticklist.progress.generation.ProjectionMarkers;
import dev.ticklist.progress.generation.ProjectionReadiness;
import dev.ticklist.progress.learner.LearnerHistory;
import dev.ticklist.progress.outbox.Outbox;
import dev.ticklist.progress.redis.KeyStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration
class CohortConfiguration {

    @Bean
    CohortCache cohortCache(@Value("${ticklist.progress.cohort-cache-rows:20000}") int maxRows) {
        return new CohortCache(maxRows);
    }

    @Bean
    CohortFold cohortFold(StringRedisTemplate redis, KeyStore keyStore, CohortCache cache,
                          ChecklistStructures structures, ProjectionGenerations generations,
                          @Value("${ticklist.progress.cohort-thresholds:50,90,100}") List<Integer> thresholds) {
        thresholds.forEach(threshold -> {
            if (threshold < 1 || threshold > 100) {
                throw new IllegalArgumentException("ticklist.progress.cohort-thresholds are percents from 1 to 100, not "
                        + threshold);
            }
        });
        return new CohortFold(new CohortStore(redis, keyStore, generations.built()), cache, structures::require,
                thresholds);
    }

    @Bean
    CohortProgressListener cohortProgressListener(ChecklistStructures structures, CohortFold fold, CohortCache cache,
                                                  ProjectionGenerations generations, Outbox outbox,
                                                  ProjectionMarkers markers, MeterRegistry meters) {
        return new CohortProgressListener(structures, fold, cache, generations.built(), outbox, markers, meters);
    }

    @Bean
    CohortProgressQuery cohortProgressQuery(StringRedisTemplate redis, ChecklistCatalog catalog,
                                            ProjectionGenerations generations, ProjectionReadiness readiness) {
        return new CohortProgressQuery(redis, catalog, generations, readiness);
    }

    @Bean
    CohortProgressAsOf cohortProgressAsOf(LearnerHistory history, CohortProgressQuery query) {
        return new CohortProgressAsOf(history, query);
    }
}
