package org.rentrecovery.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The impact of a candidate version over a portfolio, case by case, in constant memory: counts in
 * from → to matrices of next actions and of teams, changes in blocked steps, and up to
 * {@link #EXAMPLES_PER_CELL} example cases for each changed cell with both answers' reasons.
 * Thread-safe: cases may be added from several threads.
 */
public final class ImpactTally {
    public static final int EXAMPLES_PER_CELL = 20;
    /** The step and team of a version that refuses a case the other version decides, e.g. for a code it does not declare. */
    public static final String NOT_DECIDED = "NOT_DECIDED";
    private static final int INVALID_EXAMPLES = 20;

    /** What matters of one answer for the comparison. */
    @Schema(name = "ImpactOutcome")
    public record Outcome(
            @Schema(description = "The version that decided: the one in force on asOf before, the candidate after") String versionId,
            @Schema(description = "The next action's type, e.g. LETTER_2 or SERVE_NOTICE") String nextAction,
            @Schema(description = "The team routing gives the case, NONE when it gives none") String team,
            @Schema(description = "The action types the legal guards hold back") Set<String> blocked,
            @Schema(description = "The next action's reason, in a sentence") String reason,
            @Schema(description = "Every reason of the decision, as the decision endpoint gives them") List<org.rentrecovery.contract.Reason> reasons) {

        /** A version that refuses the case: NOT_DECIDED, with why in {@code reason}. */
        static Outcome notDecided(String versionId, String refusal) {
            return new Outcome(versionId, NOT_DECIDED, NOT_DECIDED, Set.of(), "not decided: " + refusal, List.of());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Example(
            @Schema(description = "The case reference of the recorded decision") String caseRef,
            @Schema(description = "The date it was decided for, and is decided for again") java.time.LocalDate asOf,
            @Schema(description = "The answer under the version in force on asOf") Outcome before,
            @Schema(description = "The answer under the candidate") Outcome after) {
    }

    public record InvalidCase(
            @Schema(description = "The case's position in the input (1-based): its line, or its place among the recorded decisions") long line,
            @Schema(description = "Its case reference, when it could be read") String caseRef,
            @Schema(description = "Why it could not be decided, e.g. a field the request refuses, or an incident id for an internal error") String problem) {
    }

    /** The report: totals, the two matrices, blocked-step changes, examples per changed cell. */
    @Schema(name = "ImpactReport")
    public record Report(
            @Schema(description = "The candidate version decided against, e.g. 2026.11.30-1") String candidate,
            @Schema(description = "Cases compared: decided under both versions, or under one while the other refused them (NOT_DECIDED on that side)") long cases,
            @Schema(description = "Cases whose next action, team, blocked steps or next-action reason differ") long changed,
            @Schema(description = "Cases whose next action differs") long nextActionChanged,
            @Schema(description = "Cases whose team differs") long teamChanged,
            @Schema(description = "Cases with a step newly blocked or no longer blocked") long blockedChanged,
            @Schema(description = "Cases the version in force refuses and the candidate decides, e.g. their history has a landlord code only the candidate declares; counted from NOT_DECIDED in the matrices") long decidedOnlyByCandidate,
            @Schema(description = "Cases the version in force decides and the candidate refuses, e.g. a landlord code the candidate no longer declares; counted to NOT_DECIDED in the matrices") long refusedByCandidate,
            @Schema(description = "Cases neither version could decide (see invalidCases)") long invalid,
            @Schema(description = "How many cases each version in force decided before, by version id") Map<String, Long> beforeVersions,
            @Schema(description = "Next action before -> next action after -> number of cases, e.g. {\"LETTER_2\": {\"SERVE_NOTICE\": 12}}") Map<String, Map<String, Long>> nextActions,
            @Schema(description = "Team before -> team after -> number of cases") Map<String, Map<String, Long>> teams,
            @Schema(description = "Action type -> cases where the candidate blocks it and the version before did not") Map<String, Long> newlyBlocked,
            @Schema(description = "Action type -> cases where the version before blocked it and the candidate does not") Map<String, Long> noLongerBlocked,
            @Schema(description = "Changed cell (e.g. \"nextAction LETTER_2 -> SERVE_NOTICE\") -> up to 20 example cases with both answers") Map<String, List<Example>> examples,
            @Schema(description = "The first 20 cases that could not be decided") List<InvalidCase> invalidCases,
            @Schema(description = "How long the impact took, in milliseconds") long elapsedMillis) {
    }

    private final String candidate;
    private long cases;
    private long changed;
    private long nextActionChanged;
    private long teamChanged;
    private long blockedChanged;
    private long decidedOnlyByCandidate;
    private long refusedByCandidate;
    private long invalid;
    private final Map<String, Long> beforeVersions = new TreeMap<>();
    private final Map<String, Map<String, Long>> nextActions = new TreeMap<>();
    private final Map<String, Map<String, Long>> teams = new TreeMap<>();
    private final Map<String, Long> newlyBlocked = new TreeMap<>();
    private final Map<String, Long> noLongerBlocked = new TreeMap<>();
    private final Map<String, List<Example>> examples = new TreeMap<>();
    private final List<InvalidCase> invalidCases = new ArrayList<>();

    public ImpactTally(String candidate) {
        this.candidate = candidate;
    }

    public synchronized void add(String caseRef, java.time.LocalDate asOf, Outcome before, Outcome after) {
        cases++;
        if (NOT_DECIDED.equals(before.nextAction())) {
            decidedOnlyByCandidate++;
        }
        if (NOT_DECIDED.equals(after.nextAction())) {
            refusedByCandidate++;
        }
        beforeVersions.merge(before.versionId(), 1L, Long::sum);
        count(nextActions, before.nextAction(), after.nextAction());
        count(teams, before.team(), after.team());
        boolean actionMoved = !before.nextAction().equals(after.nextAction());
        boolean teamMoved = !before.team().equals(after.team());
        boolean blockedMoved = countBlocking(before, after);
        if (actionMoved) {
            nextActionChanged++;
        }
        if (teamMoved) {
            teamChanged++;
        }
        if (blockedMoved) {
            blockedChanged++;
        }
        if (actionMoved || teamMoved || blockedMoved || !before.reason().equals(after.reason())) {
            changed++;
            String cell = actionMoved || !teamMoved ? "nextAction " + before.nextAction() + " -> " + after.nextAction()
                    : "team " + before.team() + " -> " + after.team();
            List<Example> kept = examples.computeIfAbsent(cell, key -> new ArrayList<>());
            if (kept.size() < EXAMPLES_PER_CELL) {
                kept.add(new Example(caseRef, asOf, before, after));
            }
        }
    }

    /** Counts the steps newly blocked and no longer blocked; whether there were any. */
    private boolean countBlocking(Outcome before, Outcome after) {
        // A side that did not decide blocks nothing: its steps are not "newly blocked" or "no longer blocked".
        if (NOT_DECIDED.equals(before.nextAction()) || NOT_DECIDED.equals(after.nextAction())) {
            return false;
        }
        Set<String> added = new TreeSet<>(after.blocked());
        added.removeAll(before.blocked());
        Set<String> removed = new TreeSet<>(before.blocked());
        removed.removeAll(after.blocked());
        added.forEach(step -> newlyBlocked.merge(step, 1L, Long::sum));
        removed.forEach(step -> noLongerBlocked.merge(step, 1L, Long::sum));
        return !added.isEmpty() || !removed.isEmpty();
    }

    public String candidate() {
        return candidate;
    }

    public synchronized void invalid(long line, String caseRef, String problem) {
        invalid++;
        if (invalidCases.size() < INVALID_EXAMPLES) {
            invalidCases.add(new InvalidCase(line, caseRef, problem));
        }
    }

    private static void count(Map<String, Map<String, Long>> matrix, String from, String to) {
        matrix.computeIfAbsent(from, key -> new TreeMap<>()).merge(to, 1L, Long::sum);
    }

    public synchronized Report report(long elapsedMillis) {
        Map<String, List<Example>> examplesCopy = new TreeMap<>();
        examples.forEach((cell, list) -> examplesCopy.put(cell, List.copyOf(list)));
        return new Report(candidate, cases, changed, nextActionChanged, teamChanged, blockedChanged, decidedOnlyByCandidate,
                refusedByCandidate, invalid, Map.copyOf(beforeVersions), deepCopy(nextActions), deepCopy(teams), Map.copyOf(newlyBlocked),
                Map.copyOf(noLongerBlocked), examplesCopy, List.copyOf(invalidCases), elapsedMillis);
    }

    private static Map<String, Map<String, Long>> deepCopy(Map<String, Map<String, Long>> matrix) {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        matrix.forEach((from, row) -> copy.put(from, new TreeMap<>(row)));
        return copy;
    }
}
