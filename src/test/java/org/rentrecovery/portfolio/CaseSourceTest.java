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
        return read(text.getBytes(StandardCharsets.UTF_8), format, StandardCharsets.UTF_8);
    }

    private static List<String> read(byte[] bytes, CaseSource.Format format, java.nio.charset.Charset charset) throws Exception {
        List<String> out = new ArrayList<>();
        try (CaseSource source = CaseSource.open(new ByteArrayInputStream(bytes), format, charset, MAPPER)) {
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
    void csvRowsKeepTheirNumberWhateverTheLineEndingsAndARowOverTwoLinesIsNumberedByItsFirst() throws Exception {
        assertThat(read("caseRef,account.balance\nA,1\nB,2\nC,3\n", CaseSource.Format.CSV)).containsExactly("2:A", "3:B", "4:C");
        assertThat(read("caseRef,account.balance\r\nA,1\r\nB,2\r\n", CaseSource.Format.CSV)).containsExactly("2:A", "3:B");
        assertThat(read("caseRef,officer\nA,\"two\n\nlines\"\nB,x\n", CaseSource.Format.CSV)).containsExactly("2:A", "5:B");
        assertThat(read("\uFEFFcaseRef,account.balance\nA,1\n", CaseSource.Format.CSV)).containsExactly("2:A");
    }

    @Test
    void aMalformedCsvRowIsAProblemOnItsLineAndTheRowsAfterItAreStillRead() throws Exception {
        assertThat(read("caseRef,account.balance\nA,1\nB,\"2\"x\nC,3\n", CaseSource.Format.CSV))
                .containsExactly("2:A", "3:problem 400", "4:C");
        assertThat(read("caseRef,account.balance\nA,1\nB,\"2\n", CaseSource.Format.CSV)).containsExactly("2:A", "3:problem 400");
        assertThat(read("caseRef,officer\nA,\"O\"\"Brien, J\"\n", CaseSource.Format.CSV)).containsExactly("2:A");
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkippedAfterAByteOrderMarkToo() throws Exception {
        assertThat(read("\uFEFF\n \ncaseRef,account.balance\nA,1\n", CaseSource.Format.CSV)).containsExactly("4:A");
        assertThat(read("\n\ncaseRef,account.balance\nA,1\n", CaseSource.Format.CSV)).containsExactly("4:A");
    }

    @Test
    void textAfterAClosingQuoteNamesTheRowsFirstLineAndTheLineItIsOn() throws Exception {
        try (CaseSource source = CaseSource.open(new ByteArrayInputStream(
                "caseRef,officer\nA,\"Jo\nSmith\"x\nB,\"Lee\"y\n".getBytes(StandardCharsets.UTF_8)),
                CaseSource.Format.CSV, StandardCharsets.UTF_8, MAPPER)) {
            CaseSource.InputCase spanning = source.next();
            assertThat(spanning.line()).isEqualTo(2);
            assertThat(spanning.problem().detail()).contains("in the row starting on line 2, line 3, byte 7")
                    .contains("closing quote");
        }
        try (CaseSource source = CaseSource.open(new ByteArrayInputStream(
                "caseRef,officer\nB,\"Lee\"y\n".getBytes(StandardCharsets.UTF_8)), CaseSource.Format.CSV, StandardCharsets.UTF_8, MAPPER)) {
            assertThat(source.next().problem().detail()).contains("line 2, byte 8").doesNotContain("row starting");
        }
    }

    @Test
    void aStrayQuoteCostsItsOwnRowNotTheRowsItTookIn() throws Exception {
        assertThat(read("caseRef,officer\nA,\"O'Brien\nB,x\nC,y\n", CaseSource.Format.CSV))
                .containsExactly("2:problem 400", "3:B", "4:C");
        assertThat(read("caseRef,officer\nA,\"O'Brien\nB,x\nC,\"Smith, J\"\nD,z\n", CaseSource.Format.CSV))
                .containsExactly("2:problem 400", "3:B", "4:C", "5:D");
    }

    @Test
    void aRowOverSeveralLinesWithBadBytesIsOneProblemAndItsLinesAreNotReadAsRows() throws Exception {
        byte[] latin = "caseRef,officer\nA,\"Ren\u00e9e said\nshe paid\"\nB,x\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(latin, CaseSource.Format.CSV, StandardCharsets.UTF_8)).containsExactly("2:problem 400", "4:B");
    }

    @Test
    void aQuoteLeftOpenIsClosedByTheLineCap() throws Exception {
        String swallowed = "\n".repeat(CsvRecords.MAX_RECORD_LINES + 5);
        assertThat(read("caseRef,officer\nA,\"x" + swallowed + "B,y\n", CaseSource.Format.CSV))
                .containsExactly("2:problem 400", (CsvRecords.MAX_RECORD_LINES + 7) + ":B");
        CsvRecords records = new CsvRecords(new ByteArrayInputStream(("A,\"x" + swallowed + "B,y\n").getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, CaseSource.MAX_LINE_BYTES);
        assertThat(records.next().problem()).contains("not closed within " + CsvRecords.MAX_RECORD_LINES + " lines");
    }

    @Test
    void aQuotedCellMayFollowBlanksAfterTheComma() throws Exception {
        try (CaseSource source = CaseSource.open(new ByteArrayInputStream("caseRef,officer\nA, \"Smith, J\" \n"
                .getBytes(StandardCharsets.UTF_8)), CaseSource.Format.CSV, MAPPER)) {
            assertThat(new String(source.next().json(), StandardCharsets.UTF_8)).contains("\"officer\":\"Smith, J\"");
        }
    }

    @Test
    void aRecordOverItsSizeIsAProblemAndItsLinesAreReadAgain() throws Exception {
        CsvRecords records = new CsvRecords(new ByteArrayInputStream("a,\"xxxxxxxx\nyyyyyyyyyyyy\nb,c\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, 20);
        CsvRecords.Record first = records.next();
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.problem()).contains("not closed within 20 bytes");
        assertThat(records.next().cells()).containsExactly("yyyyyyyyyyyy");
        CsvRecords.Record last = records.next();
        assertThat(last.line()).isEqualTo(3);
        assertThat(last.cells()).containsExactly("b", "c");
        assertThat(records.next()).isNull();
    }

    @Test
    void csvBytesNotInTheFilesCharsetAreAProblemAndADeclaredCharsetIsRead() throws Exception {
        byte[] latin = "caseRef,officer\nA,Ren\u00e9e\nB,x\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(latin, CaseSource.Format.CSV, StandardCharsets.UTF_8)).containsExactly("2:problem 400", "3:B");
        java.nio.charset.Charset windows = CaseSource.csvCharset("text/csv; charset=windows-1252");
        try (CaseSource source = CaseSource.open(new ByteArrayInputStream(latin), CaseSource.Format.CSV, windows, MAPPER)) {
            assertThat(new String(source.next().json(), StandardCharsets.UTF_8)).contains("\"officer\":\"Ren\u00e9e\"");
        }
        assertThat(CaseSource.csvCharset("text/csv")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CaseSource.csvCharset("text/csv;charset=\"utf-8\"")).isEqualTo(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CaseSource.csvCharset("text/csv; charset=UTF-16")).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> CaseSource.csvCharset("text/csv; charset=nonsense")).hasMessageContaining("nonsense");
    }

    @Test
    void aMalformedOrRepeatedHeaderIsRefusedWithItsReason() {
        assertThatThrownBy(() -> read("caseRef,\"asOf\n", CaseSource.Format.CSV)).hasMessageContaining("header")
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> read("caseRef,asOf,caseRef\nA,2026-01-01,B\n", CaseSource.Format.CSV))
                .hasMessageContaining("caseRef is named twice");
        assertThatThrownBy(() -> read("caseRef,asOf\rA,2026-01-01\rB,2026-01-01\r", CaseSource.Format.CSV))
                .hasMessageContaining("carriage return alone");
    }

    @Test
    void ndjsonLinesCarryTheirCaseRefReadWithoutBuildingTheCase() throws Exception {
        assertThat(read("{\"tenancy\":{\"caseRef\":\"inner\"},\"caseRef\":\"A\"}\n{\"caseRef\":7}\nnot json\n",
                CaseSource.Format.NDJSON)).containsExactly("1:A", "2:null", "3:null");
    }

    @Test
    void anEmptyCsvOrAnUnknownColumnIsRefusedBeforeAnyCase() {
        assertThatThrownBy(() -> read("", CaseSource.Format.CSV)).hasMessageContaining("first line must name the columns");
        assertThatThrownBy(() -> read("\uFEFF", CaseSource.Format.CSV)).as("only a byte order mark")
                .hasMessageContaining("the CSV file is empty");
        assertThatThrownBy(() -> read("\uFEFF\n\n", CaseSource.Format.CSV)).hasMessageContaining("the CSV file is empty");
        assertThatThrownBy(() -> read("caseRef,balance\nA,1\n", CaseSource.Format.CSV)).hasMessageContaining("balance");
    }
}
