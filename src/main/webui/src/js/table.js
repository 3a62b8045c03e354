// Read a model's decision tables: each rendered readably, searchable ("which row decides X"), with
// the decision diagram shown by the KIE editor read-only on request.
import { frame, html, param, setHtml, showProblem } from "./workbench.js";
import { getModel, getVersion, otherModels } from "./policies.js";
import { parseModel, renderTable, rowMatches } from "./dmn-table.js";
import { openEditor } from "./editor.js";

const versionId = param("version");
const path = param("model");
const enc = encodeURIComponent;

function render(model, search) {
    return html`
      ${model.tables.map((table) => renderTable(table, { modelName: model.name, search }))}`;
}

async function load() {
    const xml = await getModel(versionId, path);
    const model = parseModel(xml);
    setHtml(document.getElementById("model"), html`
      <a href="/workbench/version.html?id=${enc(versionId)}" class="govuk-back-link">Back to version ${versionId}</a>
      <span class="govuk-caption-l">${path} in version ${versionId}</span>
      <h1 class="govuk-heading-l">${model.name}</h1>
      ${model.description ? html`<p class="govuk-body">${model.description}</p>` : ""}
      <nav aria-label="Tables in this model">
        <ul class="govuk-list">
          ${model.tables.map((t) => html`<li><a class="govuk-link" href="#table-${t.name}">${t.name}</a> (${t.rows.length} rows, ${t.hitPolicy.toLowerCase()})</li>`)}
        </ul>
      </nav>
      <form id="search-form" role="search" class="govuk-!-margin-bottom-6" novalidate>
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="search">Which row decides…</label>
          <div class="govuk-hint" id="search-hint">A value, an action, a row name or words of a note, for example SERVE_NOSP or Letter 2</div>
          <input class="govuk-input govuk-!-width-one-half" id="search" name="search" type="search" aria-describedby="search-hint">
          <button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" id="search-button">Find rows</button>
        </div>
        <p class="govuk-body" id="search-result" aria-live="polite"></p>
      </form>
      <details class="govuk-details" id="diagram-details">
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Show the decision diagram</span></summary>
        <div class="govuk-details__text"><div id="dmn-editor" role="region" aria-label="Decision diagram (KIE DMN editor, read only)"></div></div>
      </details>
      <div id="tables">${render(model, "")}</div>`);
    document.getElementById("search-form").addEventListener("submit", (event) => {
        event.preventDefault();
        const query = document.getElementById("search").value.trim();
        setHtml(document.getElementById("tables"), render(model, query));
        const found = model.tables.flatMap((t) => t.rows.filter((r) => rowMatches(t, r, query)).map((r) => `${t.name}/${r.name}`));
        setHtml(document.getElementById("search-result"), query
            ? html`${found.length} ${found.length === 1 ? "row matches" : "rows match"} “${query}”${found.length ? html`: ${found.slice(0, 12).map((n, i) => html`${i ? ", " : ""}<a class="govuk-link" href="#row-${n.replace("/", "-")}"><code>${n}</code></a>`)}${found.length > 12 ? "…" : ""}` : ""}`
            : "");
    });
    let opened = false;
    document.getElementById("diagram-details").addEventListener("toggle", (event) => {
        if (event.target.open && !opened) {
            opened = true;
            getVersion(versionId).then((version) => otherModels(version, path))
                .then((others) => openEditor(document.getElementById("dmn-editor"), path, xml, { readOnly: true, others }))
                .catch(showProblem);
        }
    });
}

if (frame("Decision tables")) {
    load().catch((error) => {
        showProblem(error);
        setHtml(document.getElementById("model"), "");
    });
}
