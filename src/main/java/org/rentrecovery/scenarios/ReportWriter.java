package org.rentrecovery.scenarios;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a run's report: {@code scenario-report.json} (what POST /api/scenarios/run answers),
 * {@code junit/TEST-scenarios.xml} (JUnit XML for CI) and {@code index.html} (for people).
 */
public final class ReportWriter {
    public static final String JSON = "scenario-report.json";
    public static final String JUNIT = "junit/TEST-scenarios.xml";
    public static final String HTML = "index.html";

    private ReportWriter() {
    }

    public static void writeAll(ScenarioReport report, ObjectMapper json, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("junit"));
        json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(JSON).toFile(), report);
        try (OutputStream out = Files.newOutputStream(dir.resolve(JUNIT))) {
            junitXml(report, out);
        }
        Files.writeString(dir.resolve(HTML), html(report, RuleLinks.from(Path.of("docs"), dir)), StandardCharsets.UTF_8);
    }

    /** One {@code testsuite} per suite file, one {@code testcase} per scenario; bad files are errors. */
    public static void junitXml(ScenarioReport report, OutputStream out) throws IOException {
        JunitXmlReport.write(report, out);
    }

    /** The HTML report with rule links into the docs of the project the run started in (the working directory). */
    public static String html(ScenarioReport report) {
        return html(report, RuleLinks.from(Path.of("docs"), Path.of("")));
    }

    /** The report for people ({@link HtmlReport}), its rules linked to their sections in the docs. */
    public static String html(ScenarioReport report, RuleLinks links) {
        return HtmlReport.html(report, links);
    }

    /** An id for a scenario's row, from its file and line: stable from run to run, unique in a run. */
    static String anchor(ScenarioResult r) {
        String file = r.file().replace('\\', '/');
        return "s-" + file.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + r.line();
    }

    static List<String> files() {
        return List.of(JSON, JUNIT, HTML);
    }
}
