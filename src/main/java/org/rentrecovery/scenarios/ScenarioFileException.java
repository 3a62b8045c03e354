package org.rentrecovery.scenarios;

/** A scenario file that cannot be run as written: names the file, the line and what is wrong. */
public class ScenarioFileException extends RuntimeException {
    private final String file;
    private final int line;

    public ScenarioFileException(String file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public BadFile toBadFile() {
        return new BadFile(file, line, getMessage());
    }

    /** As reported: {@code file:line: message}. */
    public record BadFile(String file, int line, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }
}
