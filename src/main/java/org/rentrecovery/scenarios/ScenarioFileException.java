package org.rentrecovery.scenarios;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A scenario file that cannot be run as written: names the file, the line and what is wrong; when a
 * file has several problems, every one of them (a tester fixes them in one go, not one per run).
 */
public class ScenarioFileException extends RuntimeException {
    private final String file;
    private final int line;
    private final List<BadFile> problems;

    public ScenarioFileException(String file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.problems = List.of(new BadFile(file, line, message));
    }

    /** Every problem found in one file, in line order; the first one gives the file, line and message. */
    public ScenarioFileException(List<BadFile> problems) {
        super(message(problems));
        this.file = problems.get(0).file();
        this.line = problems.get(0).line();
        this.problems = List.copyOf(problems);
    }

    private static String message(List<BadFile> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        return problems.size() + " problems: " + problems.stream()
                .map(p -> (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message()).collect(Collectors.joining("; "));
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** Every problem, each with its own line. */
    public List<BadFile> problems() {
        return problems;
    }

    public BadFile toBadFile() {
        return problems.get(0);
    }

    /** As reported: {@code file:line: message}; a CSV cell's problem also names its column. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record BadFile(
            @Schema(description = "The scenario file, e.g. test-scenarios/guards/ground8.csv") String file,
            @Schema(description = "The line at fault, 0 when the file as a whole is") int line,
            @Schema(description = "What is wrong there and how to write it instead") String message,
            @Schema(description = "In a CSV file, the column of the cell at fault as its header names it, e.g. "
                    + "expect.escalation.step; absent when the problem is not one cell's") String column) {

        public BadFile(String file, int line, String message) {
            this(file, line, message, null);
        }

        /** The same problem, placed in a CSV column (unless it already names one). */
        BadFile inColumn(String name) {
            return column == null ? new BadFile(file, line, message, name) : this;
        }

        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }
}
