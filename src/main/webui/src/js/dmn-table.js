// Reads a DMN model's decision tables (any DMN version the editor saves) and renders them for a
// policy officer: the hit policy in a sentence, what each column means, each row by its stable name
// with its annotation. Problems named by validation, changed cells and search matches are marked.
import { html } from "./workbench.js";

/** Annotation columns that hold a row's stable name (issue: rows are cited as Table/row-name). */
const ROW_NAME_COLUMNS = ["rule", "row", "name", "row name"];

const childrenNamed = (element, name) => [...element.children].filter((c) => c.localName === name);
const childNamed = (element, name) => childrenNamed(element, name)[0];
const textOf = (element) => (element ? (childNamed(element, "text")?.textContent ?? "") : "").trim();

export function parseModel(xml) {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const root = doc.documentElement;
    if (!root || root.localName !== "definitions" || doc.getElementsByTagName("parsererror").length) {
        throw new Error("This file is not a DMN model");
    }
    const meanings = new Map();
    for (const input of childrenNamed(root, "inputData")) {
        meanings.set(input.getAttribute("name"), childNamed(input, "description")?.textContent?.trim() ?? "");
    }
    const tables = [];
    for (const decision of childrenNamed(root, "decision")) {
        const table = childNamed(decision, "decisionTable");
        if (!table) {
            continue;
        }
        tables.push(parseTable(decision, table, meanings));
    }
    return { name: root.getAttribute("name"), description: childNamed(root, "description")?.textContent?.trim() ?? "", tables };
}

function parseTable(decision, table, meanings) {
    const name = decision.getAttribute("name");
    const inputs = childrenNamed(table, "input").map((input) => {
        const expression = textOf(childNamed(input, "inputExpression"));
        const label = input.getAttribute("label") || expression;
        return {
            kind: "input",
            name: label,
            expression,
            type: childNamed(input, "inputExpression")?.getAttribute("typeRef") ?? "",
            meaning: meanings.get(expression) ?? meanings.get(label) ?? "",
        };
    });
    const outputs = childrenNamed(table, "output").map((output) => ({
        kind: "output",
        name: output.getAttribute("name") || output.getAttribute("label") || table.getAttribute("outputLabel") || name,
        type: output.getAttribute("typeRef") ?? "",
        meaning: textOf(childNamed(output, "outputValues")) ? `One of ${textOf(childNamed(output, "outputValues"))}` : "",
    }));
    const annotations = childrenNamed(table, "annotation").map((a) => ({ kind: "annotation", name: a.getAttribute("name") ?? "" }));
    const nameColumn = annotations.findIndex((a) => ROW_NAME_COLUMNS.includes(a.name.trim().toLowerCase()));
    const rows = childrenNamed(table, "rule").map((rule, index) => {
        const notes = childrenNamed(rule, "annotationEntry").map(textOf);
        const stableName = nameColumn >= 0 && notes[nameColumn] ? notes[nameColumn] : (rule.getAttribute("id") ?? `${index + 1}`);
        return {
            number: index + 1,
            id: rule.getAttribute("id") ?? "",
            name: stableName,
            inputs: childrenNamed(rule, "inputEntry").map(textOf),
            outputs: childrenNamed(rule, "outputEntry").map(textOf),
            notes,
        };
    });
    return {
        name,
        description: childNamed(decision, "description")?.textContent?.trim() ?? "",
        hitPolicy: table.getAttribute("hitPolicy") ?? "UNIQUE",
        aggregation: table.getAttribute("aggregation") ?? "",
        inputs,
        outputs,
        annotations,
        nameColumn,
        rows,
    };
}

/** The hit policy as a sentence an officer can act on. */
export function hitPolicySentence(table) {
    const aggregation = { SUM: "adds up", MIN: "takes the smallest of", MAX: "takes the largest of", COUNT: "counts" }[table.aggregation];
    switch (table.hitPolicy) {
        case "FIRST":
            return "The rows are read from the top and the first row that matches the case decides: a row higher up wins over every row below it.";
        case "UNIQUE":
            return "At most one row may match any case: if two rows could both match, the table is wrong and is refused.";
        case "ANY":
            return "Several rows may match a case, but they must all give the same answer.";
        case "PRIORITY":
            return "Of the rows that match, the one whose answer comes first in the output's list of values decides.";
        case "COLLECT":
            return aggregation
                ? `Every row that matches counts, and the answer ${aggregation} their outputs.`
                : "Every row that matches adds its output to the answer, so a case can get several (for example several actions).";
        case "RULE ORDER":
            return "Every row that matches adds its output to the answer, in the order of the rows.";
        case "OUTPUT ORDER":
            return "Every row that matches adds its output to the answer, ordered by the output's list of values.";
        default:
            return `Hit policy ${table.hitPolicy}.`;
    }
}

/** A table cell in words where FEEL allows: "-" is "any value". */
export function cellText(text) {
    return text === "-" || text === "" ? "any" : text;
}

/** The columns in order: inputs, outputs, then annotations other than the row name. */
export function columnsOf(table) {
    return [
        ...table.inputs.map((c, i) => ({ ...c, index: i })),
        ...table.outputs.map((c, i) => ({ ...c, index: i })),
        ...table.annotations.map((c, i) => ({ ...c, index: i })).filter((c) => c.index !== table.nameColumn),
    ];
}

export function cellOf(row, column) {
    if (column.kind === "input") {
        return row.inputs[column.index] ?? "";
    }
    if (column.kind === "output") {
        return row.outputs[column.index] ?? "";
    }
    return row.notes[column.index] ?? "";
}

/** Whether a problem (validation, upload) names this table, and if so which row and column. */
export function problemsFor(problems, modelName, table) {
    return problems.filter((p) => (!p.model || p.model === modelName) && p.table === table.name);
}

