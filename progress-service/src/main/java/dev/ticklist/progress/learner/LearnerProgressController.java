package dev.ticklist.progress.learner;

import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Ids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LearnerProgressController {

    private final LearnerProgressQuery query;

    LearnerProgressController(LearnerProgressQuery query) {
        this.query = query;
    }

    /** The learner's progress; a learner with no activity yet has an empty list of checklists. */
    @GetMapping("/api/v1/progress/learners/{learnerId}")
    LearnerProgress learner(Tenant tenant, @PathVariable String learnerId) {
        Ids.requireExternal("learner", learnerId);
        return query.find(tenant.organisationId(), learnerId);
    }
}
