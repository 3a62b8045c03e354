package org.rentrecovery.scenarios;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.rentrecovery.scenarios.ScenarioFileException.BadFile;
import org.rentrecovery.scenarios.ScenarioReport.SuiteResult;

/**
 * The report for people: what did not pass first (each with its given, failures, the reasons with
 * the deciding ones marked and linked to their table row or rule, and the actual values as YAML
 * to paste back), then every scenario with a filter by status, suite and tag and an anchor each,
 * then rule coverage.
 */
final class HtmlReport {
    private HtmlReport() {
    }

    static String html(ScenarioReport report, RuleLinks links) {
        StringBuilder h = new StringBuilder();
        head(h);
        summary(h, report);
        for (String note : report.notes() == null ? List.<String>of() : report.notes()) {
            h.append("<p class=\"bad\">").append(esc(note)).append("</p>\n");
        }
        if (!report.badFiles().isEmpty()) {
            h.append("<h2 id=\"bad-files\">Bad scenario files</h2><ul>");
            for (BadFile bad : report.badFiles()) {
                h.append("<li class=\"bad\">").append(esc(bad.toString())).append("</li>");
            }
            h.append("</ul>\n");
        }
        notPassed(h, report, links);
        filters(h, report);
        for (SuiteResult suite : report.suites()) {
            for (ScenarioResult r : suite.scenarios()) {
                row(h, suite, r, links);
            }
        }
        h.append("</table>\n");
        if (report.coverage() != null) {
            coverage(h, report.coverage());
        }
        script(h);
        return h.append("</body></html>\n").toString();
    }

