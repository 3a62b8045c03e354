// Run the scenario suites against a draft: which expectations the draft moves, before and after,
// with the decision's reasons, so the officer sees which suites encode the old policy.
import { frame, html, param, setHtml, showProblem } from "./workbench.js";
import { getVersion, runSuites } from "./policies.js";

const versionId = param("version");
const enc = encodeURIComponent;

const show = (value) => (value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value));

function reasonsOf(side) {
    const reasons = side?.reasons ?? [];
    return reasons.map((r) => (typeof r === "string" ? r : `${r.rule ?? ""}${r.rule ? ": " : ""}${r.text ?? ""}`));
}

function render(version, report) {
    const moved = report.moved ?? report.movedExpectations ?? report.changes ?? [];
    const totals = [
        ["Suites", report.suites ?? report.suiteCount],
        ["Scenarios", report.scenarios ?? report.scenarioCount],
        ["Expectations", report.expectations ?? report.expectationCount],
        ["Moved", moved.length],
    ].filter(([, n]) => n !== undefined && n !== null);
    return html`
      <a href="/workbench/version.html?id=${enc(versionId)}" class="govuk-back-link">Back to version ${versionId}</a>
      <span class="govuk-caption-l">Draft ${versionId}${version.changeNote ? html`: ${version.changeNote}` : ""}</span>
      <h1 class="govuk-heading-l">Scenario suites against this draft</h1>
      <dl class="govuk-summary-list" id="suite-totals">
        ${totals.map(([k, n]) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${k}</dt><dd class="govuk-summary-list__value">${n}</dd></div>`)}
      </dl>
      <h2 class="govuk-heading-m" id="moved-heading">${moved.length === 0 ? "No expectation moves" : `${moved.length} ${moved.length === 1 ? "expectation moves" : "expectations move"}`}</h2>
      ${moved.length ? html`<p class="govuk-body">These scenarios expected what the current policy answers. If the change is intended, update them in the same draft.</p>
      <div class="wb-scroll"><table class="govuk-table wb-table" id="moved">
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Suite and scenario</th>
          <th scope="col" class="govuk-table__header">Expectation</th>
          <th scope="col" class="govuk-table__header">Before</th>
          <th scope="col" class="govuk-table__header">With this draft</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          ${moved.map((m) => html`<tr class="govuk-table__row" data-scenario="${m.scenario ?? ""}">
            <th scope="row" class="govuk-table__header">${m.suite ?? ""}<br><span class="govuk-body-s">${m.scenario ?? m.name ?? ""}</span></th>
            <td class="govuk-table__cell"><code>${m.expectation ?? m.path ?? m.field ?? ""}</code></td>
            <td class="govuk-table__cell"><span class="wb-old">${show(m.before?.value ?? m.before)}</span>
              <ul class="govuk-list govuk-body-s">${reasonsOf(m.before).map((r) => html`<li>${r}</li>`)}</ul></td>
            <td class="govuk-table__cell"><span class="wb-new">${show(m.after?.value ?? m.after)}</span>
              <ul class="govuk-list govuk-body-s">${reasonsOf(m.after).map((r) => html`<li>${r}</li>`)}</ul></td>
          </tr>`)}
        </tbody>
      </table></div>` : ""}`;
}

async function load() {
    const version = await getVersion(versionId);
    setHtml(document.getElementById("suites"), html`
      <a href="/workbench/version.html?id=${enc(versionId)}" class="govuk-back-link">Back to version ${versionId}</a>
      <h1 class="govuk-heading-l">Scenario suites against draft ${versionId}</h1>
      <p class="govuk-body">Every scenario suite is run twice, with the live policy and with this draft, through the same engine and legal guards.</p>
      <button class="govuk-button" data-module="govuk-button" id="run-suites">Run the suites</button>
      <p class="govuk-body" id="running" aria-live="polite"></p>`);
    document.getElementById("run-suites").addEventListener("click", async () => {
        document.getElementById("running").textContent = "Running the suites…";
        try {
            const report = await runSuites(versionId);
            setHtml(document.getElementById("suites"), render(version, report));
        } catch (error) {
            document.getElementById("running").textContent = "";
            showProblem(error);
        }
    });
}

if (frame("Scenario suites")) {
    load().catch(showProblem);
}