function problemMatchesRow(problem, row) {
    const named = problem.rowName ?? problem.row;
    if (named === undefined || named === null || named === "") {
        return false;
    }
    return String(named) === row.name || String(named) === row.id || String(named) === String(row.number);
}

function problemMatchesColumn(problem, column) {
    const named = problem.column ?? problem.field;
    return !!named && (named === column.name || named === column.expression);
}

export function rowMatches(table, row, query) {
    if (!query) {
        return false;
    }
    const q = query.toLowerCase();
    return [row.name, ...row.inputs, ...row.outputs, ...row.notes].some((text) => text.toLowerCase().includes(q));
}

/**
 * One table as a page section. Options: problems (marks the named row and cell), search (marks
 * rows that match), changes (Map rowName -> {status, cells: Set(columnName), old: Map(columnName -> text)}).
 */
export function renderTable(table, { modelName = "", problems = [], search = "", changes = null, idPrefix = "", onlyRowsWithProblems = false } = {}) {
    const columns = columnsOf(table);
    const mine = problemsFor(problems, modelName, table);
    const rows = onlyRowsWithProblems && mine.some((p) => table.rows.some((r) => problemMatchesRow(p, r)))
        ? table.rows.filter((r) => mine.some((p) => problemMatchesRow(p, r)))
        : table.rows;
    const anchor = `${idPrefix}table-${table.name}`;
    return html`
      <section class="govuk-!-margin-bottom-9" id="${anchor}" data-table="${table.name}">
        <h2 class="govuk-heading-m">${table.name}</h2>
        ${table.description ? html`<p class="govuk-body">${table.description}</p>` : ""}
        <div class="govuk-inset-text" data-hit-policy="${table.hitPolicy}">
          <strong>How this table decides (${table.hitPolicy.toLowerCase()}):</strong> ${hitPolicySentence(table)}
        </div>
        <details class="govuk-details">
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">The columns and what they mean</span></summary>
          <div class="govuk-details__text">
            <dl class="govuk-summary-list">
              ${columns.map((c) => html`
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">${c.name}</dt>
                  <dd class="govuk-summary-list__value">${c.kind === "input" ? "Condition" : c.kind === "output" ? "Answer" : "Note"}${c.type ? html` (${c.type})` : ""}${c.meaning ? html`: ${c.meaning}` : ""}</dd>
                </div>`)}
            </dl>
          </div>
        </details>
        ${mine.filter((p) => !table.rows.some((r) => problemMatchesRow(p, r))).map((p) => html`
          <p class="govuk-error-message">${p.message}</p>`)}
        <div class="wb-scroll" tabindex="0" role="region" aria-label="${table.name} rows (scrolls sideways)">
          <table class="govuk-table wb-table" data-table-name="${table.name}">
            <caption class="govuk-table__caption govuk-table__caption--s">${table.name}: ${rows.length === table.rows.length ? `${rows.length} rows` : `the ${rows.length === 1 ? "row" : `${rows.length} rows`} of ${table.rows.length} that the problems name`}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Row</th>
                ${columns.map((c) => html`<th scope="col" class="govuk-table__header" data-kind="${c.kind}">${c.kind === "input" ? "If " : c.kind === "output" ? "Then " : ""}${c.name}</th>`)}
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              ${rows.map((row) => renderRow(table, row, columns, mine, search, changes, idPrefix))}
            </tbody>
          </table>
        </div>
      </section>`;
}

function renderRow(table, row, columns, problems, search, changes, idPrefix) {
    const rowProblems = problems.filter((p) => problemMatchesRow(p, row));
    const change = changes?.get(row.name);
    const classes = [
        rowMatches(table, row, search) ? "wb-match" : "",
        change?.status === "added" ? "wb-added" : change?.status === "removed" ? "wb-removed" : "",
    ].join(" ");
    return html`
      <tr class="govuk-table__row ${classes}" id="${idPrefix}row-${table.name}-${row.name}" data-row="${row.name}" ${change ? html`data-change="${change.status}"` : ""}>
        <th scope="row" class="govuk-table__header">
          <code>${table.name}/${row.name}</code>
          ${change ? html`<br><strong class="govuk-tag ${change.status === "added" ? "govuk-tag--green" : change.status === "removed" ? "govuk-tag--red" : "govuk-tag--blue"}">${change.status}</strong>` : ""}
          ${rowProblems.filter((p) => !columns.some((c) => problemMatchesColumn(p, c))).map((p) => html`<p class="govuk-error-message" data-problem>${p.message}</p>`)}
        </th>
        ${columns.map((column) => {
            const cellProblems = rowProblems.filter((p) => problemMatchesColumn(p, column));
            const changed = change?.cells?.has(column.name);
            const text = cellOf(row, column);
            return html`
              <td class="govuk-table__cell ${column.kind === "annotation" ? "" : "wb-cell"} ${text.length > 40 ? "wb-long" : ""} ${changed ? "wb-changed" : ""} ${cellProblems.length ? "wb-error-cell" : ""}"
                  data-column="${column.name}">
                ${changed ? html`<span class="wb-old" data-old>${column.kind === "annotation" ? change.old.get(column.name) : cellText(change.old.get(column.name) ?? "")}</span><br><span class="govuk-visually-hidden">changed to </span><span class="wb-new">${column.kind === "annotation" ? text : cellText(text)}</span>`
                    : column.kind === "annotation" ? text : cellText(text)}
                ${cellProblems.map((p) => html`<p class="govuk-error-message" data-problem><span class="govuk-visually-hidden">Error:</span> ${p.message}</p>`)}
              </td>`;
        })}
      </tr>`;
}
