// Run the scenario suites against a draft: which expectations the draft moves, before and after,
// with the decision's reasons, so the officer sees which suites encode the old policy, and updates
// them in the same draft (the draft's answer written into the expected cell) or downloads a suite.
import { clearProblem, frame, hasRole, html, param, setHtml, showProblem } from "./workbench.js";
import { acceptExpectations, getSuite, getVersion, runSuites, suiteType } from "./policies.js";

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

/**
 * Whether the service can write the draft's answer into this expectation's cell: a draft, a CSV
 * suite, a plain expected value (a matcher such as "contains" is the officer's own words) that the
 * draft does not meet yet, and a user who may change drafts.
 */
function updatable(version, scenario, expectation) {
    return version.status === "DRAFT" && hasRole("policy-author") && !expectation.heldAfter
        && expectation.matcher === "equals" && String(scenario.suite ?? "").endsWith(".csv");
}

function updateButton(version, scenario, expectation) {
    if (!updatable(version, scenario, expectation)) {
        return "";
    }
    return html`<button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-top-2"
        data-module="govuk-button" data-accept data-suite="${scenario.suite}" data-line="${scenario.line}" data-path="${expectation.path}">
        Update this expectation in the draft<span class="govuk-visually-hidden">: ${scenario.name}, ${expectation.path}</span></button>`;
}

/** The suite files the moved scenarios are written in, and the version's own copies: each can be downloaded. */
function suiteFiles(report) {
    const copies = report.suiteCopies ?? [];
    const files = [...new Set([...(report.movedScenarios ?? []).map((m) => m.suite).filter(Boolean), ...copies])].sort();
    if (!files.length) {
        return "";
    }
    return html`<h2 class="govuk-heading-m" id="suite-files-heading">Suite files</h2>
      <p class="govuk-body">Download a suite to change it: a CSV suite in a spreadsheet, a YAML suite or defaults file in a text editor; the draft's copy is what the suites above ran.</p>
      <ul class="govuk-list" id="suite-files">
        ${files.map((f) => html`<li><button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button"
            data-download="${f}">Download <code>${f}</code></button>
            ${copies.includes(f) ? html` <strong class="govuk-tag govuk-tag--blue">Draft's copy</strong>` : html` <strong class="govuk-tag govuk-tag--grey">Stored suite</strong>`}</li>`)}
      </ul>`;
}

