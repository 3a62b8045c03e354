package org.rentrecovery.scenarios;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.rentrecovery.scenarios.ScenarioFileException.BadFile;
import org.rentrecovery.scenarios.ScenarioReport.SuiteResult;

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
        Files.writeString(dir.resolve(HTML), html(report), StandardCharsets.UTF_8);
    }

    /** One {@code testsuite} per suite file, one {@code testcase} per scenario; bad files are errors. */
    public static void junitXml(ScenarioReport report, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "scenario suites");
            xml.writeAttribute("tests", Integer.toString(report.summary().scenarios() + report.summary().badFiles()));
            xml.writeAttribute("failures", Integer.toString(report.summary().failed()));
            xml.writeAttribute("errors", Integer.toString(report.summary().errors() + report.summary().badFiles()));
            for (SuiteResult suite : report.suites()) {
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", suite.name());
                xml.writeAttribute("file", suite.file());
                xml.writeAttribute("tests", Integer.toString(suite.scenarios().size()));
                xml.writeAttribute("failures", Long.toString(suite.scenarios().stream()
                        .filter(s -> s.outcome() == ScenarioResult.Outcome.FAILED).count()));
                xml.writeAttribute("errors", Long.toString(suite.scenarios().stream()
                        .filter(s -> s.outcome() == ScenarioResult.Outcome.ERROR).count()));
                for (ScenarioResult scenario : suite.scenarios()) {
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("name", scenario.name());
                    xml.writeAttribute("classname", suite.name());
                    xml.writeAttribute("file", scenario.file());
                    xml.writeAttribute("line", Integer.toString(scenario.line()));
                    if (!scenario.passed()) {
                        boolean error = scenario.outcome() == ScenarioResult.Outcome.ERROR;
                        xml.writeStartElement(error ? "error" : "failure");
                        xml.writeAttribute("message", error ? scenario.error()
                                : scenario.failures().stream().map(ScenarioResult.Failure::message).findFirst().orElse(""));
                        xml.writeCharacters(scenario.explain());
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (!report.badFiles().isEmpty()) {
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", "bad scenario files");
                xml.writeAttribute("tests", Integer.toString(report.badFiles().size()));
                xml.writeAttribute("errors", Integer.toString(report.badFiles().size()));
                for (BadFile bad : report.badFiles()) {
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("name", bad.file());
                    xml.writeAttribute("classname", "bad scenario files");
                    xml.writeStartElement("error");
                    xml.writeAttribute("message", bad.toString());
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    public static String html(ScenarioReport report) {
        ScenarioReport.Summary s = report.summary();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scenario report</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}")
                .append(".PASSED{color:#17612a}.FAILED,.ERROR,.bad{color:#a4141b;font-weight:bold}pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap}")
                .append("</style></head><body>\n<h1>Scenario report</h1>\n");
        h.append("<p class=\"").append(s.success() ? "PASSED" : "FAILED").append("\">").append(s.success() ? "All passed" : "Not all passed")
                .append(": ").append(s.scenarios()).append(" scenarios in ").append(s.suites()).append(" suites, ")
                .append(s.passed()).append(" passed, ").append(s.failed()).append(" failed, ").append(s.errors())
                .append(" errors, ").append(s.badFiles()).append(" bad files.</p>\n");
        if (!report.badFiles().isEmpty()) {
            h.append("<h2>Bad scenario files</h2><ul>");
            for (BadFile bad : report.badFiles()) {
                h.append("<li class=\"bad\">").append(esc(bad.toString())).append("</li>");
            }
            h.append("</ul>\n");
        }
        RuleCoverage c = report.coverage();
        if (c != null) {
            h.append("<h2>Rule coverage: ").append(c.percent()).append("% (").append(c.covered()).append(" of ").append(c.total())
                    .append(")</h2>\n<table><tr><th>Decision table</th><th>File</th><th>Rows reached</th><th>Never selected</th></tr>");
            for (RuleCoverage.TableCoverage t : c.tables()) {
                h.append("<tr><td>").append(esc(t.model() + " / " + t.table())).append("</td><td>").append(esc(t.file()))
                        .append("</td><td>").append(t.covered()).append('/').append(t.rows()).append(" (").append(t.percent())
                        .append("%)</td><td>").append(t.neverSelectedRows().isEmpty() ? "" : esc("rows " + t.neverSelectedRows()))
                        .append("</td></tr>");
            }
            h.append("</table>\n<table><tr><th>Rules file</th><th>Unit</th><th>Rules fired</th><th>Never fired</th></tr>");
            for (RuleCoverage.RuleFileCoverage r : c.rules()) {
                h.append("<tr><td>").append(esc(r.file())).append("</td><td>").append(esc(String.valueOf(r.unit())))
                        .append("</td><td>").append(r.covered()).append('/').append(r.rules()).append(" (").append(r.percent())
                        .append("%)</td><td>").append(esc(String.join("; ", r.neverFiredRules()))).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        for (SuiteResult suite : report.suites()) {
            h.append("<h2>").append(esc(suite.name())).append("</h2><p>").append(esc(suite.file())).append(": ")
                    .append(suite.passed()).append(" passed, ").append(suite.failed()).append(" not passed")
                    .append(suite.reference() == null ? "" : "; " + esc(suite.reference()))
                    .append("</p>\n<table><tr><th>Scenario</th><th>Line</th><th>Reference</th><th>Outcome</th></tr>");
            for (ScenarioResult r : suite.scenarios()) {
                h.append("<tr><td>").append(esc(r.name()));
                if (!r.passed()) {
                    h.append("<pre>").append(esc(r.explain())).append("</pre>");
                }
                h.append("</td><td>").append(r.line()).append("</td><td>").append(esc(r.reference() == null ? "" : r.reference()))
                        .append("</td><td class=\"").append(r.outcome()).append("\">").append(r.outcome()).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    static List<String> files() {
        return List.of(JSON, JUNIT, HTML);
    }
}
