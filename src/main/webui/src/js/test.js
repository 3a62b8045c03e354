// Run the scenario suites against a draft: which expectations the draft moves, before and after,
// with the decision's reasons, so the officer sees which suites encode the old policy.
import { frame, html, param, setHtml, showProblem } from "./workbench.js";
import { getVersion, runSuites } from "./policies.js";

const versionId = param("version");
const enc = encodeURIComponent;

function show(value) {
    if (value === null || value === undefined) {
        return "—";
    }
    if (Array.isArray(value)) {
        return value.map(show).join(", ");
    }
    return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function reasons(list) {
    return (list ?? []).map((r) => (typeof r === "string" ? r : `${r.rule ?? ""}${r.rule ? ": " : ""}${r.text ?? ""}`));
}

/** Where a scenario is written: its suite file below test-scenarios/ and its line. */
function whereWritten(scenario) {
    const file = String(scenario.file ?? "");
    const at = file.lastIndexOf("test-scenarios/");
    return `${at >= 0 ? file.slice(at + "test-scenarios/".length) : file}${scenario.line ? `:${scenario.line}` : ""}`;
}

function render(version, report) {
    const moved = report.movedScenarios ?? [];
    return html`
      <a href="/workbench/version.html?id=${enc(versionId)}" class="govuk-back-link">Back to version ${versionId}</a>
      <span class="govuk-caption-l">${version.status === "DRAFT" ? "Draft" : "Version"} ${versionId}${version.changeNote ? html`: ${version.changeNote}` : ""}</span>
      <h1 class="govuk-heading-l">Scenario suites against this ${version.status === "DRAFT" ? "draft" : "version"}</h1>
      <dl class="govuk-summary-list" id="suite-totals">
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Scenarios run</dt><dd class="govuk-summary-list__value">${report.scenarios}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Passing as written</dt><dd class="govuk-summary-list__value">${report.passedBefore}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Passing with ${versionId}</dt><dd class="govuk-summary-list__value">${report.passedAfter}</dd></div>
      </dl>
      <h2 class="govuk-heading-m" id="moved-heading">${moved.length === 0 ? "No scenario moves" : `${moved.length} ${moved.length === 1 ? "scenario moves" : "scenarios move"}`}</h2>
      ${moved.length ? html`<p class="govuk-body">These scenarios expect what the policy in force on their date answers. If the change is intended, update them in the same change.</p>
      <div class="wb-scroll" tabindex="0" role="region" aria-label="Moved scenarios (scrolls sideways)"><table class="govuk-table wb-table wb-wrap" id="moved">
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Scenario</th>
          <th scope="col" class="govuk-table__header">Expectation</th>
          <th scope="col" class="govuk-table__header">As written</th>
          <th scope="col" class="govuk-table__header">With ${versionId}</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          ${moved.flatMap((m) => (m.expectations ?? []).map((e, i) => html`<tr class="govuk-table__row" data-scenario="${m.name}">
            ${i === 0 ? html`<th scope="row" class="govuk-table__header" rowspan="${m.expectations.length}">${m.name}<br>
              <span class="govuk-body-s"><code>${whereWritten(m)}</code>${m.reference ? html`, tests <code>${m.reference}</code>` : ""}</span></th>` : ""}
            <td class="govuk-table__cell"><code>${e.path}</code> ${e.matcher} <code>${show(e.expected)}</code></td>
            <td class="govuk-table__cell"><span class="${e.heldBefore ? "" : "wb-old"}">${show(e.before)}</span>
              ${i === 0 ? html`<details class="govuk-details govuk-!-margin-bottom-0"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Reasons<span class="govuk-visually-hidden"> as written, ${m.name}</span></span></summary>
                <div class="govuk-details__text"><ul class="govuk-list govuk-body-s">${reasons(m.reasonsBefore).map((r) => html`<li>${r}</li>`)}</ul></div></details>` : ""}</td>
            <td class="govuk-table__cell"><span class="${e.heldAfter ? "wb-new" : "wb-moved"}">${show(e.after)}</span>
              ${i === 0 ? html`<details class="govuk-details govuk-!-margin-bottom-0"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Reasons<span class="govuk-visually-hidden"> with ${versionId}, ${m.name}</span></span></summary>
                <div class="govuk-details__text"><ul class="govuk-list govuk-body-s">${reasons(m.reasonsAfter).map((r) => html`<li>${r}</li>`)}</ul></div></details>` : ""}</td>
          </tr>`))}
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
