package org.rentrecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

/** A run's answers are written through generated accessors, and must be the very JSON the service's mapper writes. */
class AnswerJsonTest {

    @Test
    void writesEveryKindOfAnswerExactlyAsTheServiceMapperDoes() throws Exception {
        AnswerJson answers = new AnswerJson(TestCases.MAPPER);
        int compared = 0;
        for (int balance : new int[] {0, 150, 450, 900, 1600, 4000, 9000}) {
            for (TestCases c : List.of(TestCases.secure(), TestCases.assured(),
                    TestCases.secure().set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10")),
                    TestCases.assured().set("tenancy.rentFrequency", "MONTHLY").set("tenancy.rentPerPeriod", 520.55))) {
                Decision d = TestCases.decisions().decide(c.set("account.balance", balance).action("SEND_REMINDER_LETTER_1", 40)
                        .facts());
                // twice: the second write goes through accessors already generated
                assertThat(answers.write(d)).isEqualTo(TestCases.MAPPER.writeValueAsString(d));
                assertThat(answers.write(d)).isEqualTo(TestCases.MAPPER.writeValueAsString(d));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(28);
    }
}
