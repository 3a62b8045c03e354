// One policy version: who wrote and approved it, when it applies, its lifecycle history, its
// models, and the next step of its lifecycle for whoever is signed in.
import { clearProblem, currentSession, formatDateTime, frame, hasRole, html, newWarningsDetails, param, setHtml, showProblem, statusTag } from "./workbench.js";
import { activate, approve, createDraft, getVersion, listVersions, newWarnings, putModels, rollback } from "./policies.js";
import { liveAndScheduled, today } from "./timeline.js";

const id = param("id");
const enc = encodeURIComponent;

function tomorrow() {
    const date = new Date();
    date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().slice(0, 10);
}

function modelLinks(version) {
    if (!version.models.length) {
        return html`<p class="govuk-body">This version has no models listed.</p>`;
    }
    return html`
      <table class="govuk-table wb-table" id="models">
        <caption class="govuk-table__caption govuk-table__caption--m">Decision models</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Model</th>
          <th scope="col" class="govuk-table__header">Read</th>
          ${version.status === "DRAFT" ? html`<th scope="col" class="govuk-table__header">Change</th>` : ""}
        </tr></thead>
        <tbody class="govuk-table__body">
          ${version.models.map((m) => html`
            <tr class="govuk-table__row" data-model="${m.path}">
              <th scope="row" class="govuk-table__header">${m.name && m.name !== m.path ? html`${m.name}<br>` : ""}<code>${m.path}</code></th>
              <td class="govuk-table__cell"><a class="govuk-link" href="/workbench/table.html?version=${enc(version.id)}&amp;model=${enc(m.path)}">Read the tables<span class="govuk-visually-hidden"> of ${m.path}</span></a></td>
              ${version.status === "DRAFT" ? html`<td class="govuk-table__cell"><a class="govuk-link" href="/workbench/edit.html?version=${enc(version.id)}&amp;model=${enc(m.path)}">Edit in the DMN editor<span class="govuk-visually-hidden">: ${m.path}</span></a></td>` : ""}
            </tr>`)}
        </tbody>
      </table>
      ${version.status === "DRAFT" && hasRole("policy-author") ? uploadForm() : ""}`;
}

function uploadForm() {
    return html`
      <form id="upload-form" class="govuk-!-margin-bottom-6" novalidate>
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="model-files">Upload model files</label>
          <div class="govuk-hint" id="model-files-hint">Each file replaces the model of the same name. Choose several at once
            for a change that spans models, such as your own action code in vocabulary.dmn with its category in
            landlord-actions.dmn: they are checked together, and all are saved or none.</div>
          <input class="govuk-file-upload" id="model-files" name="modelFiles" type="file" accept=".dmn" multiple aria-describedby="model-files-hint">
        </div>
        <button class="govuk-button govuk-button--secondary" data-module="govuk-button" id="upload-models">Upload and check</button>
      </form>`;
}

/** The draft's path for an uploaded file: the model of that file name (a new file goes at the top level). */
function pathFor(version, fileName) {
    const model = version.models.find((m) => m.path === fileName || m.path.endsWith(`/${fileName}`));
    return model ? model.path : fileName;
}

function history(version) {
    if (!version.events.length) {
        return html`<p class="govuk-body">No lifecycle events recorded.</p>`;
    }
    return html`
      <ol class="govuk-list govuk-list--number" id="history">
        ${version.events.map((e) => html`<li><strong>${(e.type ?? e.event ?? e.action ?? "").toString().toLowerCase().replaceAll("_", " ")}</strong>
          by ${e.user ?? e.by ?? e.actor ?? "—"}, ${formatDateTime(e.at ?? e.time ?? e.timestamp)}${e.effectiveFrom ? html`, effective from ${e.effectiveFrom}` : ""}${e.detail || e.note ? html`: ${e.detail ?? e.note}` : ""}</li>`)}
      </ol>`;
}

