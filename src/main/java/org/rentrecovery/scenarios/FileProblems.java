package org.rentrecovery.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

import org.rentrecovery.scenarios.ScenarioFileException.BadFile;

/** The problems found in one suite file: collected, so a tester sees all of them at once. */
final class FileProblems {
    private final List<BadFile> found = new ArrayList<>();

    /** Runs a check; a problem it finds is recorded and the next check runs. @return false if it found one */
    boolean attempt(Runnable check) {
        try {
            check.run();
            return true;
        } catch (ScenarioFileException e) {
            found.addAll(e.problems());
            return false;
        }
    }

    <T> T attempt(Supplier<T> check, T fallback) {
        try {
            return check.get();
        } catch (ScenarioFileException e) {
            found.addAll(e.problems());
            return fallback;
        }
    }

    void add(String file, int line, String message) {
        found.add(new BadFile(file, line, message));
    }

    /** How many problems were found so far: a mark for {@link #placeSince}. */
    int count() {
        return found.size();
    }

    /** Gives each problem found since {@code mark} the place {@code placing} finds for it (e.g. its CSV column). */
    void placeSince(int mark, java.util.function.UnaryOperator<BadFile> placing) {
        for (int i = mark; i < found.size(); i++) {
            found.set(i, placing.apply(found.get(i)));
        }
    }

    boolean any() {
        return !found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            List<BadFile> sorted = new ArrayList<>(new LinkedHashSet<>(found));
            sorted.sort(Comparator.comparingInt(BadFile::line));
            throw new ScenarioFileException(sorted);
        }
    }
}
