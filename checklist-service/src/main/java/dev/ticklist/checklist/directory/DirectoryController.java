package dev.ticklist.checklist.directory;

import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.identity.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DirectoryController {

    static final int MAX_LEARNERS_PER_REQUEST = 1000;

    private final DirectoryCommands commands;
    private final Directory directory;

    DirectoryController(DirectoryCommands commands, Directory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /** Called by the gateway's admin API when the platform operator creates an organisation. */
    @PostMapping("/internal/organisations")
    ResponseEntity<OrganisationView> createOrganisation(@Valid @RequestBody NewOrganisation request) {
        boolean created = commands.createOrganisation(request.organisationId(), request.name());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new OrganisationView(request.organisationId(), request.name()));
    }

    @PostMapping("/api/v1/cohorts")
    @ResponseStatus(HttpStatus.CREATED)
    CohortView createCohort(Tenant tenant, @Valid @RequestBody NewCohort request) {
        return CohortView.of(commands.createCohort(tenant.organisationId(), request.name(), request.checklistId()));
    }

    @GetMapping("/api/v1/cohorts")
    List<CohortView> cohorts(Tenant tenant) {
        commands.catchUp(tenant.organisationId());
        return directory.cohorts(tenant.organisationId()).stream().map(CohortView::of).toList();
    }

    @GetMapping("/api/v1/cohorts/{cohortId}")
    CohortView cohort(Tenant tenant, @PathVariable String cohortId) {
        commands.catchUp(tenant.organisationId());
        return CohortView.of(commands.requireCohort(tenant.organisationId(), cohortId));
    }

    @PostMapping("/api/v1/cohorts/{cohortId}/learners")
    Enrolment enrol(Tenant tenant, @PathVariable String cohortId, @Valid @RequestBody NewLearners request) {
        var enrolled = commands.enrol(tenant.organisationId(), cohortId, request.learnerIds());
        return new Enrolment(cohortId, enrolled, request.learnerIds().size() - enrolled.size());
    }

    record NewOrganisation(
            @NotBlank @Pattern(regexp = Ids.EXTERNAL_ID) String organisationId,
            @NotBlank @Size(max = 200) String name) {
    }

    record OrganisationView(String organisationId, String name) {
    }

    record NewCohort(@NotBlank @Size(max = 200) String name, @NotBlank String checklistId) {
    }

    record NewLearners(@NotEmpty @Size(max = MAX_LEARNERS_PER_REQUEST) List<@NotBlank String> learnerIds) {
    }

    /** @param alreadyEnrolled how many of the learners named were enrolled before this request */
    record Enrolment(String cohortId, List<String> enrolled, int alreadyEnrolled) {
    }

    record CohortView(String id, String name, String checklistId, int checklistVersion, int learnerCount) {
        static CohortView of(Directory.Cohort cohort) {
            return new CohortView(cohort.id(), cohort.name(), cohort.checklistId(), cohort.checklistVersion(),
                    cohort.learners().size());
        }
    }
}
