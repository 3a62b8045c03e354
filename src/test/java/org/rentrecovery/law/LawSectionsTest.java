package org.rentrecovery.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every docs/law.md link an answer gives opens a real section, for a rule that exists. */
class LawSectionsTest {

    @Test
    void everySectionCitedIsAHeadingOfTheLawPage() throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("docs/law.md"))) {
            if (line.startsWith("## ")) {
                anchors.add(line.substring(3).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
            }
        }
        assertThat(anchors).containsAll(LawSections.sectionOfRule().values());
    }

    @Test
    void everyRuleListedIsARuleOfTheLaw() throws IOException {
        Set<String> rules = new HashSet<>();
        Pattern ruleName = Pattern.compile("^rule \"([^\"]+)\"", Pattern.MULTILINE);
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = ruleName.matcher(Files.readString(drl));
                while (m.find()) {
                    rules.add(m.group(1));
                }
            }
        }
        assertThat(rules).containsAll(LawSections.sectionOfRule().keySet());
    }

    @Test
    void theSectionIsAddedOnceAndNeverTwice() {
        assertThat(LawSections.cite("A third-party deduction needs Universal Credit", "No UC.", "UC (Claims and Payments) Regs 2013 Sch 6 para 7"))
                .isEqualTo("UC (Claims and Payments) Regs 2013 Sch 6 para 7; docs/law.md#benefit-requests");
        assertThat(LawSections.cite("A third-party deduction needs Universal Credit", "See docs/law.md#benefit-requests.", "Sch 6 para 7"))
                .isEqualTo("Sch 6 para 7");
        assertThat(LawSections.cite("A rule no section explains", "Text.", "Some Act s.1")).isEqualTo("Some Act s.1");
        assertThat(LawSections.cite("A third-party deduction needs Universal Credit", "No UC.", null)).isEqualTo("docs/law.md#benefit-requests");
    }
}
