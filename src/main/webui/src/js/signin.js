// The sign-in page: the quick start's local users with a password, or, when the service trusts an
// OIDC issuer, a button to the issuer's own sign-in page (and back here with its answer).
import { api, clearProblem, frame, html, param, setHtml, showProblem, signIn, signInWithToken, signOut } from "./workbench.js";
import { finishSignIn, startSignIn } from "./oidc.js";

if (param("signout")) {
    signOut();
}
frame("Sign in", { requireSignIn: false });

/** Only a page of the workbench itself, never another site. */
function goOn(next) {
    location.assign(next && next.startsWith("/workbench/") ? next : "/workbench/");
}

function showError(title) {
    setHtml(document.getElementById("problems"), html`
        <div class="govuk-error-summary" role="alert" tabindex="-1">
          <h2 class="govuk-error-summary__title">${title}</h2>
        </div>`);
}

document.getElementById("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    clearProblem();
    const user = document.getElementById("user").value.trim();
    const password = document.getElementById("password").value;
    if (!user || !password) {
        showError("Enter your user name and password");
        return;
    }
    try {
        await signIn(user, password);
        goOn(param("next"));
    } catch (error) {
        showProblem(error.status === 401 || error.status === 403
            ? { message: "The user name or password is not right" }
            : error);
    }
});

async function issuerSignIn(options) {
    document.getElementById("local-signin").hidden = true;
    document.getElementById("issuer-signin").hidden = false;
    const button = document.getElementById("signin-issuer");
    if (!options.clientId) {
        button.hidden = true;
        showError("Sign-in is not set up: the service trusts an identity provider but names no workbench client "
            + "(RENTRECOVERY_SECURITY_OIDC_CLIENT_ID). Ask the service's administrators.");
        return;
    }
    button.addEventListener("click", () => {
        clearProblem();
        startSignIn(options, param("next")).catch(showProblem);
    });
    const back = new URLSearchParams(location.search);
    if (back.has("code") || back.has("error")) {
        const { token, next } = await finishSignIn(options, back);
        await signInWithToken(token);
        goOn(next);
    }
}

try {
    const options = await api("/api/session/sign-in", { anonymous: true });
    if (options.mode === "ISSUER") {
        await issuerSignIn(options);
    }
} catch (error) {
    showProblem(error);
}