    /** The page's head and its style: no file beside it is needed. */
    private static void head(StringBuilder h) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scenario report</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em 2em;max-width:78em;color:#1d1d1d}")
                .append("table{border-collapse:collapse;margin:.6em 0;width:100%}td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("th{background:#f0f0f0}.PASSED{color:#17612a}.FAILED,.ERROR,.bad{color:#a4141b;font-weight:bold}")
                .append("pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;margin:.3em 0}.summary{font-size:1.15em}")
                .append(".filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ddd}")
                .append(".filters label{margin-right:1em}.card{border:1px solid #e3b3b5;border-left:6px solid #a4141b;padding:.4em .8em;margin:.8em 0}")
                .append(".reasons li{margin:.15em 0}.decisive{background:#fff3b0;font-weight:600}.tag{background:#e8eefc;border-radius:3px;padding:0 .3em;margin-right:.3em;font-size:.85em}")
                .append("code{background:#f3f3f3;padding:0 .2em}.copy{float:right}h2{margin-top:1.4em}")
                .append("</style></head><body>\n<h1>Scenario report</h1>\n");
    }

    /** Filtering the table of all scenarios, and copying a failure's actual values, in the page itself. */
    private static void script(StringBuilder h) {
        h.append("<script>\n")
                .append("const f={status:document.getElementById('f-status'),suite:document.getElementById('f-suite'),")
                .append("tag:document.getElementById('f-tag'),text:document.getElementById('f-text')};\n")
                .append("function apply(){let n=0;const t=f.text.value.toLowerCase();document.querySelectorAll('#scenarios tr[data-status]').forEach(r=>{")
                .append("const show=(!f.status.value||r.dataset.status===f.status.value)&&(!f.suite.value||r.dataset.suite===f.suite.value)")
                .append("&&(!f.tag.value||r.dataset.tags.includes(' '+f.tag.value+' '))&&(!t||r.cells[0].textContent.toLowerCase().includes(t));")
                .append("r.style.display=show?'':'none';if(show)n++;});document.getElementById('f-count').textContent=n+' shown';}\n")
                .append("Object.values(f).forEach(e=>e.addEventListener('input',apply));apply();\n")
                .append("document.querySelectorAll('button.copy').forEach(b=>b.addEventListener('click',()=>")
                .append("navigator.clipboard.writeText(document.getElementById(b.dataset.target).textContent)));\n")
                .append("</script>\n");
    }

    private static void summary(StringBuilder h, ScenarioReport report) {
        ScenarioReport.Summary s = report.summary();
        h.append("<p class=\"summary ").append(s.success() ? "PASSED" : "FAILED").append("\">").append(s.success() ? "All passed" : "Not all passed")
                .append(": ").append(s.scenarios()).append(" scenarios in ").append(s.suites()).append(" suites, ")
                .append(s.passed()).append(" passed, ").append(s.failed()).append(" failed, ").append(s.errors())
                .append(" errors, ").append(s.badFiles()).append(" bad files.");
        RuleCoverage c = report.coverage();
        if (c != null) {
            h.append(" Rule coverage ").append(c.percent()).append("% (<a href=\"#coverage\">details</a>).");
        }
        h.append("</p>\n");
    }

    private static void notPassed(StringBuilder h, ScenarioReport report, RuleLinks links) {
        List<ScenarioResult> notPassed = report.suites().stream().flatMap(suite -> suite.scenarios().stream())
                .filter(r -> !r.passed()).toList();
        if (notPassed.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"failures\">Not passed (").append(notPassed.size()).append(")</h2>\n");
        for (SuiteResult suite : report.suites()) {
            for (ScenarioResult r : suite.scenarios()) {
                if (!r.passed()) {
                    failureCard(h, suite, r, links);
                }
            }
        }
    }

    /** The filters over the table of all scenarios, and the table's header. */
    private static void filters(StringBuilder h, ScenarioReport report) {
        h.append("<h2 id=\"results\">All scenarios</h2>\n<div class=\"filters\"><label>Status <select id=\"f-status\"><option value=\"\">any</option>")
                .append("<option>FAILED</option><option>ERROR</option><option>PASSED</option></select></label><label>Suite <select id=\"f-suite\">")
                .append("<option value=\"\">any</option>");
        for (SuiteResult suite : report.suites()) {
            h.append("<option value=\"").append(esc(suite.file())).append("\">").append(esc(suite.name())).append("</option>");
        }
        h.append("</select></label><label>Tag <select id=\"f-tag\"><option value=\"\">any</option>");
        report.suites().stream().flatMap(suite -> suite.scenarios().stream()).flatMap(r -> r.tags() == null ? Stream.<String>empty()
                : r.tags().stream()).distinct().sorted().forEach(tag -> h.append("<option>").append(esc(tag)).append("</option>"));
        h.append("</select></label><label>Name <input id=\"f-text\" type=\"search\" placeholder=\"part of a name\"></label>")
                .append("<span id=\"f-count\"></span></div>\n<table id=\"scenarios\"><tr><th>Scenario</th><th>Suite</th><th>Line</th><th>Tags</th>")
                .append("<th>Decided by</th><th>Outcome</th></tr>\n");
    }

    private static void row(StringBuilder h, SuiteResult suite, ScenarioResult r, RuleLinks links) {
        String tags = r.tags() == null ? "" : String.join(" ", r.tags());
        h.append("<tr id=\"").append(ReportWriter.anchor(r)).append("\" data-status=\"").append(r.outcome()).append("\" data-suite=\"")
                .append(esc(suite.file())).append("\" data-tags=\" ").append(esc(tags)).append(" \"><td><a href=\"#")
                .append(ReportWriter.anchor(r)).append("\">").append(esc(r.name())).append("</a>");
        if (r.given() != null && r.given().size() > 0) {
            h.append("<details><summary>given</summary><pre>").append(esc(YamlSnippets.given(r.given()))).append("</pre></details>");
        }
        if (!r.passed()) {
            h.append(" <a href=\"#fail-").append(ReportWriter.anchor(r)).append("\">why</a>");
        }
        h.append("</td><td>").append(esc(suite.name())).append("</td><td>").append(r.line()).append("</td><td>");
        if (r.tags() != null) {
            r.tags().forEach(tag -> h.append("<span class=\"tag\">").append(esc(tag)).append("</span>"));
        }
        h.append("</td><td>");
        if (r.decidedBy() != null) {
            for (String rule : r.decidedBy()) {
                ruleLink(h, rule, links);
                h.append(' ');
            }
        }
        h.append("</td><td class=\"").append(r.outcome()).append("\">").append(r.outcome()).append("</td></tr>\n");
    }

    private static void failureCard(StringBuilder h, SuiteResult suite, ScenarioResult r, RuleLinks links) {
        String id = ReportWriter.anchor(r);
        h.append("<div class=\"card\" id=\"fail-").append(id).append("\"><h3><a href=\"#").append(id).append("\">").append(esc(r.name()))
                .append("</a> <span class=\"").append(r.outcome()).append("\">").append(r.outcome()).append("</span></h3><p>")
                .append(esc(r.file() + ":" + r.line())).append(" &middot; ").append(esc(suite.name()))
                .append(r.reference() == null ? "" : " &middot; " + esc(r.reference())).append(" &middot; target ").append(esc(r.target()))
                .append("</p>\n");
        if (r.given() != null && r.given().size() > 0) {
            h.append("<p>Given (besides the suite's defaults):</p><pre>").append(esc(YamlSnippets.given(r.given()))).append("</pre>\n");
        }
        if (r.error() != null) {
            h.append("<p class=\"bad\">").append(esc(r.error())).append("</p>\n");
        }
        if (r.failures() != null && !r.failures().isEmpty()) {
            failures(h, r);
        }
        if (r.reasons() != null && r.reasons().isArray() && !r.reasons().isEmpty()) {
            reasons(h, r, links);
        }
        if (r.actual() != null && r.actual().size() > 0) {
            h.append("<p>Use actual as expected (if the answer is right and the expectation wrong): <button class=\"copy\" data-target=\"actual-")
                    .append(id).append("\">copy</button></p><pre id=\"actual-").append(id).append("\">")
                    .append(esc(YamlSnippets.actualSnippet(r.actual()))).append("</pre>\n");
        }
        h.append("</div>\n");
    }

    private static void failures(StringBuilder h, ScenarioResult r) {
        h.append("<table><tr><th>Line</th><th>Path</th><th>Check</th><th>Expected</th><th>Actual</th><th>Why</th></tr>");
        for (ScenarioResult.Failure f : r.failures()) {
            h.append("<tr><td>").append(f.line()).append("</td><td><code>").append(esc(f.path())).append("</code></td><td>")
                    .append(esc(f.matcher())).append("</td><td><code>").append(esc(String.valueOf(f.expected()))).append("</code></td><td><code>")
                    .append(esc(f.actual() == null ? "(absent)" : f.actual().toString())).append("</code></td><td>").append(esc(f.message()))
                    .append("</td></tr>");
        }
        h.append("</table>\n");
    }

    /** The answer's reasons, the ones that decided it marked. */
    private static void reasons(StringBuilder h, ScenarioResult r, RuleLinks links) {
        h.append("<p>Reasons (the ones that decided the answer are marked):</p><ul class=\"reasons\">");
        for (JsonNode reason : r.reasons()) {
            String rule = reason.path("rule").asText();
            boolean decisive = r.decidedBy() != null && r.decidedBy().contains(rule);
            h.append("<li").append(decisive ? " class=\"decisive\"" : "").append('>');
            ruleLink(h, rule, links);
            h.append(": ").append(esc(reason.path("text").asText()));
            if (reason.hasNonNull("reference")) {
                h.append(" <small>(").append(esc(reason.get("reference").asText())).append(")</small>");
            }
            h.append("</li>");
        }
        h.append("</ul>\n");
    }

    private static void ruleLink(StringBuilder h, String rule, RuleLinks links) {
        String href = links == null ? null : links.href(rule);
        if (href == null) {
            h.append("<code>").append(esc(rule)).append("</code>");
        } else {
            h.append("<a href=\"").append(esc(href)).append("\"><code>").append(esc(rule)).append("</code></a>");
        }
    }

    private static void coverage(StringBuilder h, RuleCoverage c) {
        h.append("<h2 id=\"coverage\">Rule coverage: ").append(c.percent()).append("% (").append(c.covered()).append(" of ").append(c.total())
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
}
