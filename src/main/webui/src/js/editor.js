// The official Apache KIE DMN editor (npm @kie-tools/dmn-editor-standalone), bundled into the
// service at build time and loaded from it only on the pages that show it (it is 11 MB).

let loading = null;

function loadEditorScript() {
    if (window.DmnEditor) {
        return Promise.resolve(window.DmnEditor);
    }
    if (!loading) {
        loading = new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = "/workbench/vendor/dmn-editor/index.js";
            script.onload = () => resolve(window.DmnEditor);
            script.onerror = () => reject(new Error("The DMN editor could not be loaded from the service"));
            document.head.append(script);
        });
    }
    return loading;
}

/**
 * Opens the editor in `container` on a model. `others` are the version's other models by path
 * (the shared vocabulary every model imports), so the editor resolves the imported types. Answers
 * the editor's API (getContent, validate, subscribeToContentChanges, markAsSaved, getPreview, …).
 */
export async function openEditor(container, path, xml, { readOnly = false, onError, others = {} } = {}) {
    const DmnEditor = await loadEditorScript();
    const resources = new Map(Object.entries(others)
        .filter(([otherPath]) => otherPath !== path)
        .map(([otherPath, content]) => [otherPath, { contentType: "text", content: Promise.resolve(content) }]));
    const editor = DmnEditor.open({
        container,
        initialFileNormalizedPosixPathRelativeToTheWorkspaceRoot: path,
        initialContent: Promise.resolve(xml),
        readOnly,
        resources,
        onError: onError ?? (() => {}),
    });
    const frame = container.querySelector("iframe");
    if (frame) {
        frame.title = readOnly ? "Decision diagram (KIE DMN editor, read only)" : "KIE DMN editor";
        frame.style.width = "100%";
        frame.style.height = "100%";
        frame.style.border = "0";
    }
    return editor;
}
