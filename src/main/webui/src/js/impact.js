// The impact of a draft on real cases: a portfolio uploaded (NDJSON or CSV) or the cases decided
// in a date range; the from → to matrix of next actions and of teams as a chart and a table; a
// click on a cell shows example cases with both answers side by side.
import { frame, html, param, setHtml, showProblem } from "./workbench.js";
import { getVersion, impactOfDecided, impactOfPortfolio } from "./policies.js";

const versionId = param("version");
const enc = encodeURIComponent;
let chart = null;

/**
 * A matrix ({from: {to: count}}) as cells [{from, to, count, examples}]; the report keeps the
 * examples of each changed cell apart, under "nextAction FROM -> TO" or "team FROM -> TO".
 */
export function cellsOf(matrix, examples = {}, kind = "nextAction") {
    return Object.entries(matrix ?? {}).flatMap(([from, tos]) => Object.entries(tos).map(([to, count]) => (
        { from, to, count, examples: examples[`${kind} ${from} -> ${to}`] ?? [] })));
}

function matrixTable(name, caption, cells) {
    const froms = [...new Set(cells.map((c) => c.from))].sort();
    const tos = [...new Set(cells.map((c) => c.to))].sort();
    const at = (f, t) => cells.find((c) => c.from === f && c.to === t);
    return html`
      <div class="wb-scroll" tabindex="0" role="region" aria-label="${caption} matrix (scrolls sideways)">
        <table class="govuk-table wb-table" id="matrix-${name}">
          <caption class="govuk-table__caption govuk-table__caption--m">${caption}: rows are the answer today, columns the answer with this draft</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">From ↓ / to →</th>
            ${tos.map((t) => html`<th scope="col" class="govuk-table__header">${t}</th>`)}
          </tr></thead>
          <tbody class="govuk-table__body">
            ${froms.map((f) => html`<tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">${f}</th>
              ${tos.map((t) => {
                  const cell = at(f, t);
                  return html`<td class="govuk-table__cell wb-matrix-cell ${cell && f !== t && cell.count ? "wb-changed" : ""}">
                    ${cell && cell.count ? html`<button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        data-matrix="${name}" data-from="${f}" data-to="${t}">${cell.count}<span class="govuk-visually-hidden"> cases from ${f} to ${t}: show examples</span></button>` : "0"}
                  </td>`;
              })}
            </tr>`)}
          </tbody>
        </table>
      </div>`;
}

function answerOf(side) {
    if (!side) {
        return { action: "—", team: "", reasons: [] };
    }
    return {
        action: side.nextAction?.type ?? side.nextAction ?? side.action ?? "—",
        team: side.routing?.team ?? side.team ?? "",
        reasons: (side.reasons ?? []).map((r) => (typeof r === "string" ? r : `${r.rule ?? ""}${r.rule ? ": " : ""}${r.text ?? ""}`)),
    };
}

function showExamples(cell) {
    const examples = cell.examples ?? [];
    setHtml(document.getElementById("examples"), html`
      <h2 class="govuk-heading-m" id="examples-heading" tabindex="-1">${cell.count} ${cell.count === 1 ? "case moves" : "cases move"} from ${cell.from} to ${cell.to}</h2>
      ${examples.length ? "" : html`<p class="govuk-body">The service gave no example cases for this cell.</p>`}
      ${examples.map((e) => {
          const before = answerOf(e.before ?? e.active ?? e.current);
          const after = answerOf(e.after ?? e.candidate ?? e.draft);
          return html`
            <div class="govuk-summary-card" data-example="${e.caseRef ?? ""}">
              <div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title">Case ${e.caseRef ?? e.line ?? ""}</h3></div>
              <div class="govuk-summary-card__content">
                <div class="govuk-grid-row">
                  <div class="govuk-grid-column-one-half">
                    <h4 class="govuk-heading-s">Today: ${before.action}${before.team ? html` (${before.team})` : ""}</h4>
                    <ul class="govuk-list govuk-body-s">${before.reasons.map((r) => html`<li>${r}</li>`)}</ul>
                  </div>
                  <div class="govuk-grid-column-one-half">
                    <h4 class="govuk-heading-s">With this draft: ${after.action}${after.team ? html` (${after.team})` : ""}</h4>
                    <ul class="govuk-list govuk-body-s">${after.reasons.map((r) => html`<li>${r}</li>`)}</ul>
                  </div>
                </div>
              </div>
            </div>`;
      })}`);
    document.getElementById("examples-heading").focus();
}

function drawChart(cells) {
    const moved = cells.filter((c) => c.from !== c.to && c.count > 0);
    const canvas = document.getElementById("impact-chart");
    if (!window.Chart || !canvas) {
        return;
    }
    chart?.destroy();
    const froms = [...new Set(moved.map((c) => c.from))].sort();
    const tos = [...new Set(moved.map((c) => c.to))].sort();
    // Colours from the GOV.UK palette, distinguishable and with enough contrast on white.
    const palette = ["#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#f47738", "#28a197", "#912b88", "#505a5f", "#b58840", "#003078"];
    chart = new window.Chart(canvas, {
        type: "bar",
        data: {
            labels: froms,
            datasets: tos.map((to, i) => ({
                label: `to ${to}`,
                data: froms.map((f) => moved.find((c) => c.from === f && c.to === to)?.count ?? 0),
                backgroundColor: palette[i % palette.length],
            })),
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            indexAxis: "y",
            scales: { x: { stacked: true, title: { display: true, text: "cases" } }, y: { stacked: true, title: { display: true, text: "next action today" } } },
            plugins: { legend: { position: "bottom" }, title: { display: true, text: "Cases whose next action changes, by the answer today" } },
            onClick: (_event, elements) => {
                const element = elements[0];
                if (element) {
                    const cell = moved.find((c) => c.from === froms[element.index] && c.to === tos[element.datasetIndex]);
                    if (cell) {
                        showExamples(cell);
                    }
                }
            },
        },
    });
}

