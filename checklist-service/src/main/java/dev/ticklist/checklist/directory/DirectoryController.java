package dev.ticklist.checklist.directory;

import dev.ticklist.platform.identity.Tenant;
import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.web.Plain;
import dev.ticklist.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organisations (for the gateway's admin API), cohorts, enrolments and checklist assignment. */
@Tag(name = "Cohorts", description = "Cohorts and the learners enrolled in them")
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

    @Operation(operationId = "createCohort", summary = "Create a cohort on a checklist")
    @PostMapping("/api/v1/cohorts")
    @ResponseStatus(HttpStatus.CREATED)
    CohortView createCohort(Tenant tenant, @Valid @RequestBody NewCohort request) {
        return CohortView.of(commands.createCohort(tenant.organisationId(), request.name(), request.checklistId(),
                request.checklistVersion()));
    }

    @Operation(operationId = "listCohorts", summary = "List the organisation's cohorts")
    @GetMapping("/api/v1/cohorts")
    List<CohortView> cohorts(Tenant tenant) {
        commands.catchUp(tenant.organisationId());
        return directory.cohorts(tenant.organisationId()).stream().map(CohortView::of).toList();
    }

    @Operation(operationId = "getCohort", summary = "Get a cohort")
    @GetMapping("/api/v1/cohorts/{cohortId}")
    CohortView cohort(Tenant tenant, @PathVariable String cohortId) {
        commands.catchUp(tenant.organisationId());
        return CohortView.of(commands.requireCohort(tenant.organisationId(), cohortId));
    }

    @Operation(operationId = "renameCohort", summary = "Rename a cohort")
    @PatchMapping("/api/v1/cohorts/{cohortId}")
    CohortView rename(Tenant tenant, @PathVariable String cohortId, @Valid @RequestBody CohortChange request) {
        return CohortView.of(commands.rename(tenant.organisationId(), cohortId, request.name()));
    }

    @Operation(operationId = "archiveCohort", summary = "Archive a cohort")
    @PostMapping("/api/v1/cohorts/{cohortId}/archive")
    CohortView archive(Tenant tenant, @PathVariable String cohortId) {
        return CohortView.of(commands.archive(tenant.organisationId(), cohortId));
    }

    /** Assigns a checklist version, or moves the cohort to a newer one (latest unless a version is given). */
    @Operation(operationId = "moveCohortChecklist", summary = "Move a cohort to another checklist version")
    @PutMapping("/api/v1/cohorts/{cohortId}/checklist")
    CohortView assign(Tenant tenant, @PathVariable String cohortId, @Valid @RequestBody Assignment request) {
        return CohortView.of(commands.assign(tenant.organisationId(), cohortId, request.checklistId(),
                request.version()));
    }

    @Operation(operationId = "listCohortLearners", summary = "List a cohort's learners")
    @GetMapping("/api/v1/cohorts/{cohortId}/learners")
    Learners learners(Tenant tenant, @PathVariable String cohortId) {
        commands.catchUp(tenant.organisationId());
        var cohort = commands.requireCohort(tenant.organisationId(), cohortId);
        return new Learners(cohortId, cohort.learners().stream().sorted().toList());
    }

    @Operation(operationId = "enrolLearners", summary = "Enrol learners in a cohort")
    @PostMapping("/api/v1/cohorts/{cohortId}/learners")
    Enrolment enrol(Tenant tenant, @PathVariable String cohortId, @Valid @RequestBody LearnerIds request) {
        var enrolled = commands.enrol(tenant.organisationId(), cohortId, request.checkedSize());
        return new Enrolment(cohortId, enrolled, request.learnerIds().size() - enrolled.size());
    }

    @Operation(operationId = "withdrawLearners", summary = "Withdraw learners from a cohort")
    @PostMapping("/api/v1/cohorts/{cohortId}/withdrawals")
    Withdrawal withdrawMany(Tenant tenant, @PathVariable String cohortId, @Valid @RequestBody LearnerIds request) {
        var withdrawn = commands.withdraw(tenant.organisationId(), cohortId, request.checkedSize());
        return new Withdrawal(cohortId, withdrawn, request.learnerIds().size() - withdrawn.size());
    }

    @Operation(operationId = "withdrawLearner", summary = "Withdraw one learner from a cohort")
    @DeleteMapping("/api/v1/cohorts/{cohortId}/learners/{learnerId}")
    Withdrawal withdraw(Tenant tenant, @PathVariable String cohortId, @PathVariable String learnerId) {
        var withdrawn = commands.withdraw(tenant.organisationId(), cohortId, List.of(learnerId));
        if (withdrawn.isEmpty()) {
            throw Problems.notFound("learner " + learnerId + " is not enrolled in cohort " + cohortId);
        }
        return new Withdrawal(cohortId, withdrawn, 0);
    }

    record NewOrganisation(
            @NotBlank @Pattern(regexp = Ids.EXTERNAL_ID) String organisationId,
            @NotBlank @Size(max = 200) @Plain String name) {
    }

    record OrganisationView(String organisationId, String name) {
    }

    record NewCohort(@NotBlank @Size(max = 200) @Plain String name, @NotBlank String checklistId, Integer checklistVersion) {
    }

    record CohortChange(@NotBlank @Size(max = 200) @Plain String name) {
    }

    record Assignment(@NotBlank String checklistId, Integer version) {
    }

    record LearnerIds(@NotNull @NotEmpty List<@NotBlank String> learnerIds) {

        /** More learners than one request may carry is a body over the limit: 413, not 400. */
        List<String> checkedSize() {
            if (learnerIds.size() > MAX_LEARNERS_PER_REQUEST) {
                throw Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "at most "
                        + MAX_LEARNERS_PER_REQUEST + " learners per request, not " + learnerIds.size());
            }
            return learnerIds;
        }
    }

    record Learners(String cohortId, List<String> learnerIds) {
    }

    /** @param alreadyEnrolled how many of the learners named were enrolled before this request */
    record Enrolment(String cohortId, List<String> enrolled, int alreadyEnrolled) {
    }

    /** @param notEnrolled how many of the learners named were not enrolled */
    record Withdrawal(String cohortId, List<String> withdrawn, int notEnrolled) {
    }

    record CohortView(String id, String name, String checklistId, int checklistVersion, boolean archived,
                      int learnerCount) {
        static CohortView of(Directory.Cohort cohort) {
            return new CohortView(cohort.id(), cohort.name(), cohort.checklistId(), cohort.checklistVersion(),
                    cohort.archived(), cohort.learners().size());
        }
    }
}
