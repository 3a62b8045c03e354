package org.rentrecovery.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which scenarios of the loaded suites to run ({@code --name}, {@code --tag} on the command line,
 * {@code names} and {@code tags} over HTTP): a scenario runs when its name contains one of the names
 * (ignoring case) and it carries one of the tags; an empty list does not restrict.
 */
public record ScenarioSelection(List<String> names, List<String> tags) {
    public static final ScenarioSelection ALL = new ScenarioSelection(List.of(), List.of());

    public ScenarioSelection {
        names = names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).toList();
        tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    public boolean everything() {
        return names.isEmpty() && tags.isEmpty();
    }

    public boolean matches(Scenario scenario) {
        String name = scenario.name().toLowerCase(Locale.ROOT);
        boolean named = names.isEmpty() || names.stream().anyMatch(n -> name.contains(n.toLowerCase(Locale.ROOT)));
        boolean tagged = tags.isEmpty() || tags.stream().anyMatch(t -> scenario.tags().stream().anyMatch(t::equalsIgnoreCase));
        return named && tagged;
    }

    /** The loaded suites with only the chosen scenarios (suites left empty are dropped); bad files stay. */
    public SuiteLoader.Loaded apply(SuiteLoader.Loaded loaded) {
        if (everything()) {
            return loaded;
        }
        List<Suite> chosen = new ArrayList<>();
        for (Suite suite : loaded.suites()) {
            List<Scenario> scenarios = suite.scenarios().stream().filter(this::matches).toList();
            if (!scenarios.isEmpty() && !suite.file().endsWith(SuiteLoader.DEFAULTS_SUFFIX)) {
                chosen.add(new Suite(suite.file(), suite.name(), suite.reference(), scenarios));
            }
        }
        return new SuiteLoader.Loaded(chosen, loaded.badFiles());
    }

    /** Why nothing ran, when a selection matched nothing. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!names.isEmpty()) {
            parts.add("name " + String.join(", ", names));
        }
        if (!tags.isEmpty()) {
            parts.add("tag " + String.join(", ", tags));
        }
        return String.join(" and ", parts);
    }
}