function render(result) {
    const actions = cellsOf(result.nextActions, result.examples, "nextAction");
    const teams = cellsOf(result.teams, result.examples, "team");
    setHtml(document.getElementById("result"), html`
      <div class="govuk-inset-text" id="impact-totals">
        <h2 class="govuk-heading-m">${result.nextActionChanged} of ${result.cases} ${result.cases === 1 ? "case changes" : "cases change"} next action</h2>
        <p class="govuk-body">${result.teamChanged} change team; ${result.blockedChanged} change which steps the law holds back${result.invalid ? html`; ${result.invalid} ${result.invalid === 1 ? "line was" : "lines were"} not a valid case` : ""}.
          ${result.decidedOnlyByCandidate ? html`${result.decidedOnlyByCandidate} ${result.decidedOnlyByCandidate === 1 ? "case" : "cases"} only this draft can decide (row NOT_DECIDED: today's policy refuses them, e.g. for an action code it does not know).` : ""}
          ${result.refusedByCandidate ? html`<strong>${result.refusedByCandidate} ${result.refusedByCandidate === 1 ? "case" : "cases"} this draft cannot decide</strong> (column NOT_DECIDED: e.g. an action code in their history that the draft no longer declares).` : ""}
          Compared with ${Object.keys(result.beforeVersions ?? {}).join(", ") || "the live policy"}, the version in force on each case's date.</p>
      </div>
      <figure class="govuk-!-margin-0">
        <div class="wb-chart"><canvas id="impact-chart" role="img" aria-label="Bar chart of the cases whose next action changes, by today's answer and the draft's answer; the same figures are in the table below"></canvas></div>
      </figure>
      ${matrixTable("actions", "Next actions", actions)}
      ${teams.length ? matrixTable("teams", "Teams", teams) : ""}
      <div id="examples" aria-live="polite"></div>`);
    drawChart(actions);
    document.querySelectorAll("button[data-matrix]").forEach((button) => {
        button.addEventListener("click", () => {
            const cells = button.dataset.matrix === "teams" ? teams : actions;
            showExamples(cells.find((c) => c.from === button.dataset.from && c.to === button.dataset.to));
        });
    });
}

async function run(request) {
    setHtml(document.getElementById("result"), html`<p class="govuk-body">Deciding every case twice…</p>`);
    try {
        render(await request());
    } catch (error) {
        setHtml(document.getElementById("result"), "");
        showProblem(error);
    }
}

async function load() {
    const version = await getVersion(versionId);
    setHtml(document.getElementById("impact"), html`
      <a href="/workbench/version.html?id=${enc(versionId)}" class="govuk-back-link">Back to version ${versionId}</a>
      <span class="govuk-caption-l">Draft ${versionId}${version.changeNote ? html`: ${version.changeNote}` : ""}</span>
      <h1 class="govuk-heading-l">Impact on cases</h1>
      <p class="govuk-body">Each case is decided with the live policy and with this draft, by the same engine and legal guards.</p>
      <div class="govuk-grid-row">
        <form class="govuk-grid-column-one-half" id="portfolio-form" novalidate>
          <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="portfolio">Upload a portfolio</label>
            <div class="govuk-hint" id="portfolio-hint">One case per line as JSON (.ndjson), or a CSV file</div>
            <input class="govuk-file-upload" id="portfolio" name="portfolio" type="file" accept=".ndjson,.jsonl,.json,.csv" aria-describedby="portfolio-hint">
          </div>
          <button class="govuk-button" data-module="govuk-button" id="run-portfolio">See the impact</button>
        </form>
        <form class="govuk-grid-column-one-half" id="range-form" novalidate>
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Or the cases decided between two dates</legend>
            <div class="govuk-form-group">
              <label class="govuk-label" for="decided-from">From</label>
              <input class="govuk-input govuk-input--width-10" id="decided-from" name="from" type="date">
            </div>
            <div class="govuk-form-group">
              <label class="govuk-label" for="decided-to">To</label>
              <input class="govuk-input govuk-input--width-10" id="decided-to" name="to" type="date">
            </div>
          </fieldset>
          <button class="govuk-button govuk-button--secondary" data-module="govuk-button" id="run-range">See the impact on these cases</button>
        </form>
      </div>
      <div id="result"></div>`);
    document.getElementById("portfolio-form").addEventListener("submit", (event) => {
        event.preventDefault();
        const file = document.getElementById("portfolio").files[0];
        if (!file) {
            showProblem({ message: "Choose a portfolio file to upload" });
            return;
        }
        run(() => impactOfPortfolio(versionId, file));
    });
    document.getElementById("range-form").addEventListener("submit", (event) => {
        event.preventDefault();
        run(() => impactOfDecided(versionId, document.getElementById("decided-from").value, document.getElementById("decided-to").value));
    });
}

if (frame("Impact")) {
    load().catch(showProblem);
}
