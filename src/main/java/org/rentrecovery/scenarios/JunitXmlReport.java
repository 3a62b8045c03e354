package org.rentrecovery.scenarios;

import java.io.IOException;
import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.rentrecovery.scenarios.ScenarioFileException.BadFile;
import org.rentrecovery.scenarios.ScenarioReport.SuiteResult;

/** The run as JUnit XML for CI: one {@code testsuite} per suite file, one {@code testcase} per scenario; bad files are errors. */
final class JunitXmlReport {
    private JunitXmlReport() {
    }

    static void write(ScenarioReport report, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "scenario suites");
            xml.writeAttribute("tests", Integer.toString(report.summary().scenarios() + report.summary().badFiles()));
            xml.writeAttribute("failures", Integer.toString(report.summary().failed()));
            xml.writeAttribute("errors", Integer.toString(report.summary().errors() + report.summary().badFiles()));
            for (SuiteResult suite : report.suites()) {
                suite(xml, suite);
            }
            if (!report.badFiles().isEmpty()) {
                badFiles(xml, report);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void suite(XMLStreamWriter xml, SuiteResult suite) throws XMLStreamException {
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

    private static void badFiles(XMLStreamWriter xml, ScenarioReport report) throws XMLStreamException {
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
}
