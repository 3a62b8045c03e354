// What is live today and what is scheduled, as the service's timeline says.

export function today() {
    return new Date().toISOString().slice(0, 10);
}

/** The version in force today and the periods that start later (each {version, from, until}). */
export function liveAndScheduled({ versions, liveId, periods, today: serviceToday }) {
    const on = serviceToday ?? today();
    const byId = new Map(versions.map((v) => [v.id, v]));
    const live = liveId ? byId.get(liveId) ?? null : null;
    const scheduled = periods.filter((p) => p.from > on)
        .map((p) => ({ version: byId.get(p.versionId) ?? { id: p.versionId }, from: p.from, until: p.until }));
    return { live, scheduled, on };
}
