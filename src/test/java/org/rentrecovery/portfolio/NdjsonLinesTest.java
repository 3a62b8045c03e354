package org.rentrecovery.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

    private static List<String> read(String input, int maxLineBytes) throws IOException {
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
        List<String> out = new ArrayList<>();
        NdjsonLines.Line line;
        while ((line = lines.next()) != null) {
            out.add(line.number() + ":" + (line.tooLong() ? "TOO LONG " + line.length()
                    : new String(line.bytes(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void numbersLinesAsAnEditorDoesSkippingBlankOnes() throws IOException {
        assertThat(read("a\n\nb\r\n \t\nc", 100)).containsExactly("1:a", "3:b", "5:c");
    }

    @Test
    void aLineOverTheLimitIsReportedWithItsLengthAndReadingGoesOn() throws IOException {
        String longLine = "x".repeat(200_000);
        assertThat(read("a\n" + longLine + "\nb\n", 100_000)).containsExactly("1:a", "2:TOO LONG 200000", "3:b");
    }

    @Test
    void aLineExactlyAtTheLimitIsKeptWhole() throws IOException {
        String line = "y".repeat(70_000);   // longer than the read buffer, so it arrives in two pieces
        assertThat(read(line + "\n", 70_000)).containsExactly("1:" + line);
    }

    @Test
    void nothingOrOnlyBlankLinesIsNoRecord() throws IOException {
        assertThat(read("", 10)).isEmpty();
        assertThat(read("\n\r\n  \n", 10)).isEmpty();
    }
}
