package org.rentrecovery.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The impact of a candidate version over a portfolio, case by case, in constant memory: counts in
 * from → to matrices of next actions and of teams, changes in blocked steps, and up to
 * {@link #EXAMPLES_PER_CELL} example cases for each changed cell with both answers' reasons.
 * Thread-safe: cases may be added from several threads.
 */
public final class ImpactTally {
    public static final int EXAMPLES_PER_CELL = 20;
    private static final int INVALID_EXAMPLES = 20;

    /** What matters of one answer for the comparison. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ImpactOutcome")
    public record Outcome(String versionId, String nextAction, String team, Set<String> blocked, String reason,
            List<org.rentrecovery.contract.Reason> reasons) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Example(String caseRef, java.time.LocalDate asOf, Outcome before, Outcome after) {
    }

    public record InvalidCase(long line, String caseRef, String problem) {
    }

    /** The report: totals, the two matrices, blocked-step changes, examples per changed cell. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ImpactReport")
    public record Report(String candidate, long cases, long changed, long nextActionChanged, long teamChanged,
            long blockedChanged, long invalid, Map<String, Long> beforeVersions,
            Map<String, Map<String, Long>> nextActions, Map<String, Map<String, Long>> teams,
            Map<String, Long> newlyBlocked, Map<String, Long> noLongerBlocked,
            Map<String, List<Example>> examples, List<InvalidCase> invalidCases, long elapsedMillis) {
    }

    private final String candidate;
    private long cases;
    private long changed;
    private long nextActionChanged;
    private long teamChanged;
    private long blockedChanged;
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
        beforeVersions.merge(before.versionId(), 1L, Long::sum);
        count(nextActions, before.nextAction(), after.nextAction());
        count(teams, before.team(), after.team());
        boolean actionMoved = !before.nextAction().equals(after.nextAction());
        boolean teamMoved = !before.team().equals(after.team());
        Set<String> added = new TreeSet<>(after.blocked());
        added.removeAll(before.blocked());
        Set<String> removed = new TreeSet<>(before.blocked());
        removed.removeAll(after.blocked());
        added.forEach(step -> newlyBlocked.merge(step, 1L, Long::sum));
        removed.forEach(step -> noLongerBlocked.merge(step, 1L, Long::sum));
        boolean blockedMoved = !added.isEmpty() || !removed.isEmpty();
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
        return new Report(candidate, cases, changed, nextActionChanged, teamChanged, blockedChanged, invalid,
                Map.copyOf(beforeVersions), deepCopy(nextActions), deepCopy(teams), Map.copyOf(newlyBlocked),
                Map.copyOf(noLongerBlocked), examplesCopy, List.copyOf(invalidCases), elapsedMillis);
    }

    private static Map<String, Map<String, Long>> deepCopy(Map<String, Map<String, Long>> matrix) {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        matrix.forEach((from, row) -> copy.put(from, new TreeMap<>(row)));
        return copy;
    }
}
