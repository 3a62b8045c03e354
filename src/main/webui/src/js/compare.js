// Compare two versions cell by cell, as the service's diff says (rows matched by their stable
// names): the changed rows of each table shown whole, changed cells with the old and new text,
// added and removed rows marked.
import { frame, html, param, setHtml, showProblem } from "./workbench.js";
import { diff, getModel, getVersion, listVersions } from "./policies.js";
import { parseModel, renderTable } from "./dmn-table.js";

const enc = encodeURIComponent;

async function parsed(versionId, path, needed) {
    return needed ? parseModel(await getModel(versionId, path)) : null;
}

/** One changed table: the service's row changes drawn on the rows of the two files. */
function tableView(tableDiff, after, before) {
    const afterTable = after?.tables.find((t) => t.name === tableDiff.table);
    const beforeTable = before?.tables.find((t) => t.name === tableDiff.table);
    const byPosition = tableDiff.matchedBy === "POSITION";
    const changes = new Map();
    const rows = [];
    for (const rowDiff of tableDiff.rows ?? []) {
        const status = rowDiff.change.toLowerCase();
        const source = status === "removed" ? beforeTable : afterTable;
        const position = status === "removed" ? rowDiff.positionBefore : rowDiff.positionAfter;
        const row = byPosition || !source?.rows.some((r) => r.name === rowDiff.row)
            ? source?.rows[(position ?? 0) - 1]
            : source.rows.find((r) => r.name === rowDiff.row);
        if (!row) {
            continue;
        }
        const cells = rowDiff.cells ?? [];
        changes.set(row.name, {
            status,
            cells: new Set(status === "changed" ? cells.map((c) => c.column) : []),
            old: new Map(cells.map((c) => [c.column, c.before ?? ""])),
        });
        rows.push(row);
    }
    const shape = afterTable ?? beforeTable;
    return shape ? { table: { ...shape, rows }, changes, modelName: (after ?? before).name } : null;
}

/** The scenario suites the two versions see differently: each changed row by scenario name, its cells before and after. */
function suiteChanges(suites) {
    if (!suites.length) {
        return "";
    }
    return html`<h2 class="govuk-heading-m" id="suite-changes-heading">Scenario suites</h2>
      <p class="govuk-body">The suites the later version carries its own copies of, where they differ.</p>
      ${suites.map((suite) => html`
        <h3 class="govuk-heading-s"><code>${suite.path}</code> ${suite.change !== "CHANGED" ? html`<strong class="govuk-tag">${suite.change.toLowerCase()}</strong>` : ""}</h3>
        <table class="govuk-table wb-table wb-wrap" data-suite="${suite.path}">
          <caption class="govuk-table__caption govuk-visually-hidden">Changed scenarios of ${suite.path}</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Scenario</th><th scope="col" class="govuk-table__header">Column</th>
            <th scope="col" class="govuk-table__header">Before</th><th scope="col" class="govuk-table__header">After</th></tr></thead>
          <tbody class="govuk-table__body">${(suite.rows ?? []).flatMap((row) => (row.cells ?? []).map((cell, i) => html`
            <tr class="govuk-table__row">${i === 0 ? html`<th scope="row" class="govuk-table__header" rowspan="${row.cells.length}">${row.scenario}
              <span class="govuk-body-s">(${row.change.toLowerCase()}${row.lineAfter ? html`, line ${row.lineAfter}` : ""})</span></th>` : ""}
              <td class="govuk-table__cell"><code>${cell.column}</code></td>
              <td class="govuk-table__cell"><span class="wb-old">${cell.before ?? "—"}</span></td>
              <td class="govuk-table__cell"><span class="wb-new">${cell.after ?? "—"}</span></td></tr>`))}</tbody>
        </table>`)}`;
}

function versionSelect(id, label, versions, selected) {
    return html`
      <div class="govuk-form-group govuk-!-display-inline-block govuk-!-margin-right-4">
        <label class="govuk-label" for="${id}">${label}</label>
        <select class="govuk-select" id="${id}" name="${id}">
          ${versions.map((v) => html`<option value="${v.id}" ${v.id === selected ? html`selected` : ""}>${v.id} (${(v.status ?? "").toLowerCase()})</option>`)}
        </select>
      </div>`;
}

async function load() {
    const toId = param("to");
    const only = param("model");
    const [to, listing] = await Promise.all([getVersion(toId), listVersions()]);
    const fromId = param("from") || to.parentId;
    const result = await diff(fromId, toId);
    const models = (result.models ?? []).filter((m) => !only || m.path === only);
    const views = await Promise.all(models.map(async (m) => {
        const [after, before] = await Promise.all([
            parsed(toId, m.path, m.change !== "REMOVED"),
            parsed(fromId, m.path, m.change !== "ADDED"),
        ]);
        return { model: m, tables: (m.tables ?? []).map((t) => ({ diff: t, view: tableView(t, after, before) })) };
    }));
    const s = result.summary ?? {};
    setHtml(document.getElementById("comparison"), html`
      <a href="/workbench/version.html?id=${enc(toId)}" class="govuk-back-link">Back to version ${toId}</a>
      <h1 class="govuk-heading-l">Compare ${fromId} with ${toId}</h1>
      <form method="get" action="/workbench/compare.html" class="govuk-!-margin-bottom-6">
        ${versionSelect("from", "From", listing.versions, fromId)}
        ${versionSelect("to", "To", listing.versions, toId)}
        <button class="govuk-button govuk-button--secondary" data-module="govuk-button">Compare</button>
      </form>
      <p class="govuk-body-l" id="diff-summary">${models.length === 0 ? "No differences in the decision tables." : html`
        ${s.cellsChanged ?? 0} ${s.cellsChanged === 1 ? "cell" : "cells"} changed in ${s.rowsChanged ?? 0} ${s.rowsChanged === 1 ? "row" : "rows"};
        ${s.rowsAdded ?? 0} added, ${s.rowsRemoved ?? 0} removed${s.rowsMoved ? `, ${s.rowsMoved} moved (the order among the other rows)` : ""}, in ${s.tablesChanged ?? 0} ${s.tablesChanged === 1 ? "table" : "tables"}.`}</p>
      ${views.map(({ model, tables }) => html`
        <h2 class="govuk-heading-m"><code>${model.path}</code> ${model.change !== "CHANGED" ? html`<strong class="govuk-tag">${model.change.toLowerCase()}</strong>` : ""}</h2>
        ${(model.vocabulary ?? []).length ? html`<ul class="govuk-list govuk-list--bullet">${model.vocabulary.map((v) => html`<li>${v.name}: ${v.before ?? "—"} → ${v.after ?? "—"}</li>`)}</ul>` : ""}
        ${tables.map(({ diff: t, view }) => html`
          ${t.hitPolicy ? html`<p class="govuk-body">${t.table}: hit policy ${t.hitPolicy.before} → ${t.hitPolicy.after}</p>` : ""}
          ${(t.columnsAdded ?? []).length ? html`<p class="govuk-body">${t.table}: columns added ${t.columnsAdded.join(", ")}</p>` : ""}
          ${(t.columnsRemoved ?? []).length ? html`<p class="govuk-body">${t.table}: columns removed ${t.columnsRemoved.join(", ")}</p>` : ""}
          ${view && view.table.rows.length ? renderTable(view.table, { modelName: view.modelName, changes: view.changes, idPrefix: `${model.path}-` }) : ""}`)}`)}
      ${only ? "" : suiteChanges(result.suites ?? [])}`);
}

if (frame("Compare versions")) {
    load().catch((error) => {
        showProblem(error);
        setHtml(document.getElementById("comparison"), "");
    });
}
