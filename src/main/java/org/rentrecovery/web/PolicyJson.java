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

    @Schema(name = "AcceptRequest", description = "The moved expectations whose expected cells take the draft's answers")
    public record AcceptRequest(
            @Schema(description = "Each expectation, as the suites report names it") List<org.rentrecovery.policy.AcceptedExpectations.Choice> expectations) {
    }

    @Schema(name = "AcceptResult", description = "The expected cells rewritten in the draft's copies of its suites")
    public record AcceptResult(@Schema(description = "The draft, e.g. 2026.11.30-1") String version,
            @Schema(description = "Each cell rewritten, with its text before and after") List<org.rentrecovery.policy.AcceptedExpectations.Rewritten> rewritten) {
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
    @Schema(name = "PolicyVersionSummary", description = "A policy version as listed")
    public record VersionSummary(@Schema(description = "The version's id, e.g. 2026.11.30-1") String id,
            @Schema(description = "The version it was drafted from") String parentId,
            @Schema(description = "DRAFT, APPROVED, ACTIVE or RETIRED, today") PolicyStatus status,
            @Schema(description = "The first day it is (or was) in force, when it is activated") LocalDate activeFrom,
            @Schema(description = "The user who drafted it") String author,
            @Schema(description = "When it was drafted") Instant createdAt,
            @Schema(description = "What it is for") String note,
            @Schema(description = "The user who approved it") String approvedBy,
            @Schema(description = "When it was approved") Instant approvedAt,
            @Schema(description = "The version of the request and answer contract its tables were written for") int contract,
            @Schema(description = "The periods it was, is or will be in force (a retired version keeps the days it applied); empty when it never applied") List<PolicyState.Period> periods) {
    }

    /** A version in full: its models, lifecycle events and the periods it was or will be in force. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PolicyVersionDetail", description = "A policy version in full")
    public record VersionDetail(@Schema(description = "The version's id") String id,
            @Schema(description = "The version it was drafted from") String parentId,
            @Schema(description = "Its status today") PolicyStatus status,
            @Schema(description = "The first day it is (or was) in force, when it is activated") LocalDate activeFrom,
            @Schema(description = "The user who drafted it") String author,
            @Schema(description = "Everyone who changed it (the four-eyes rule keeps them from approving it)") List<String> contributors,
            @Schema(description = "When it was drafted") Instant createdAt,
            @Schema(description = "What it is for") String note,
            @Schema(description = "The user who approved it") String approvedBy,
            @Schema(description = "When it was approved") Instant approvedAt,
            @Schema(description = "The version of the request and answer contract its tables were written for") int contract,
            @Schema(description = "SHA-256 over all its models: two versions with the same digest decide alike") String contentDigest,
            @Schema(description = "Its model files") List<ModelFile> models,
            @Schema(description = "The scenario suite files it carries its own copies of (its change rewrote them); the "
                    + "stored suites apply for the rest") List<org.rentrecovery.policy.DraftSuites.SuiteFile> suites,
            @Schema(description = "The periods it was or will be in force") List<PolicyState.Period> periods,
            @Schema(description = "Every lifecycle event: drafted, uploaded, validated, approved, activated") List<PolicyEvent> events) {
    }

    @Schema(name = "PolicyModelFile", description = "One model file of a version")
    public record ModelFile(@Schema(description = "Its path under decision-tables/, e.g. escalation/escalation-ladder.dmn") String path,
            @Schema(description = "SHA-256 of its bytes") String sha256) {
    }

    @Schema(name = "PolicyListing", description = "Every policy version, the timeline and what is in force today")
    public record Listing(@Schema(description = "Today in the landlord's time zone") LocalDate today,
            @Schema(description = "The version in force today") String inForceToday,
            @Schema(description = "Every version") List<VersionSummary> versions,
            @Schema(description = "Every activation and rollback, in order (append-only)") List<Activation> timeline,
            @Schema(description = "The periods each version is in force") List<PolicyState.Period> periods) {
    }

    @Schema(name = "ActivationResult", description = "An activation or rollback, and what is in force now")
    public record ActivationResult(@Schema(description = "The activation recorded") Activation activation,
            @Schema(description = "Today in the landlord's time zone") LocalDate today,
            @Schema(description = "The version in force today") String inForceToday,
            @Schema(description = "The periods each version is in force, after it") List<PolicyState.Period> periods) {
    }
}
