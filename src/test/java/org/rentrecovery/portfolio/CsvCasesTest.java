package org.rentrecovery.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class CsvCasesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String json(List<String> header, String... cells) throws Exception {
        return new String(new CsvCases(header, MAPPER).toJson(Arrays.asList(cells)), StandardCharsets.UTF_8);
    }

    @Test
    void writesEachCellAsTheCaseHasItNumbersYesNoDatesListsAndNestedBlocks() throws Exception {
        List<String> header = List.of("caseRef", "asOf", "tenancy.type", "tenancy.rentPerPeriod", "account.balance",
                "household.anyoneOverStatePensionAge", "recovery.actions", "tenancy.endDate");
        String json = json(header, "00123", "2026-11-23", "SECURE", "110.50", "495", "true",
                "[{\"type\":\"SEND_REMINDER_LETTER_1\",\"date\":\"2026-10-26\"}]", "");
        assertThat(MAPPER.readTree(json)).isEqualTo(MAPPER.readTree("""
                {"caseRef":"00123","asOf":"2026-11-23","tenancy":{"type":"SECURE","rentPerPeriod":110.50},
                 "account":{"balance":495},"household":{"anyoneOverStatePensionAge":true},
                 "recovery":{"actions":[{"type":"SEND_REMINDER_LETTER_1","date":"2026-10-26"}]}}"""));
        assertThat(json).contains("110.50");
    }

    @Test
    void aCellThatDoesNotFitItsColumnIsPassedOnAsTextForTheCaseValidationToName() throws Exception {
        String json = json(List.of("caseRef", "account.balance", "household.anyoneOverStatePensionAge"), "X", "12 pounds", "maybe");
        assertThat(MAPPER.readTree(json).path("account").path("balance").isTextual()).isTrue();
        assertThat(MAPPER.readTree(json).path("household").path("anyoneOverStatePensionAge").asText()).isEqualTo("maybe");
    }

    @Test
    void anUnknownColumnIsRefusedByName() {
        assertThatThrownBy(() -> new CsvCases(List.of("caseRef", "account.balanse"), MAPPER))
                .hasMessageContaining("account.balanse").hasMessageContaining("balanse");
        assertThatThrownBy(() -> new CsvCases(List.of("tenancy.type.name"), MAPPER)).hasMessageContaining("tenancy.type.name");
    }
}
