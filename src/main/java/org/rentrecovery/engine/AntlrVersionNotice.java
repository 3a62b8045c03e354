package org.rentrecovery.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The DMN FEEL parser was generated with an older ANTLR tool than the ANTLR runtime the rest of
 * Drools brings, and its classes say so on standard error when they load: four lines ("ANTLR Tool
 * version 4.10.1 used for code generation does not match the current runtime version ...") on every
 * start and every command-line run. The mismatch is harmless (the serialized grammar format has not
 * changed between these versions, and the parser is exercised by every test), and pinning the older
 * runtime would put the same notice on the parsers generated with the newer one. So the FEEL parser
 * classes are loaded once, first, with exactly those notices held back; anything else printed
 * meanwhile goes through.
 */
public final class AntlrVersionNotice {
    private static final String[] PARSERS = {
            "org.kie.dmn.feel.parser.feel11.FEEL_1_1Lexer", "org.kie.dmn.feel.parser.feel11.FEEL_1_1Parser"};
    private static boolean done;

    private AntlrVersionNotice() {
    }

    public static synchronized void loadFeelParserQuietly() {
        if (done) {
            return;
        }
        done = true;
        PrintStream original = System.err;
        PrintStream filtered = withoutVersionNotices(original);
        System.setErr(filtered);
        try {
            for (String parser : PARSERS) {
                try {
                    Class.forName(parser, true, AntlrVersionNotice.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    // not on this class path: nothing to quiet
                }
            }
        } finally {
            System.setErr(original);
            filtered.close(); // passes on a last line without its newline; the original stream stays open
        }
    }

    /**
     * A stream that passes whole lines to {@code target}, except ANTLR's version notices. A line is held until its
     * newline, or until the stream is closed: the notice is printed in pieces ({@code printf}), and an auto-flushing
     * stream flushes after each one, so judging a line at each flush would drop only its first words.
     */
    static PrintStream withoutVersionNotices(PrintStream target) {
        return new PrintStream(new LineFilter(target), true, StandardCharsets.UTF_8);
    }

    /** Passes whole lines through, except ANTLR's version notices. */
    private static final class LineFilter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public synchronized void flush() {
            target.flush();
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                flushLine();
            }
            target.flush();
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!text.startsWith("ANTLR Tool version") && !text.startsWith("ANTLR Runtime version")) {
                target.print(text);
            }
        }
    }
}
