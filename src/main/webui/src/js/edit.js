// Edit one model of a draft in the KIE DMN editor. Save sends the editor's file to the draft
// through the policy API; the service validates it (schema, compilation, gaps and overlaps, names,
// row names) and any problem it names is shown on our own rendering of the table, at its row and
// column, because the editor's API cannot highlight a cell.
import { ApiProblem, clearProblem, describeError, frame, html, newWarningsDetails, param, setHtml, showProblem } from "./workbench.js";
import { getModel, getVersion, newWarnings, otherModels, putModel } from "./policies.js";
import { parseModel, renderTable } from "./dmn-table.js";
import { openEditor } from "./editor.js";

const versionId = param("version");
const path = param("model");
const enc = encodeURIComponent;
let editor = null;

function showSaved() {
    setHtml(document.getElementById("notice"), html`
      <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" data-module="govuk-notification-banner" id="saved">
        <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title">Saved</h2></div>
        <div class="govuk-notification-banner__content">
          <p class="govuk-notification-banner__heading">The model is saved in draft ${versionId} and passed validation.</p>
          <p class="govuk-body"><a class="govuk-notification-banner__link" id="see-diff" href="/workbench/compare.html?to=${enc(versionId)}&amp;model=${enc(path)}">See what changed</a>,
            <a class="govuk-notification-banner__link" href="/workbench/test.html?version=${enc(versionId)}">run the scenario suites</a> or
            <a class="govuk-notification-banner__link" href="/workbench/impact.html?version=${enc(versionId)}">see the impact</a>.</p>
          <div id="saved-warnings"></div>
        </div>
      </div>`);
}

/** The problems the service named, drawn on the tables of the file that was sent. */
function showValidation(xml, error) {
    const problems = error.errors;
    let model = null;
    try {
        model = parseModel(xml);
    } catch {
        // The file itself is not readable as DMN: the summary above says why.
    }
    const warnings = error.warnings;
    const named = model ? model.tables.filter((t) => problems.some((p) => p.table === t.name)) : [];
    setHtml(document.getElementById("validation"), html`
      <h2 class="govuk-heading-m" id="validation-heading">Not saved: ${problems.length || 1} ${problems.length === 1 ? "problem" : "problems"} to fix</h2>
      <ul class="govuk-list govuk-list--bullet" id="validation-list">
        ${(problems.length ? problems : [{ message: error.message }]).map((p) => html`<li>${describeError(p)}</li>`)}
      </ul>
      ${named.map((t) => renderTable(t, { modelName: model.name, problems, idPrefix: "problem-", onlyRowsWithProblems: true }))}
      ${warnings.length ? html`
        <details class="govuk-details" id="validation-warnings">
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"} that do not stop a save</span></summary>
          <div class="govuk-details__text"><ul class="govuk-list govuk-list--bullet">
            ${warnings.map((p) => html`<li>${describeError(p)}</li>`)}
          </ul></div>
        </details>` : ""}`);
    // The first cell a problem names, brought into view inside its scrolling table.
    document.querySelector("#validation .wb-error-cell")?.scrollIntoView({ block: "nearest", inline: "center" });
}

async function save() {
    clearProblem();
    setHtml(document.getElementById("validation"), "");
    setHtml(document.getElementById("notice"), "");
    const xml = await editor.getContent();
    try {
        await putModel(versionId, path, xml);
        editor.markAsSaved?.();
        showSaved();
        document.getElementById("saved").scrollIntoView({ block: "start" });
        const warnings = await newWarnings(versionId);
        const place = document.getElementById("saved-warnings");
        if (place) {
            setHtml(place, newWarningsDetails(warnings));
        }
    } catch (error) {
        showProblem(error);
        if (error instanceof ApiProblem && error.status === 400) {
            showValidation(xml, error);
        }
    }
}

async function load() {
    const [version, xml] = await Promise.all([getVersion(versionId), getModel(versionId, path)]);
    setHtml(document.getElementById("heading"), html`
      <a href="/workbench/version.html?id=${enc(versionId)}" class="govuk-back-link">Back to version ${versionId}</a>
      <span class="govuk-caption-l">Draft ${versionId}${version.changeNote ? html`: ${version.changeNote}` : ""}</span>
      <h1 class="govuk-heading-l">Edit <code>${path}</code></h1>
      ${version.status !== "DRAFT" ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> This version is ${version.status.toLowerCase()}: only a draft can be changed. Start a draft from it first.</strong></div>` : ""}
      <p class="govuk-body">Change a cell by selecting the decision in the diagram and opening its table. Saving sends the
        model to the draft; the service checks it before keeping it.</p>
      <div class="govuk-button-group">
        <button class="govuk-button" data-module="govuk-button" id="save" ${version.status !== "DRAFT" ? html`disabled aria-disabled="true"` : ""}>Save to the draft</button>
        <span class="govuk-body" id="dirty" aria-live="polite"></span>
      </div>`);
    const others = await otherModels(version, path);
    editor = await openEditor(document.getElementById("dmn-editor"), path, xml, { readOnly: version.status !== "DRAFT", others });
    // Every change the editor reports is counted on the page (data-changes), so a test driving the
    // editor can wait for its edit to reach the model before it saves.
    let changes = 0;
    editor.subscribeToContentChanges((isDirty) => {
        const dirty = document.getElementById("dirty");
        dirty.textContent = isDirty ? "Unsaved changes" : "";
        dirty.dataset.changes = String(++changes);
    });
    document.getElementById("save").addEventListener("click", (event) => {
        event.preventDefault();
        save().catch(showProblem);
    });
}

if (frame("Edit a model")) {
    load().catch((error) => showProblem(error));
}
