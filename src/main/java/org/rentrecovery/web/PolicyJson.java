package org.rentrecovery.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.policy.Activation;
import org.rentrecovery.policy.PolicyEvent;
import org.rentrecovery.policy.PolicyState;
import org.rentrecovery.policy.PolicyStatus;

/** The JSON in and out of the policy-version endpoints (PolicyResource); the bodies in are each read by JsonBody. */
public final class PolicyJson {
    private PolicyJson() {
    }

    @Schema(name = "SuitesRequest", description = "Which stored suites to run against the version; none = all")
    public record SuitesRequest(@Schema(description = "Files or folders under test-scenarios/, e.g. escalation") List<String> stored) {
    }

    @Schema(name = "AuditPeriod", description = "The days whose recorded decisions an impact decides again (UTC, inclusive)")
    public record AuditPeriod(@Schema(description = "The first day") LocalDate from, @Schema(description = "The last day") LocalDate to) {
    }

    @Schema(name = "NewDraft", description = "A new draft, holding the same models as another version")
    public record NewDraft(@Schema(description = "The version the draft starts from, e.g. 2026.11.0") String from,
            @Schema(description = "What the draft is for, shown to the approver") String note) {
    }

    @Schema(name = "Approval", description = "An approval of a draft")
    public record Approval(@Schema(description = "The approver's note, kept with the version's events") String note) {
    }

    @Schema(name = "ActivationRequest", description = "When a version comes into force")
    public record ActivationRequest(
            @Schema(description = "The first day it is in force (today or later; for a rollback, absent = today)") LocalDate effectiveFrom,
            @Schema(description = "Why, kept with the version's events") String note) {
    }

    /** A version as listed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionSummary(String id, String parentId, PolicyStatus status, LocalDate activeFrom, String author,
            Instant createdAt, String note, String approvedBy, Instant approvedAt, int contract) {
    }

    /** A version in full: its models, lifecycle events and the periods it was or will be in force. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionDetail(String id, String parentId, PolicyStatus status, LocalDate activeFrom, String author,
            List<String> contributors, Instant createdAt, String note, String approvedBy, Instant approvedAt, int contract,
            String contentDigest, List<ModelFile> models, List<PolicyState.Period> periods, List<PolicyEvent> events) {
    }

    public record ModelFile(String path, String sha256) {
    }

    public record Listing(LocalDate today, String inForceToday, List<VersionSummary> versions, List<Activation> timeline,
            List<PolicyState.Period> periods) {
    }

    public record ActivationResult(Activation activation, LocalDate today, String inForceToday, List<PolicyState.Period> periods) {
    }
}
