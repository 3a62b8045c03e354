package org.rentrecovery.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.support.Scenarios;

/**
 * docs/fields.md is the contract as a tester reads it, so it must match the contract: regenerate with
 * {@code -Dfields.write=true} after a contract or vocabulary change. Its examples come from types and
 * annotations only, so the page does not depend on what ran before it.
 */
class FieldReferenceTest {
    private static final Path PAGE = Path.of("docs/fields.md");

    private static String generate() {
        return new FieldReference(ValueVocabulary.of(List.of(PolicyModels.classpathSeed("dev")))).markdown();
    }

    @Test
    void theFieldReferenceIsUpToDate() throws Exception {
        String generated = generate();
        if (Boolean.getBoolean("fields.write")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/fields.md is out of date: regenerate it with -Dtest=FieldReferenceTest -Dfields.write=true")
                .isEqualTo(generated);
    }

    @Test
    void thePageIsTheSameWhateverRanBefore() {
        String before = generate();
        // Decide a case and load a suite (which compile, cache and relabel models) between two generations.
        Scenarios.engine().run(Scenarios.engine().loader().load(Path.of("test-scenarios/escalation/ladder-basics.yaml")));
        PolicyModels.classpathSeed("another-label");
        assertThat(generate()).isEqualTo(before);
    }

    @Test
    void everyRequestFieldAndResponsePathIsThereWithTypeAllowedValuesAndExample() {
        String page = generate();
        assertThat(page).contains(
                "| `account.balance` | number | What the tenant owes: positive = arrears, negative = in credit | required;",
                "| `tenancy.tenants[0].ageYears` | whole number |",
                "| `tenancy.type` | name |",
                "| `nextAction.type` | name |",
                "| `blockedActions[*].blockedBy[*].guard` | text |",
                "| `errors[*].field` | text |");
        assertThat(page).containsPattern("\\| `escalation.step` \\| text \\| [^|]+ \\| [^|]*LETTER_1[^|]*\\(vocabulary.dmn tEscalationStep\\) \\| `[A-Z_]+` \\|");
        assertThat(page).containsPattern("\\| `nextAction.type` \\| name \\| [^|]+ \\| [^|]*SEND_REMINDER_LETTER_1[^|]*\\(the code's ActionType\\) \\|");
        assertThat(page).containsPattern("\\| `blockedActions\\[\\*\\]\\.blockedBy\\[\\*\\]\\.guard` \\| text \\| [^|]+ \\| [^|]*BREATHING_SPACE");
    }
}
