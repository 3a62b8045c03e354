package org.rentrecovery.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.Vocabulary.AssessmentStatus;
import org.rentrecovery.contract.Vocabulary.BreathingSpaceType;
import org.rentrecovery.contract.Vocabulary.InsolvencyType;
import org.rentrecovery.contract.Vocabulary.VulnerabilityFlag;

/**
 * The parts of a case ({@link CaseFacts}) that protect the tenant from recovery steps: a vulnerability the landlord
 * knows of, a debt respite moratorium, an insolvency. Kept apart from {@link CaseFacts} so that the request's
 * records stay within the size a reader takes in at once; the JSON is the same (each is a field of the case).
 */
public final class TenantProtections {
    private TenantProtections() {
    }

    public record Vulnerability(
            @Size(max = 15) @Schema(description = "Categories of vulnerability, e.g. MENTAL_HEALTH, DOMESTIC_ABUSE (health data: special category)")
            List<@NotNull VulnerabilityFlag> flags,
            @Schema(description = "The landlord's vulnerability assessment: NONE, OPEN (escalation waits for it) or COMPLETED") AssessmentStatus assessment,
            @Schema(description = "There is doubt the tenant has capacity to manage the debt or the proceedings") Boolean capacityConcern) {
    }

    public record BreathingSpace(
            @NotNull @Schema(description = "STANDARD or MENTAL_HEALTH_CRISIS") BreathingSpaceType type,
            @NotNull @Schema(description = "The day the moratorium started") LocalDate startDate,
            @Schema(description = "The last day of the moratorium, once known (cancelled or ended)") LocalDate endDate,
            @Schema(description = "The court has given permission to take enforcement steps (reg 7(2)(b))") Boolean courtPermission) {
    }

    public record Insolvency(
            @NotNull @Schema(description = "BANKRUPTCY, DRO (debt relief order) or IVA") InsolvencyType type,
            @NotNull @Schema(description = "The date of the order or arrangement") LocalDate date,
            @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) @Schema(description = "Arrears included in the bankruptcy or DRO; absent = all arrears at the date") BigDecimal arrearsCovered) {
    }
}
