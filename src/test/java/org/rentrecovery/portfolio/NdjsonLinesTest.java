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

    @Test
    void mustWaitForInputOnlyWhenNothingIsBufferedAndTheStreamHasNothingWaiting() throws IOException {
        // Two lines in one read: the second is still buffered here after the first is returned.
        NdjsonLines buffered = new NdjsonLines(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)), 100);
        buffered.next();
        assertThat(buffered.mustWaitForInput()).isFalse();
        buffered.next();
        assertThat(buffered.mustWaitForInput()).as("all read, and the stream has nothing more").isTrue();

        // A stream that hands over one byte a read and reports what it still holds, as a network stream does.
        ByteArrayInputStream source = new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8));
        java.io.InputStream trickle = new java.io.InputStream() {
            @Override
            public int read() {
                return source.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return source.read(b, off, Math.min(len, 1));
            }

            @Override
            public int available() {
                return source.available();
            }
        };
        NdjsonLines trickled = new NdjsonLines(trickle, 100);
        assertThat(trickled.next().bytes()).containsExactly('a');
        assertThat(trickled.mustWaitForInput()).as("the stream still holds the second line").isFalse();
        assertThat(trickled.next().bytes()).containsExactly('b');
        assertThat(trickled.mustWaitForInput()).isTrue();
    }
}
