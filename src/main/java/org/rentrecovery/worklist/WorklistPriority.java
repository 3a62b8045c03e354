package org.rentrecovery.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.engine.Evaluation;
import org.rentrecovery.engine.Fired;
import org.rentrecovery.engine.ModelContract;
import org.rentrecovery.engine.ModelContract.Output;
import org.rentrecovery.engine.ModelContracts;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;

/**
 * The worklist priority policy (decision-tables/worklist/worklist-priority.dmn): an account's score, the
 * components that make it up (each with the row that scored it) and the band it is ranked in before the score.
 * Policy staff own the points and bands; the dates it reads are the decision's.
 */
@ApplicationScoped
public class WorklistPriority {
    public static final String MODEL_LOCATION = "decision-tables/worklist/worklist-priority.dmn";

    /** The model's inputs, one per input data node; day counts are from the worklist's date. */
    public record PriorityInputs(BigDecimal weeksInArrears, ArrearsTrend arrearsTrend, Long daysToStatuteBar,
            Long daysToNoticeLapse, Long daysToBreathingSpaceEnd, Long daysToHearing, Ground8AtHearing ground8AtHearing,
            int benefitCapPoints, Long daysSinceContact, boolean vulnerable, WorkKind workKind) {
    }

    /** A row of WorklistPriorityComponents. */
    public record ComponentRow(PriorityComponent component, int points, String reason, String reference) {
    }

    /** The row of WorklistBand. */
    public record BandRow(int band, String reason) {
    }

    public static final Output<ComponentRow> COMPONENTS = Output.rows("WorklistPriorityComponents", ComponentRow.class)
            .orSafeRows(failure -> List.of());
    public static final Output<Integer> SCORE = Output.value("WorklistPriorityScore", Integer.class).orSafe(failure -> 0);
    /** A case the tables cannot place goes first, for a person to look at. */
    public static final Output<BandRow> BAND = Output.row("WorklistBand", BandRow.class)
            .orSafe(failure -> new BandRow(1, "First in the worklist, for a person to review: " + failure.sentence()));
    public static final ModelContract<PriorityInputs> PRIORITY = ModelContract.of("WorklistPriority", PriorityInputs.class,
            COMPONENTS, SCORE, BAND);

    /** Lets the engine check this capability's model on every compile (listed in META-INF/services). */
    public static final class Contracts implements ModelContracts {
        @Override
        public List<ModelContract<?>> contracts() {
            return List.of(PRIORITY);
        }
    }

    private final PolicyModels models;

    @Inject
    public WorklistPriority(PolicyModels models) {
        this.models = models;
    }

    /** Outside a CDI container (plain unit tests): the packaged tables. */
    public WorklistPriority() {
        this(PolicyModels.seeded());
    }

    /** The score of one account on a date, under the policy in force on that date. */
    public PriorityScore score(PriorityFacts facts, LocalDate on) {
        return score(models.forDate(on), facts, on);
    }

    public PriorityScore score(ModelSet policy, PriorityFacts facts, LocalDate on) {
        Evaluation evaluation = policy.evaluate(PRIORITY, inputs(facts, on));
        List<PriorityScore.Component> components = evaluation.rows(COMPONENTS).stream()
                .map(f -> new PriorityScore.Component(f.value().component(), f.value().points(), f.row(), f.value().reason(),
                        f.value().reference()))
                .toList();
        Fired<BandRow> band = evaluation.row(BAND);
        Integer score = evaluation.value(SCORE);
        return new PriorityScore(score == null ? 0 : score, band.value().band(), band.value().reason(), band.row(), components);
    }

    static PriorityInputs inputs(PriorityFacts f, LocalDate on) {
        return new PriorityInputs(f.weeksInArrears(), f.arrearsTrend(), daysFrom(on, f.nextStatuteBarDate()),
                daysFrom(on, f.noticeLapsesOn()), daysFrom(on, f.breathingSpaceEnds()), daysFrom(on, f.hearingDate()),
                f.ground8AtHearing(), f.benefitCapPoints(),
                f.lastContact() == null ? null : ChronoUnit.DAYS.between(f.lastContact(), on), f.vulnerable(), f.workKind());
    }

    private static Long daysFrom(LocalDate on, LocalDate date) {
        return date == null ? null : ChronoUnit.DAYS.between(on, date);
    }
}
