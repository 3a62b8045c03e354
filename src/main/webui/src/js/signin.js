import { clearProblem, frame, html, param, setHtml, showProblem, signIn, signOut } from "./workbench.js";

if (param("signout")) {
    signOut();
}
frame("Sign in", { requireSignIn: false });

document.getElementById("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    clearProblem();
    const user = document.getElementById("user").value.trim();
    const password = document.getElementById("password").value;
    if (!user || !password) {
        setHtml(document.getElementById("problems"), html`
            <div class="govuk-error-summary" role="alert" tabindex="-1">
              <h2 class="govuk-error-summary__title">Enter your user name and password</h2>
            </div>`);
        return;
    }
    try {
        await signIn(user, password);
        const next = param("next");
        // Only a page of the workbench itself, never another site.
        location.assign(next && next.startsWith("/workbench/") ? next : "/workbench/");
    } catch (error) {
        showProblem(error.status === 401 || error.status === 403
            ? { message: "The user name or password is not right" }
            : error);
    }
});
