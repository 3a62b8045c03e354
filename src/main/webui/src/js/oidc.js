// Sign-in at the council's OIDC issuer (the service in issuer mode): the authorization code flow
// with PKCE for a public client, so the workbench holds no secret. The access token the issuer
// gives is the bearer token the service verifies; who it names and their roles come from the
// service (GET /api/session), which reads the user and roles claims as configured for the issuer.

const PENDING_KEY = "rentrecovery.workbench.oidc";

function base64Url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText() {
    return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(options) {
    // A relative address is the service's own origin (a sign-in proxy in front of the issuer).
    const server = new URL(options.authorizationServer, location.origin).href.replace(/\/$/, "");
    const response = await fetch(`${server}/.well-known/openid-configuration`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
        throw new Error(`The identity provider's configuration could not be read (${response.status})`);
    }
    return response.json();
}

/** Where the issuer sends the browser back: this sign-in page, without any query. */
export function redirectUri() {
    return `${location.origin}/workbench/signin.html`;
}

/** Sends the browser to the issuer's sign-in page; `next` is the workbench page to return to. */
export async function startSignIn(options, next) {
    const provider = await discover(options);
    const verifier = randomText();
    const state = randomText();
    const challenge = base64Url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, next, tokenEndpoint: provider.token_endpoint }));
    const query = new URLSearchParams({
        response_type: "code",
        client_id: options.clientId,
        redirect_uri: redirectUri(),
        scope: options.scope ?? "openid",
        state,
        code_challenge: challenge,
        code_challenge_method: "S256",
    });
    location.assign(`${provider.authorization_endpoint}?${query}`);
}

/**
 * Back from the issuer with ?code&state: checks the state is the one this tab sent, trades the
 * code (with the PKCE verifier) for an access token. Answers {token, next}.
 */
export async function finishSignIn(options, params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? "null");
    sessionStorage.removeItem(PENDING_KEY);
    if (params.get("error")) {
        throw new Error(`The identity provider refused the sign-in: ${params.get("error_description") ?? params.get("error")}`);
    }
    if (!pending || pending.state !== params.get("state")) {
        throw new Error("This sign-in was not started from this page; please sign in again");
    }
    const response = await fetch(pending.tokenEndpoint, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: new URLSearchParams({
            grant_type: "authorization_code",
            code: params.get("code"),
            redirect_uri: redirectUri(),
            client_id: options.clientId,
            code_verifier: pending.verifier,
        }),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok || !answer.access_token) {
        throw new Error(`The identity provider did not give a token: ${answer.error_description ?? answer.error ?? response.status}`);
    }
    return { token: answer.access_token, next: pending.next };
}
