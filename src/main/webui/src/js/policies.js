// The policy-version API (/api/policies) as the workbench uses it: one place that knows its paths
// and the names of its fields, so every page reads versions the same way.
import { api } from "./workbench.js";

const base = "/api/policies";
const enc = encodeURIComponent;
/** A model's path inside a version (e.g. escalation/escalation-ladder.dmn), slashes kept. */
const modelPath = (path) => path.split("/").map(enc).join("/");

/** A version as the pages use it, whatever optional fields the service adds. */
export function normaliseVersion(v) {
    return {
        id: v.id ?? v.versionId,
        parentId: v.parentId ?? v.parent ?? null,
        status: v.status,
        author: v.author ?? v.createdBy ?? null,
        approver: v.approvedBy ?? v.approver ?? null,
        created: v.createdAt ?? v.created ?? null,
        approved: v.approvedAt ?? null,
        periods: v.periods ?? [],
        changeNote: v.note ?? v.changeNote ?? "",
        effectiveFrom: v.activeFrom ?? v.effectiveFrom ?? null,
        effectiveUntil: v.effectiveUntil ?? null,
        live: v.live ?? v.active ?? v.inForce ?? null,
        validation: v.validation ?? null,
        models: (v.models ?? []).map((m) => (typeof m === "string" ? { path: m } : { ...m, path: m.path ?? m.name })),
        events: v.events ?? v.history ?? v.lifecycle ?? [],
        raw: v,
    };
}

/**
 * Every version, the one in force today and the periods of the timeline (versionId, from, until),
 * as the service computes them (its own today, so a browser's clock cannot mislead).
 */
export async function listVersions() {
    const answer = await api(base);
    const versions = (answer.versions ?? []).map(normaliseVersion);
    return { versions, today: answer.today, liveId: answer.inForceToday ?? null, periods: answer.periods ?? [], timeline: answer.timeline ?? [] };
}

export async function getVersion(id) {
    return normaliseVersion(await api(`${base}/${enc(id)}`));
}

export function getModel(id, path) {
    return api(`${base}/${enc(id)}/models/${modelPath(path)}`, { accept: "application/xml, text/xml, */*" });
}

/** Every model of a version but one, by path: what the editor needs to resolve imports. */
export async function otherModels(version, path) {
    const others = version.models.map((m) => m.path).filter((p) => p !== path);
    const texts = await Promise.all(others.map((p) => getModel(version.id, p)));
    return Object.fromEntries(others.map((p, i) => [p, texts[i]]));
}

export function putModel(id, path, xml) {
    return api(`${base}/${enc(id)}/models/${modelPath(path)}`, { method: "PUT", body: xml, contentType: "application/xml" });
}

/**
 * Several models of a draft in one request, checked as one set: a change that spans models (an own action code in
 * the vocabulary and its category in landlord-actions.dmn) cannot be saved one model at a time. `files` maps each
 * model's path to its File.
 */
export function putModels(id, files) {
    const form = new FormData();
    for (const [path, file] of files) {
        form.append(path, file, file.name);
    }
    return api(`${base}/${enc(id)}/models`, { method: "PUT", body: form });
}

export async function createDraft(fromId, note) {
    return normaliseVersion(await api(base, { method: "POST", json: { from: fromId, note } }));
}

/** Row-by-row, cell-by-cell differences of `toId` from `fromId` (the parent when not given). */
export function diff(fromId, toId) {
    return api(`${base}/${enc(toId)}/diff${fromId ? `?from=${enc(fromId)}` : ""}`);
}

export function validate(id) {
    return api(`${base}/${enc(id)}/validate`, { method: "POST" });
}

/**
 * The warnings a draft's own change brought (validation's newSinceParent: a new rung no routing row names, a value
 * nothing downstream takes), leaving out those every version inherits; none when validation cannot be had, as warnings
 * never stop a save.
 */
export async function newWarnings(id) {
    try {
        return (await validate(id)).newSinceParent ?? [];
    } catch {
        return [];
    }
}

/** Runs the stored scenario suites as written and pinned to the version; lists what it moves. */
export function runSuites(id) {
    return api(`${base}/${enc(id)}/suites`, { method: "POST", json: {} });
}

/** The moved expectations whose expected cells take the draft's answers ({file, line, path} as the suites report gives them). */
export function acceptExpectations(id, expectations) {
    return api(`${base}/${enc(id)}/suites/accept`, { method: "POST", json: { expectations } });
}

/** A suite file (CSV, YAML or a CSV suite's defaults) as the version sees it (its own copy, else the stored file), as text. */
export function getSuite(id, path) {
    return api(`${base}/${enc(id)}/suites/${modelPath(path)}`, { accept: suiteType(path) });
}

/** The media type a suite file is served as: CSV, else YAML. */
export function suiteType(path) {
    return path.endsWith(".csv") ? "text/csv" : "application/yaml";
}

export function impactOfPortfolio(id, file) {
    const ndjson = file.name.endsWith(".csv") ? "text/csv" : "application/x-ndjson";
    return api(`${base}/${enc(id)}/impact`, { method: "POST", body: file, contentType: ndjson });
}

export function impactOfDecided(id, from, to) {
    return api(`${base}/${enc(id)}/impact`, { method: "POST", json: { from, to } });
}

export async function approve(id, note) {
    return normaliseVersion(await api(`${base}/${enc(id)}/approve`, { method: "POST", json: { note } }));
}

export function activate(id, effectiveFrom, note) {
    return api(`${base}/${enc(id)}/activate`, { method: "POST", json: { effectiveFrom, note } });
}

/** Makes the version the last activation replaced apply again, from today. */
export function rollback(note) {
    return api(`${base}/rollback`, { method: "POST", json: { note } });
}
