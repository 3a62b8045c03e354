// What every workbench page shares: the signed-in user, calls to the service's API, the page frame
// (GOV.UK header, navigation, footer) and HTML built with every value escaped.

const SESSION_KEY = "rentrecovery.workbench.session";

/** The signed-in user ({user, roles, token}) or null. Kept for the browser tab only. */
export function currentSession() {
    const stored = sessionStorage.getItem(SESSION_KEY);
    return stored ? JSON.parse(stored) : null;
}

export function signOut() {
    sessionStorage.removeItem(SESSION_KEY);
}

/**
 * Signs in against the service (POST /api/session: local users in the quick start) and keeps the
 * token it answers, with the user's name and roles. A service that trusts an OIDC issuer answers
 * 404 (/problems/sign-in-elsewhere) with the sentence to show.
 */
export async function signIn(user, password) {
    const answer = await api("/api/session", { method: "POST", json: { user, password }, anonymous: true });
    const session = { user: answer.user, roles: answer.roles ?? [], token: answer.token };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    return session;
}

/**
 * Keeps a token from the OIDC issuer as the session, with the user and roles the service reads in
 * it (GET /api/session), so the pages and the four-eyes rule see the same person the service does.
 */
export async function signInWithToken(token) {
    const response = await fetch("/api/session", { headers: { Accept: "application/json", Authorization: `Bearer ${token}` } });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
        throw new ApiProblem(response.status, { title: "The service did not accept the identity provider's token", ...answer });
    }
    const session = { user: answer.user, roles: answer.roles ?? [], token };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    return session;
}

export function hasRole(role) {
    const session = currentSession();
    return !!session && (session.roles.includes(role) || session.roles.includes("admin"));
}

/** A problem+json answer from the service, with the fields it names. */
export class ApiProblem extends Error {
    constructor(status, problem) {
        super(problem.detail ?? problem.title ?? `The service answered ${status}`);
        this.status = status;
        this.problem = problem;
    }

    /**
     * Every named error: the located model problems (path, model, table, row, column, message) when
     * the service gives them, else the field errors ({field, message}).
     */
    get errors() {
        const located = (this.problem.problems ?? []).filter((p) => !isWarning(p));
        return located.length ? located : (this.problem.errors ?? []);
    }

    /** The located problems that do not stop a save (e.g. a diagram without an edge), shown apart. */
    get warnings() {
        return (this.problem.problems ?? []).filter(isWarning);
    }
}

function isWarning(problem) {
    return String(problem.severity ?? "").toUpperCase().startsWith("WARN");
}

/**
 * Calls the service. `json` is sent as JSON, `body` as it is (a .dmn file, a portfolio).
 * Answers the parsed JSON (or text for XML); throws ApiProblem for any 4xx/5xx, and sends the
 * user to the sign-in page when the token is missing or expired.
 */
