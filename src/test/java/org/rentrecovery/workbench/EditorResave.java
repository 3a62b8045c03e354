package org.rentrecovery.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.rentrecovery.support.DmnXml;

/**
 * Saves every model in decision-tables/ through the KIE DMN editor, in the machine's headless
 * Chromium, so the committed files are in the editor's own layout and a later change made in the
 * workbench's editor is a small diff: each model is given unplaced shapes and its tables' column
 * widths ({@link EditorLayout}), laid out by the editor's own auto-layout (shapes and an edge for
 * every requirement), and saved again until the editor gives back what it was given. An example
 * folder's copies of seed models are then written from the re-saved seed by its SeedCopies script.
 *
 * <p>One command, after a build has installed the editor's npm package (src/main/webui):
 * {@code ./mvnw -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rentrecovery.workbench.EditorResave} ({@code -Dmodels=a.dmn,b.dmn} for some
 * files only; every .dmn under decision-tables/ otherwise).
 */
public final class EditorResave {
    static final Path TABLES = Path.of("decision-tables");
    private static final Path EDITOR = Path.of("src", "main", "webui", "node_modules", "@kie-tools", "dmn-editor-standalone",
            "dist", "index.js");
    private static final int MOST_PASSES = 5;
    private static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Saving through the KIE DMN editor</title>
            <script src="/editor.js"></script></head><body><div id="editor" style="width:1600px;height:1000px"></div></body></html>""";
    private static final String SAVE = """
            const [path, xml, others, autoLayout, nodes, done] = arguments;
            (async () => {
                const container = document.getElementById("editor");
                container.replaceChildren();
                const resources = new Map(Object.entries(others).map(([p, c]) => [p, { contentType: "text", content: Promise.resolve(c) }]));
                const errors = [];
                const editor = DmnEditor.open({ container, initialFileNormalizedPosixPathRelativeToTheWorkspaceRoot: path,
                    initialContent: Promise.resolve(xml), readOnly: false, resources, onError: (e) => errors.push(String(e)) });
                const frame = () => container.querySelector("iframe")?.contentDocument;
                // Minutes, not seconds: on a busy machine the editor takes several to draw and lay out a large ladder.
                const until = async (test, what) => {
                    const end = Date.now() + 480000;
                    while (!test()) {
                        if (Date.now() > end) throw new Error("waited too long for " + what);
                        await new Promise((r) => setTimeout(r, 50));
                    }
                };
                const button = () => frame()?.querySelector(".kie-dmn-editor--autolayout-panel-toggle-button");
                // The diagram drawn (the editor builds it after its button shows): the auto-layout lays out what it has.
                await until(() => button() && frame().querySelectorAll(".react-flow__node").length >= Math.min(nodes, 1), "the diagram");
                if (autoLayout) {
                    let changed = false;
                    editor.subscribeToContentChanges(() => { changed = true; });
                    let waited = 0;
                    // Pressed again every 5 s while the editor reports no change (a press while it is still busy is lost).
                    await until(() => { if (!changed && waited++ % 100 === 0) button().click(); return changed; }, "the auto-layout");
                }
                // A model with no shapes gives no diagram to wait for: ask again until the editor has taken the content in.
                let content = null;
                for (const end = Date.now() + 480000; content === null; ) {
                    try { content = await editor.getContent(); } catch (e) {
                        if (Date.now() > end || !String(e).includes("has not been set")) throw e;
                        await new Promise((r) => setTimeout(r, 100));
                    }
                }
                editor.close();
                done({ content, errors: errors.join("; ") });
            })().catch((e) => done({ content: null, errors: String(e?.stack ?? e) }));
            """;

    private final Browser browser;

    EditorResave(Browser browser) {
        this.browser = browser;
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
        browser.open("/");
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // Named in a property, as Maven hands exec.args to the build's npm step too.
        String named = System.getProperty("models", String.join(",", args));
        List<Path> models = named.isBlank() ? editedModels() : Stream.of(named.split(",")).map(String::trim).map(Path::of).toList();
        resave(models.stream().filter(model -> !isSeedCopy(model)).toList());
        // An example's copies of the seed are made from the re-saved seed by its own script, as ever.
        for (Path folder : exampleFolders()) {
            Process copies = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    TABLES.resolve("examples").resolve("SeedCopies.java").toString(), folder.toString()).inheritIO().start();
            if (copies.waitFor() != 0) {
                throw new IllegalStateException("SeedCopies failed for " + folder);
            }
        }
    }

    private static void resave(List<Path> models) throws IOException {
        HttpServer server = serve();
        try (Browser browser = new Browser(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/").toURL())) {
            EditorResave editor = new EditorResave(browser);
            for (Path model : models) {
                String before = Files.readString(model);
                String after = editor.resaved(model, before);
                if (!after.equals(before)) {
                    Files.writeString(model, after);
                }
                System.out.println((after.equals(before) ? "unchanged " : "re-saved  ") + model);
            }
        } finally {
            server.stop(0);
        }
    }

    /** The model laid out and saved by the editor, saved again until the editor changes nothing. */
    String resaved(Path model, String xml) throws IOException {
        Path root = workspaceRoot(model);
        String path = root.relativize(model).toString().replace('\\', '/');
        Map<String, String> others = others(root, model);
        String prepared = EditorLayout.prepared(xml);
        int nodes = DmnXml.of(prepared).elements("DMNShape").size();
        String saved = save(path, prepared, others, nodes > 0, nodes);
        for (int pass = 1; pass < MOST_PASSES; pass++) {
            String again = save(path, saved, others, false, nodes);
            if (again.equals(saved)) {
                return saved;
            }
            saved = again;
        }
        throw new IllegalStateException("the editor never settled on one form of " + model);
    }

    @SuppressWarnings("unchecked")
    private String save(String path, String xml, Map<String, String> others, boolean autoLayout, int nodes) {
        Map<String, Object> answer = (Map<String, Object>) browser.driver.executeAsyncScript(SAVE, path, xml, others, autoLayout, nodes);
        Object content = answer.get("content");
        if (content == null) {
            throw new IllegalStateException("the editor could not save " + path + ": " + answer.get("errors"));
        }
        return (String) content;
    }

    /**
     * A copy of a seed model kept in an example folder (listed in its seed-copies.properties without
     * lists of its own), which SeedCopies writes from the seed rather than the editor.
     */
    static boolean isSeedCopy(Path model) {
        Path manifest = model.resolveSibling("seed-copies.properties");
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        Properties copies = new Properties();
        try (var reader = Files.newBufferedReader(manifest)) {
            copies.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = model.getFileName().toString();
        return copies.containsKey(name) && copies.stringPropertyNames().stream().noneMatch(k -> k.startsWith(name + ".own"));
    }

    private static List<Path> exampleFolders() throws IOException {
        try (Stream<Path> folders = Files.list(TABLES.resolve("examples"))) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("seed-copies.properties"))).sorted().toList();
        }
    }

    /** Where the model's imports are resolved from: an example landlord's own folder, else decision-tables/. */
    static Path workspaceRoot(Path model) {
        Path relative = TABLES.relativize(model);
        return relative.startsWith("examples") && relative.getNameCount() > 2 ? TABLES.resolve(relative.subpath(0, 2)) : TABLES;
    }

    private static Map<String, String> others(Path root, Path model) throws IOException {
        Map<String, String> others = new TreeMap<>();
        for (Path other : models(root)) {
            Path relative = root.relativize(other);
            if (!other.equals(model) && !(root.equals(TABLES) && relative.startsWith("examples"))) {
                others.put(relative.toString().replace('\\', '/'), Files.readString(other));
            }
        }
        return others;
    }

    /**
     * Every model a person edits: the service's own and an example landlord's own (a seed copy in an
     * example folder is written by SeedCopies from the re-saved seed instead).
     */
    static List<Path> editedModels() throws IOException {
        return models(TABLES).stream().filter(model -> !isSeedCopy(model)).toList();
    }

    static List<Path> models(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList();
        }
    }

    /** The editor's bundle and an empty page, on a port of the range kept for helpers' servers. */
    private static HttpServer serve() throws IOException {
        if (!Files.isRegularFile(EDITOR)) {
            throw new IllegalStateException(EDITOR + " is missing: build once (./mvnw -o compile) so npm installs the editor");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", ThreadLocalRandom.current().nextInt(18600, 19000)), 0);
        server.createContext("/", exchange -> reply(exchange, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/editor.js", exchange -> reply(exchange, "text/javascript", Files.readAllBytes(EDITOR)));
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, String type, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
