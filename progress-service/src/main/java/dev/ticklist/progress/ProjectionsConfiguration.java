package dev.ticklist.progress;

import dev.ticklist.progress.cohort.CohortCache;
import dev.ticklist.progress.generation.ProjectionLossWatch;
import dev.ticklist.progress.generation.ProjectionMarkers;
import dev.ticklist.progress.learner.LearnerCache;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ProjectionsConfiguration {

    @Bean
    ProjectionLossWatch projectionLossWatch(ProjectionMarkers markers, LearnerCache learners, CohortCache cohorts) {
        return new ProjectionLossWatch(markers, List.of(
                new ProjectionLossWatch.Watched("learner-activity", learners::evictPartitions),
                new ProjectionLossWatch.Watched("cohort-progress", lost -> cohorts.clear())));
    }
}
