package org.rentrecovery.writeoff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.rentrecovery.contract.Reason;

/**
 * The write-off part of a decision (api.md {@code writeOff}): whether the arrears may be written
 * off, for which reasons, how much, who approves it and whether the debt can be reinstated if the
 * debtor is traced; with each reason explained, and the limitation position behind it.
 */
@Schema(name = "WriteOff")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WriteOffDecision(
        @Schema(description = "Whether any of the arrears may be written off under the landlord's policy") boolean eligible,
        @Schema(description = "The write-off reasons that apply, e.g. STATUTE_BARRED, UNTRACEABLE, UNECONOMIC") List<String> reasons,
        @Schema(description = "The amount to write off: the whole balance if any reason covers it, else the largest part a reason covers") BigDecimal amount,
        @Schema(description = "LINE_MANAGER, INCOME_MANAGER, S151_OFFICER, EXECUTIVE or CABINET_OR_BOARD; null when not eligible") String approver,
        @Schema(description = "True when every reason allows the debt to be reinstated if the debtor is later traced; null when not eligible") Boolean reinstatableIfTraced,
        @Schema(description = "Each reason that applies, explained") List<ReasonDetail> explanations,
        @Schema(description = "What the law stops the landlord recovering, and why (limitation, insolvency, a deceased tenant, a surviving joint tenant)") List<Reason> legalFindings,
        @Schema(description = "Unpaid charges that can no longer be sued for on asOf (same figure as legal.statuteBarredAmount)") BigDecimal statuteBarredAmount,
        @Schema(description = "The next day on which a further unpaid charge becomes statute-barred; null if none will") LocalDate nextStatuteBarDate,
        @Schema(description = "The amount that becomes statute-barred on nextStatuteBarDate") BigDecimal nextStatuteBarAmount,
        @Schema(description = "The balance less what cannot lawfully be claimed (statute-barred charges, arrears in a bankruptcy or DRO); what a money claim may ask for") BigDecimal recoverableAmount) {

    /** One write-off reason: the amount it covers, whether it allows reinstatement, why, and the table row. */
    @Schema(name = "WriteOffReason", description = "One write-off reason: what it covers and why")
    public record ReasonDetail(
            @Schema(description = "The reason, e.g. STATUTE_BARRED") String reason,
            @Schema(description = "The amount it covers") BigDecimal amount,
            @Schema(description = "Whether the debt written off for it can be reinstated if the debtor is traced") boolean reinstatableIfTraced,
            @Schema(description = "Why it applies, in a sentence") String text,
            @Schema(description = "Its policy or legal reference") String reference,
            @Schema(description = "The decision-table row or rule behind it, e.g. WriteOffReasons/statute-barred") String rule) {
    }
}
