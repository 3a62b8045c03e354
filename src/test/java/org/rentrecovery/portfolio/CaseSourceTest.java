package org.rentrecovery.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class CaseSourceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> read(String text, CaseSource.Format format) throws Exception {
        List<String> out = new ArrayList<>();
        try (CaseSource source = CaseSource.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, MAPPER)) {
            CaseSource.InputCase c;
            while ((c = source.next()) != null) {
                out.add(c.line() + ":" + (c.problem() != null ? "problem " + c.problem().status() : c.caseRef()));
            }
        }
        return out;
    }

    @Test
    void csvRowsAreNumberedByTheirLineInTheFileHeaderIncluded() throws Exception {
        String csv = "caseRef,account.balance\nA,1\nB,2\n\nC,3\nD,4,5\n\"E\",\"6\"";
        assertThat(read(csv, CaseSource.Format.CSV)).containsExactly("2:A", "3:B", "5:C", "6:problem 400", "7:E");
    }

    @Test
    void ndjsonLinesCarryTheirCaseRefReadWithoutBuildingTheCase() throws Exception {
        assertThat(read("{\"tenancy\":{\"caseRef\":\"inner\"},\"caseRef\":\"A\"}\n{\"caseRef\":7}\nnot json\n",
                CaseSource.Format.NDJSON)).containsExactly("1:A", "2:null", "3:null");
    }

    @Test
    void anEmptyCsvOrAnUnknownColumnIsRefusedBeforeAnyCase() {
        assertThatThrownBy(() -> read("", CaseSource.Format.CSV)).hasMessageContaining("first line must name the columns");
        assertThatThrownBy(() -> read("caseRef,balance\nA,1\n", CaseSource.Format.CSV)).hasMessageContaining("balance");
    }
}
