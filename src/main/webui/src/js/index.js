import { formatDateTime, frame, html, setHtml, showProblem, statusTag } from "./workbench.js";
import { listVersions } from "./policies.js";
import { liveAndScheduled } from "./timeline.js";

const day = (date) => (date === "1900-01-01" ? "the start" : date);

/**
 * When a version applies: each period it was, is or will be in force, so a retired version still
 * shows the days it decided ("—" only for one never published).
 */
function inForce(version) {
    if (!version.periods.length) {
        return version.effectiveFrom ?? "—";
    }
    return version.periods.map((p, i) => html`${i ? html`<br>` : ""}${day(p.from)}${p.until ? html` until ${p.until}` : ""}`);
}

if (frame("Policies")) {
    try {
        const listing = await listVersions();
        const { versions } = listing;
        const { live, scheduled, on } = liveAndScheduled(listing);
        setHtml(document.getElementById("at-a-glance"), html`
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-one-half">
                <div class="govuk-panel govuk-panel--confirmation govuk-!-padding-4 govuk-!-text-align-left" id="live-today">
                  <h2 class="govuk-panel__title govuk-!-font-size-27">Live today (${on})</h2>
                  <div class="govuk-panel__body govuk-!-font-size-19">
                    ${live ? html`<a class="govuk-link govuk-link--inverse" href="/workbench/version.html?id=${encodeURIComponent(live.id)}">${live.id}</a>
                      ${live.effectiveFrom ? html` since ${live.effectiveFrom}` : ""}${live.changeNote ? html`: ${live.changeNote}` : ""}` : "No version is live"}
                  </div>
                </div>
              </div>
              <div class="govuk-grid-column-one-half">
                <h2 class="govuk-heading-m">Scheduled</h2>
                <div id="scheduled">${scheduled.length ? html`<ul class="govuk-list govuk-list--bullet">
                  ${scheduled.map((p) => html`<li><a class="govuk-link" href="/workbench/version.html?id=${encodeURIComponent(p.version.id)}">${p.version.id}</a> from <strong>${p.from}</strong>${p.version.changeNote ? html`: ${p.version.changeNote}` : ""}</li>`)}
                </ul>` : html`<p class="govuk-body">Nothing is scheduled.</p>`}</div>
              </div>
            </div>`);
        setHtml(document.getElementById("versions"), html`
            <table class="govuk-table wb-table" id="versions-table">
              <caption class="govuk-table__caption govuk-visually-hidden">Every policy version, newest first</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Version</th>
                <th scope="col" class="govuk-table__header">Status</th>
                <th scope="col" class="govuk-table__header">Author</th>
                <th scope="col" class="govuk-table__header">Approver</th>
                <th scope="col" class="govuk-table__header">In force from</th>
                <th scope="col" class="govuk-table__header">Change note</th>
              </tr></thead>
              <tbody class="govuk-table__body">
              ${[...versions].reverse().map((v) => html`
                <tr class="govuk-table__row" data-version="${v.id}">
                  <th scope="row" class="govuk-table__header"><a class="govuk-link" href="/workbench/version.html?id=${encodeURIComponent(v.id)}">${v.id}</a>
                    ${live && live.id === v.id ? html` <strong class="govuk-tag govuk-tag--green" id="live-marker">Live today</strong>` : ""}</th>
                  <td class="govuk-table__cell">${statusTag(scheduled.some((p) => p.version.id === v.id) && !(live && live.id === v.id) ? "SCHEDULED" : v.status)}</td>
                  <td class="govuk-table__cell">${v.author ?? "—"}</td>
                  <td class="govuk-table__cell">${v.approver ?? "—"}</td>
                  <td class="govuk-table__cell" data-in-force>${inForce(v)}</td>
                  <td class="govuk-table__cell">${v.changeNote}<br><span class="govuk-body-s">${formatDateTime(v.created)}</span></td>
                </tr>`)}
              </tbody>
            </table>`);
        setHtml(document.getElementById("history"), listing.timeline.length ? html`
            <table class="govuk-table wb-table" id="history-table">
              <caption class="govuk-table__caption govuk-visually-hidden">Every activation and roll-back, newest first</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">When</th>
                <th scope="col" class="govuk-table__header">What</th>
                <th scope="col" class="govuk-table__header">Effective from</th>
                <th scope="col" class="govuk-table__header">By</th>
                <th scope="col" class="govuk-table__header">Note</th>
              </tr></thead>
              <tbody class="govuk-table__body">
              ${[...listing.timeline].reverse().map((a) => html`
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">${formatDateTime(a.activatedAt)}</td>
                  <td class="govuk-table__cell">${a.rollback ? "Rolled back to " : "Published "}<a class="govuk-link" href="/workbench/version.html?id=${encodeURIComponent(a.versionId)}">${a.versionId}</a></td>
                  <td class="govuk-table__cell">${day(a.effectiveFrom)}</td>
                  <td class="govuk-table__cell">${a.activatedBy ?? "—"}</td>
                  <td class="govuk-table__cell">${a.note ?? ""}</td>
                </tr>`)}
              </tbody>
            </table>` : html`<p class="govuk-body">No version has been published yet.</p>`);
    } catch (error) {
        showProblem(error);
        setHtml(document.getElementById("at-a-glance"), "");
    }
}
