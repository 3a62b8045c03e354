package org.rentrecovery.contract;

/**
 * Why an answer says what it says: the DMN row or DRL rule that decided it, the sentence an
 * officer could read out, and its legal or policy reference.
 */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Reason", description = "One reason behind the answer")
public record Reason(
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The decision-table row or legal rule that "
                + "decided it, e.g. EscalationStep/serve-notice, LegalGuards: ..., or facts#arrears for a derived fact") String rule,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The reason in a sentence an officer could read "
                + "to a tenant or a judge") String text,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Its legal or policy reference, e.g. "
                + "SI 2020/1311 reg 7(2)(b) or docs/policy.md#escalation-ladder (absent when none applies)") String reference) {
}