function actions(version, live) {
    const session = currentSession();
    const parts = [];
    if (hasRole("policy-author")) {
        parts.push(html`
          <form id="draft-form" class="govuk-!-margin-bottom-6" novalidate>
            <h3 class="govuk-heading-s">Start a change from this version</h3>
            <div class="govuk-form-group">
              <label class="govuk-label" for="change-note">What will the change do, and why?</label>
              <textarea class="govuk-textarea" id="change-note" name="changeNote" rows="2"></textarea>
            </div>
            <button class="govuk-button govuk-button--secondary" data-module="govuk-button" id="create-draft">Create a draft</button>
          </form>`);
    }
    if (version.status === "DRAFT") {
        parts.push(html`
          <ul class="govuk-list">
            <li><a class="govuk-link" id="compare-link" href="/workbench/compare.html?from=${enc(version.parentId ?? live?.id ?? "")}&amp;to=${enc(version.id)}">Compare with the version it came from</a></li>
            <li><a class="govuk-link" id="test-link" href="/workbench/test.html?version=${enc(version.id)}">Run the scenario suites against this draft</a></li>
            <li><a class="govuk-link" id="impact-link" href="/workbench/impact.html?version=${enc(version.id)}">See the impact on cases</a></li>
          </ul>`);
        if (hasRole("policy-approver")) {
            parts.push(html`
              <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
                  Four eyes: the person who approves a version cannot be its author${version.author ? html` (${version.author})` : ""}.</strong>
              </div>
              <button class="govuk-button" data-module="govuk-button" id="approve" ${version.author && session?.user === version.author ? html`aria-describedby="own-draft"` : ""}>Approve this version</button>
              ${version.author && session?.user === version.author ? html`<p class="govuk-hint" id="own-draft">You wrote this draft, so someone else must approve it.</p>` : ""}`);
        }
    }
    if (version.status === "APPROVED" && hasRole("policy-approver")) {
        parts.push(html`
          <form id="activate-form" novalidate>
            <div class="govuk-form-group">
              <label class="govuk-label govuk-label--s" for="effective-from">Effective from</label>
              <div class="govuk-hint" id="effective-from-hint">Today or later. Decisions about an earlier date keep using the policy of their day.</div>
              <input class="govuk-input govuk-input--width-10" id="effective-from" name="effectiveFrom" type="date" min="${today()}" value="${tomorrow()}" aria-describedby="effective-from-hint">
            </div>
            <button class="govuk-button" data-module="govuk-button" id="activate">Publish from this date</button>
          </form>`);
    }
    if (live && live.id === version.id && hasRole("policy-approver")) {
        parts.push(html`
          <p class="govuk-body">Rolling back makes the earlier version apply again from now; the history of what applied when is kept.</p>
          <button class="govuk-button govuk-button--warning" data-module="govuk-button" id="rollback">Roll back to the previous version</button>`);
    }
    return parts;
}

async function load() {
    const [version, listing] = await Promise.all([getVersion(id), listVersions()]);
    const { live, scheduled } = liveAndScheduled(listing);
    const isLive = live && live.id === version.id;
    const isScheduled = scheduled.some((p) => p.version.id === version.id);
    setHtml(document.getElementById("version"), html`
      <span class="govuk-caption-l">Policy version</span>
      <h1 class="govuk-heading-l">${version.id} ${statusTag(version.status)}
        ${isLive ? html`<strong class="govuk-tag govuk-tag--green" id="live-marker">Live today</strong>` : ""}
        ${isScheduled ? html`<strong class="govuk-tag govuk-tag--yellow">Scheduled</strong>` : ""}</h1>
      <dl class="govuk-summary-list" id="summary">
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Change note</dt><dd class="govuk-summary-list__value">${version.changeNote || "—"}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt><dd class="govuk-summary-list__value" id="status">${version.status}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Author</dt><dd class="govuk-summary-list__value">${version.author ?? "—"}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Approver</dt><dd class="govuk-summary-list__value" id="approver">${version.approver ?? "—"}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">In force</dt><dd class="govuk-summary-list__value" id="effective">${version.periods.length
            ? version.periods.map((p, i) => html`${i ? html`<br>` : ""}from ${p.from}${p.until ? html` until ${p.until}` : ""}`) : "never yet"}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Made from</dt><dd class="govuk-summary-list__value">${version.parentId ? html`<a class="govuk-link" href="/workbench/version.html?id=${enc(version.parentId)}">${version.parentId}</a>` : "—"}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Created</dt><dd class="govuk-summary-list__value">${formatDateTime(version.created)}</dd></div>
      </dl>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">${modelLinks(version)}</div>
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">Next steps</h2>
          ${actions(version, live)}
        </div>
      </div>
      <h2 class="govuk-heading-m">History</h2>
      ${history(version)}`);
    wire(version);
}

function notice(message, warnings = []) {
    setHtml(document.getElementById("notice"), html`
      <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" data-module="govuk-notification-banner">
        <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title">Success</h2></div>
        <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${message}</p>
          ${newWarningsDetails(warnings)}</div>
      </div>`);
}

function onClick(elementId, action) {
    document.getElementById(elementId)?.addEventListener("click", async (event) => {
        event.preventDefault();
        clearProblem();
        try {
            await action();
        } catch (error) {
            showProblem(error);
        }
    });
}

function wire(version) {
    onClick("create-draft", async () => {
        const draft = await createDraft(version.id, document.getElementById("change-note").value.trim());
        location.assign(`/workbench/version.html?id=${enc(draft.id)}`);
    });
    onClick("upload-models", async () => {
        const chosen = [...(document.getElementById("model-files")?.files ?? [])];
        if (!chosen.length) {
            throw new Error("Choose one or more .dmn files to upload.");
        }
        const files = chosen.map((file) => [pathFor(version, file.name), file]);
        await putModels(version.id, files);
        await load();
        notice(`Saved ${files.map(([path]) => path).join(", ")}: the models passed their checks together.`, await newWarnings(version.id));
    });
    onClick("approve", async () => {
        await approve(version.id);
        await load();
        notice(`Version ${version.id} is approved. Publish it from an effective date.`);
    });
    onClick("activate", async () => {
        const effectiveFrom = document.getElementById("effective-from").value;
        await activate(version.id, effectiveFrom);
        await load();
        notice(`Version ${version.id} applies from ${effectiveFrom}.`);
    });
    onClick("rollback", async () => {
        await rollback(`Rolled back from the workbench by ${currentSession()?.user}`);
        await load();
        notice("The previous version applies again from now.");
    });
}

if (frame("Policy version")) {
    load().catch((error) => {
        showProblem(error);
        setHtml(document.getElementById("version"), "");
    });
}