export async function api(path, { method = "GET", json, body, contentType, accept, anonymous = false } = {}) {
    const headers = { Accept: accept ?? "application/json, application/problem+json" };
    const session = currentSession();
    if (session && !anonymous) {
        headers.Authorization = `Bearer ${session.token}`;
    }
    let payload = body;
    if (json !== undefined) {
        headers["Content-Type"] = "application/json";
        payload = JSON.stringify(json);
    } else if (contentType) {
        headers["Content-Type"] = contentType;
    }
    const response = await fetch(path, { method, headers, body: payload });
    const type = response.headers.get("Content-Type") ?? "";
    if (response.status === 401 && !anonymous) {
        signOut();
        location.assign(`/workbench/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`);
        throw new ApiProblem(401, { title: "Please sign in" });
    }
    if (!response.ok) {
        let problem = { title: `The service answered ${response.status}` };
        if (type.includes("json")) {
            problem = await response.json();
        } else {
            const text = await response.text();
            if (text) {
                problem.detail = text.slice(0, 500);
            }
        }
        throw new ApiProblem(response.status, problem);
    }
    if (response.status === 204) {
        return null;
    }
    if (type.includes("json")) {
        return response.json();
    }
    return response.text();
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escape(value) {
    return String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A piece of markup that `html` inserts as it is. */
export class Safe {
    constructor(markup) {
        this.markup = markup;
    }

    toString() {
        return this.markup;
    }
}

/** Tagged template: every interpolated value is escaped unless it is Safe (or an array of them). */
export function html(strings, ...values) {
    let out = strings[0];
    values.forEach((value, i) => {
        out += render(value) + strings[i + 1];
    });
    return new Safe(out);
}

function render(value) {
    if (value instanceof Safe) {
        return value.markup;
    }
    if (Array.isArray(value)) {
        return value.map(render).join("");
    }
    if (value === null || value === undefined || value === false) {
        return "";
    }
    return escape(value);
}

export function setHtml(element, markup) {
    element.innerHTML = render(markup);
}

export const param = (name) => new URLSearchParams(location.search).get(name);

/**
 * Draws the page frame around the page's own content. The page's <main> stays where it is; the
 * header (service name, navigation, who is signed in) and footer are added around it.
 */
export function frame(title, { requireSignIn = true } = {}) {
    document.title = `${title} – Rent recovery policy workbench`;
    const session = currentSession();
    if (requireSignIn && !session) {
        location.assign(`/workbench/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`);
        return null;
    }
    const here = location.pathname;
    const nav = [
        { href: "/workbench/", label: "Policies", current: here === "/workbench/" || here.endsWith("/index.html") },
    ];
    document.body.classList.add("govuk-template__body", "govuk-frontend-supported");
    const header = document.createElement("div");
    setHtml(header, html`
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
        <header>
        <section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
          <div class="govuk-width-container">
            <div class="govuk-service-navigation__container">
              <span class="govuk-service-navigation__service-name">
                <a href="/workbench/" class="govuk-service-navigation__link">Rent recovery policy workbench</a>
              </span>
              <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                <ul class="govuk-service-navigation__list" id="navigation">
                  ${nav.map((item) => html`
                    <li class="govuk-service-navigation__item ${item.current ? "govuk-service-navigation__item--active" : ""}">
                      <a class="govuk-service-navigation__link" href="${item.href}" ${item.current ? new Safe('aria-current="page"') : ""}>${item.current ? html`<strong class="govuk-service-navigation__active-fallback">${item.label}</strong>` : item.label}</a>
                    </li>`)}
                  ${session ? html`
                    <li class="govuk-service-navigation__item">
                      <span class="govuk-body-s" id="signed-in-user">Signed in as <strong>${session.user}</strong> (${session.roles.join(", ")})</span>
                    </li>
                    <li class="govuk-service-navigation__item">
                      <a class="govuk-service-navigation__link" href="/workbench/signin.html?signout=1" id="sign-out">Sign out</a>
                    </li>` : html`
                    <li class="govuk-service-navigation__item">
                      <a class="govuk-service-navigation__link" href="/workbench/signin.html">Sign in</a>
                    </li>`}
                </ul>
              </nav>
            </div>
          </div>
        </section>
        </header>`);
    document.body.prepend(...header.childNodes);
    const footer = document.createElement("footer");
    footer.className = "govuk-footer";
    setHtml(footer, html`
        <div class="govuk-width-container">
          <p class="govuk-body-s">Local policy is decision tables; the law is applied after them by guards no table can switch off.
          Decision model editor: Apache KIE DMN editor.</p>
        </div>`);
    document.body.append(footer);
    import("/workbench/vendor/govuk-frontend.min.js").then((govuk) => govuk.initAll()).catch(() => {});
    return session;
}

/** Shows a service problem at the top of the page as a GOV.UK error summary naming each field. */
export function showProblem(error, target = document.getElementById("problems")) {
    if (!target) {
        throw error;
    }
    const problem = error instanceof ApiProblem ? error.problem : { title: String(error.message ?? error) };
    const errors = error instanceof ApiProblem ? error.errors : [];
    setHtml(target, html`
        <div class="govuk-error-summary" data-module="govuk-error-summary" role="alert" tabindex="-1">
          <div role="alert">
            <h2 class="govuk-error-summary__title">${problem.title ?? "Something went wrong"}</h2>
            <div class="govuk-error-summary__body">
              ${problem.detail ? html`<p class="govuk-body">${problem.detail}</p>` : ""}
              ${errors.length ? html`<ul class="govuk-list govuk-error-summary__list">
                ${errors.map((e) => html`<li>${describeError(e)}</li>`)}
              </ul>` : ""}
            </div>
          </div>
        </div>`);
    target.querySelector(".govuk-error-summary")?.focus();
}

export function clearProblem(target = document.getElementById("problems")) {
    if (target) {
        target.innerHTML = "";
    }
}

/** One named error as a sentence: where it is (model, table, row, column or field) and what is wrong. */
export function describeError(e) {
    const where = [e.path ?? e.model, e.line ? `line ${e.line}` : null, e.table, e.rowName ?? e.row, e.column ?? e.field].filter((x) => x !== undefined && x !== null && x !== "");
    return where.length ? `${where.join(" › ")}: ${e.message ?? e.detail ?? ""}` : (e.message ?? JSON.stringify(e));
}

/** Under a saved banner: the warnings a draft's change brought, listed open; nothing when there are none. */
export function newWarningsDetails(warnings) {
    if (!warnings.length) {
        return "";
    }
    return html`
      <details class="govuk-details govuk-!-margin-bottom-0" id="new-warnings" open>
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"} this draft brought (it can still be approved)</span></summary>
        <div class="govuk-details__text"><ul class="govuk-list govuk-list--bullet">
          ${warnings.map((p) => html`<li>${describeError(p)}</li>`)}
        </ul></div>
      </details>`;
}

/** A GOV.UK tag for a version's status. */
export function statusTag(status) {
    const colour = {
        DRAFT: "govuk-tag--grey",
        APPROVED: "govuk-tag--blue",
        ACTIVE: "govuk-tag--green",
        SCHEDULED: "govuk-tag--yellow",
        RETIRED: "govuk-tag--grey",
    }[status] ?? "";
    return html`<strong class="govuk-tag ${colour}">${(status ?? "").toLowerCase()}</strong>`;
}

export function formatDateTime(value) {
    if (!value) {
        return "";
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}
