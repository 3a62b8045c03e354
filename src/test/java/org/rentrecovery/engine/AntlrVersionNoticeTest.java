package org.rentrecovery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AntlrVersionNoticeTest {

    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private final PrintStream target = new PrintStream(seen, true, StandardCharsets.UTF_8);

    private String seen() {
        return seen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void holdsBackBothNoticesPrintedInPiecesAsAntlrPrintsThem() {
        PrintStream filtered = AntlrVersionNotice.withoutVersionNotices(target);
        // org.antlr.v4.runtime.RuntimeMetaData.checkVersion's two formats, through printf as it calls them
        filtered.printf("ANTLR Tool version %s used for code generation does not match the current runtime version %s%n",
                "4.10.1", "4.13.0");
        filtered.printf("ANTLR Runtime version %s used for parser compilation does not match the current runtime version %s%n",
                "4.10.1", "4.13.0");
        filtered.close();

        assertEquals("", seen());
    }

    @Test
    void passesEveryOtherLineWhole() {
        PrintStream filtered = AntlrVersionNotice.withoutVersionNotices(target);
        filtered.printf("a warning about %s%n", "something else");
        filtered.printf("ANTLR Tool version %s used for code generation does not match the current runtime version %s%n",
                "4.10.1", "4.13.0");
        filtered.print("a last line without its newline");
        filtered.close();

        assertEquals("a warning about something else" + System.lineSeparator() + "a last line without its newline", seen());
    }

    @Test
    void closingTheFilterLeavesItsTargetOpen() {
        AntlrVersionNotice.withoutVersionNotices(target).close();
        target.print("still open");

        assertEquals("still open", seen());
    }
}