function render(version, report, updated) {
    const moved = report.movedScenarios ?? [];
    return html`
      <a href="/workbench/version.html?id=${enc(versionId)}" class="govuk-back-link">Back to version ${versionId}</a>
      <span class="govuk-caption-l">${version.status === "DRAFT" ? "Draft" : "Version"} ${versionId}${version.changeNote ? html`: ${version.changeNote}` : ""}</span>
      <h1 class="govuk-heading-l">Scenario suites against this ${version.status === "DRAFT" ? "draft" : "version"}</h1>
      ${updated ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" id="suite-notice" tabindex="-1" data-module="govuk-notification-banner">
        <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title">Success</h2></div>
        <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Updated in draft ${versionId}:</p>
          <ul class="govuk-list">${updated.map((r) => html`<li><code>${r.file}</code> line ${r.line}, <code>${r.column}</code>: ${r.before} → <strong>${r.after}</strong></li>`)}</ul></div>
      </div>` : ""}
      <dl class="govuk-summary-list" id="suite-totals">
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Scenarios run</dt><dd class="govuk-summary-list__value">${report.scenarios}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Passing as written</dt><dd class="govuk-summary-list__value">${report.passedBefore}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Passing with ${versionId}</dt><dd class="govuk-summary-list__value">${report.passedAfter}</dd></div>
      </dl>
      <h2 class="govuk-heading-m" id="moved-heading">${moved.length === 0 ? "No scenario moves" : `${moved.length} ${moved.length === 1 ? "scenario moves" : "scenarios move"}`}</h2>
      ${moved.length ? html`<p class="govuk-body">These scenarios expect what the policy in force on their date answers. If the change is intended, update them in the same change: an expectation the draft does not meet can take the draft's answer, written into the draft's own copy of its suite.</p>
      <div class="wb-scroll" tabindex="0" role="region" aria-label="Moved scenarios (scrolls sideways)"><table class="govuk-table wb-table wb-wrap" id="moved">
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Scenario</th>
          <th scope="col" class="govuk-table__header">Expectation</th>
          <th scope="col" class="govuk-table__header">As written</th>
          <th scope="col" class="govuk-table__header">With ${versionId}</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          ${moved.filter((m) => !(m.expectations ?? []).length).map((m) => html`<tr class="govuk-table__row" data-scenario="${m.name}">
            <th scope="row" class="govuk-table__header">${m.name}<br><span class="govuk-body-s"><code>${whereWritten(m)}</code></span></th>
            <td class="govuk-table__cell">(the case as a whole)</td>
            <td class="govuk-table__cell">${m.refusedBefore ? html`Not decided: ${m.refusedBefore}` : m.passedBefore ? "passes" : "fails"}</td>
            <td class="govuk-table__cell">${m.refusedAfter ? html`Not decided: ${m.refusedAfter}` : m.passedAfter ? "passes" : "fails"}</td>
          </tr>`)}
          ${moved.flatMap((m) => (m.expectations ?? []).map((e, i) => html`<tr class="govuk-table__row" data-scenario="${m.name}">
            ${i === 0 ? html`<th scope="row" class="govuk-table__header" rowspan="${m.expectations.length}">${m.name}<br>
              <span class="govuk-body-s"><code>${whereWritten(m)}</code>${m.inVersion ? " (draft's copy)" : ""}${m.reference ? html`, tests <code>${m.reference}</code>` : ""}</span></th>` : ""}
            <td class="govuk-table__cell wb-expectation"><code>${e.path}</code> ${e.matcher} <code>${show(e.expected)}</code></td>
            <td class="govuk-table__cell"><span class="${e.heldBefore ? "" : "wb-old"}">${show(e.before)}</span>
              ${i === 0 && m.refusedBefore ? html`<p class="govuk-body-s">Not decided: ${m.refusedBefore}</p>` : ""}
              ${i === 0 ? html`<details class="govuk-details govuk-!-margin-bottom-0"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Reasons<span class="govuk-visually-hidden"> as written, ${m.name}</span></span></summary>
                <div class="govuk-details__text"><ul class="govuk-list govuk-body-s">${reasons(m.reasonsBefore).map((r) => html`<li>${r}</li>`)}</ul></div></details>` : ""}</td>
            <td class="govuk-table__cell"><span class="${e.heldAfter ? "wb-new" : "wb-moved"}">${show(e.after)}</span>
              ${updateButton(version, m, e)}
              ${i === 0 && m.refusedAfter ? html`<p class="govuk-body-s">Not decided: ${m.refusedAfter}</p>` : ""}
              ${i === 0 ? html`<details class="govuk-details govuk-!-margin-bottom-0"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Reasons<span class="govuk-visually-hidden"> with ${versionId}, ${m.name}</span></span></summary>
                <div class="govuk-details__text"><ul class="govuk-list govuk-body-s">${reasons(m.reasonsAfter).map((r) => html`<li>${r}</li>`)}</ul></div></details>` : ""}</td>
          </tr>`))}
        </tbody>
      </table></div>` : ""}
      ${suiteFiles(report)}`;
}

/** Saves a suite as the version sees it, under its own file name. */
async function download(path) {
    const text = await getSuite(versionId, path);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: `${suiteType(path)};charset=utf-8` }));
    link.download = path.split("/").pop();
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Runs the suites and shows what moved; the buttons update an expectation (then run again) or download a suite. */
async function runAndShow(version, updated) {
    const report = await runSuites(versionId);
    setHtml(document.getElementById("suites"), render(version, report, updated));
    document.querySelectorAll("[data-accept]").forEach((button) => button.addEventListener("click", async () => {
        button.disabled = true;
        try {
            clearProblem();
            const answer = await acceptExpectations(versionId, [{ file: button.dataset.suite, line: Number(button.dataset.line), path: button.dataset.path }]);
            await runAndShow(version, answer.rewritten);
            document.getElementById("suite-notice")?.focus();
        } catch (error) {
            button.disabled = false;
            showProblem(error);
        }
    }));
    document.querySelectorAll("[data-download]").forEach((button) => button.addEventListener("click",
        () => download(button.dataset.download).catch(showProblem)));
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
            await runAndShow(version);
        } catch (error) {
            document.getElementById("running").textContent = "";
            showProblem(error);
        }
    });
}

if (frame("Scenario suites")) {
    load().catch(showProblem);
}
