package org.rentrecovery.worklist;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.routing.Team;

/**
 * Ranks a team's accounts (or one officer's queue) for a date: band first (the WorklistBand row: support for
 * vulnerable tenants first, enforcement against them never first), then the priority score, highest first, then
 * the earliest due date, then the case ref, so the order is total and the same every time.
 */
public final class Worklists {

    /** The order of a worklist. */
    public static final Comparator<WorklistRow> ORDER = Comparator.comparingInt(WorklistRow::band)
            .thenComparing(Comparator.comparingInt(WorklistRow::priorityScore).reversed())
            .thenComparing(WorklistRow::dueBy, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorklistRow::caseRef);

    private Worklists() {
    }

    /** One page of a ranked worklist; {@code total} counts every account in it. */
    public record Page(
            @Schema(description = "The finished portfolio run the worklist is ranked from") String runId,
            @Schema(description = "The team whose accounts these are") Team team,
            @Schema(description = "The officer asked for, when the queue is one officer's") String officer,
            @Schema(description = "The date ranked for: days to a hearing or limitation date and since the last contact count from it") LocalDate asOf,
            @Schema(description = "The page number, from 1") int page,
            @Schema(description = "Rows a page holds, 1 to 1,000") int size,
            @Schema(description = "Accounts in the whole worklist, every page") int total,
            @Schema(description = "This page's accounts, in rank order") List<WorklistRow> rows,
            @Schema(description = "Partitions (i/n) of the run that have not finished: the worklist holds only the accounts of "
                    + "those that have. Empty when the run is whole") List<String> partitionsMissing) {
    }

    /**
     * Every entry of the team (and of the officer, when one is named), scored under {@code policy} on {@code on}
     * and ranked, rank 1 first.
     */
    public static List<WorklistRow> rank(Iterator<WorklistEntry> entries, Team team, String officer, LocalDate on,
            WorklistPriority priority, ModelSet policy) {
        List<WorklistRow> rows = new ArrayList<>();
        while (entries.hasNext()) {
            WorklistEntry e = entries.next();
            if (e.team() != team || (officer != null && !officer.equals(e.officer())) || e.priority() == null) {
                continue;
            }
            rows.add(WorklistRow.of(0, e, priority.score(policy, e.priority(), on)));
        }
        rows.sort(ORDER);
        List<WorklistRow> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ranked.add(rows.get(i).ranked(i + 1));
        }
        return ranked;
    }

    /** One account alone, as it would appear in its worklist on {@code on} (a scenario's answer). */
    public static WorklistRow one(WorklistEntry entry, LocalDate on, WorklistPriority priority, ModelSet policy) {
        return WorklistRow.of(1, entry, priority.score(policy, entry.priority(), on));
    }

    /** Page {@code page} (from 1) of {@code size} rows. */
    public static Page page(String runId, List<String> partitionsMissing, Team team, String officer, LocalDate asOf,
            List<WorklistRow> ranked, int page,
            int size) {
        long from = (long) (page - 1) * size;
        List<WorklistRow> rows = from >= ranked.size() ? List.of()
                : ranked.subList((int) from, (int) Math.min(ranked.size(), from + size));
        return new Page(runId, team, officer, asOf, page, size, ranked.size(), List.copyOf(rows), List.copyOf(partitionsMissing));
    }

    static final List<String> CSV_HEADER = List.of("rank", "caseRef", "decisionId", "team", "officer", "nextAction",
            "nextActionCode", "nextActionCategory", "owner", "dueBy", "escalationStep", "balance", "weeksOfRent", "priorityScore",
            "band", "bandReason", "bandRule");

    /**
     * The worklist as CSV (RFC 4180): one row per account in rank order, one column of points per score component
     * (0 when it did not score) and {@code rules}, the table rows that scored, so a spreadsheet can sort and
     * filter it and still say why.
     */
    public static void csv(List<WorklistRow> rows, Writer out) throws IOException {
        List<String> header = new ArrayList<>(CSV_HEADER);
        for (PriorityComponent c : PriorityComponent.values()) {
            header.add(c.name());
        }
        header.add("rules");
        line(out, header);
        for (WorklistRow r : rows) {
            Map<PriorityComponent, Integer> points = new EnumMap<>(PriorityComponent.class);
            r.components().forEach(c -> points.merge(c.component(), c.points(), Integer::sum));
            List<String> cells = new ArrayList<>(List.of(String.valueOf(r.rank()), text(r.caseRef()), text(r.decisionId()),
                    name(r.team()), text(r.officer()), name(r.nextAction()), text(r.nextActionCode()),
                    name(r.nextActionCategory()), text(r.owner()), value(r.dueBy()),
                    text(r.escalationStep()), value(r.balance() == null ? null : r.balance().toPlainString()),
                    value(r.weeksOfRent() == null ? null : r.weeksOfRent().toPlainString()), String.valueOf(r.priorityScore()),
                    String.valueOf(r.band()), text(r.bandReason()), text(r.bandRule())));
            for (PriorityComponent c : PriorityComponent.values()) {
                cells.add(String.valueOf(points.getOrDefault(c, 0)));
            }
            cells.add(text(r.components().stream().map(PriorityScore.Component::rule).collect(Collectors.joining(" "))));
            line(out, cells);
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    private static String name(Enum<?> e) {
        return e == null ? "" : e.name();
    }

    private static String value(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Free text from the case system: a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
    private static String text(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
