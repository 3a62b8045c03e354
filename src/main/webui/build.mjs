// Builds the policy workbench into the service's static resources (served at /workbench).
// Run by the Maven build (exec-maven-plugin, generate-resources) with the machine's own Node.js and
// npm: it installs the locked packages from the npm registry when node_modules is missing or older
// than package-lock.json, compiles GOV.UK Frontend's Sass with the service's settings, and copies
// our pages and the prebuilt vendor files (KIE DMN editor, Chart.js) beside them. Nothing is
// fetched at run time, so the workbench works on a council network without internet.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, process.argv[2] ?? "../../../target/classes/META-INF/resources/workbench");

function installWhenStale() {
    const installed = join(here, "node_modules", ".package-lock.json");
    const locked = join(here, "package-lock.json");
    if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(locked).mtimeMs) {
        return;
    }
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const run = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: "inherit" });
    if (run.status !== 0) {
        throw new Error("npm ci failed: the workbench needs Node.js and npm with access to the npm registry");
    }
}

/** Copies a file unless the copy is already there and as new (the editor alone is 11 MB). */
function copyFresh(from, to) {
    const source = statSync(from);
    if (existsSync(to)) {
        const target = statSync(to);
        if (target.size === source.size && target.mtimeMs >= source.mtimeMs) {
            return;
        }
    }
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { preserveTimestamps: true });
}

function copyTree(from, to) {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
        const source = join(from, entry.name);
        const target = join(to, entry.name);
        if (entry.isDirectory()) {
            copyTree(source, target);
        } else {
            copyFresh(source, target);
        }
    }
}

installWhenStale();
const sass = await import("sass");

mkdirSync(join(out, "css"), { recursive: true });
// GOV.UK Frontend compiled with a system font (the GDS Transport font is for GOV.UK domains only)
// and its images served from under /workbench.
const css = sass.compile(join(here, "src", "workbench.scss"), {
    style: "compressed",
    importers: [new sass.NodePackageImporter(here)],
    quietDeps: true,
});
writeFileSync(join(out, "css", "workbench.css"), css.css);

copyTree(join(here, "src", "pages"), out);
copyTree(join(here, "src", "js"), join(out, "js"));
const modules = join(here, "node_modules");
copyFresh(join(modules, "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"), join(out, "vendor", "govuk-frontend.min.js"));
copyTree(join(modules, "govuk-frontend", "dist", "govuk", "assets", "images"), join(out, "assets", "images"));
copyFresh(join(modules, "chart.js", "dist", "chart.umd.min.js"), join(out, "vendor", "chart.umd.min.js"));
copyFresh(join(modules, "@kie-tools", "dmn-editor-standalone", "dist", "index.js"), join(out, "vendor", "dmn-editor", "index.js"));
console.log(`workbench built into ${out}`);
