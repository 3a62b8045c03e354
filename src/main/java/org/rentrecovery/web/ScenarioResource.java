package org.rentrecovery.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.JsonBody;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.contract.Problem.FieldError;
import org.rentrecovery.scenarios.ReportWriter;
import org.rentrecovery.scenarios.ScenarioEngine;
import org.rentrecovery.scenarios.ScenarioFileException;
import org.rentrecovery.scenarios.ScenarioFileException.BadFile;
import org.rentrecovery.scenarios.ScenarioReport;
import org.rentrecovery.scenarios.ScenarioRunner;
import org.rentrecovery.scenarios.ScenarioSelection;
import org.rentrecovery.scenarios.Suite;
import org.rentrecovery.scenarios.SuiteLoader;

/**
 * Runs scenario suites over HTTP: the stored ones, chosen ones, or suites sent in the request (JSON,
 * or several files as a multipart upload), all or only the scenarios chosen by name or tag; the
 * report as JSON, or as the HTML page when asked for ({@code Accept: text/html} or {@code ?format=html}).
 */
@jakarta.ws.rs.Path("/api/scenarios")
@Tag(name = "Scenarios")
public class ScenarioResource {
    static final String PROBLEM_TYPE = "/problems/invalid-scenario-run";
    static final String PROBLEM_TITLE = "The scenario run request is not valid";

    /**
     * @param stored files or folders under the stored suites folder; empty with no upload means all of them
     * @param upload one suite sent in the request
     * @param uploads several suites sent in the request
     * @param names run only the scenarios whose name contains one of these (ignoring case)
     * @param tags run only the scenarios with one of these tags
     */
    @Schema(name = "ScenarioRunRequest", description = "Which suites to run; {} runs every stored suite")
    public record RunRequest(
            @Schema(description = "Stored suites to run: files or folders under test-scenarios/, e.g. guards") List<String> stored,
            @Schema(description = "One suite sent in the request") Upload upload,
            @Schema(description = "Several suites sent in the request") List<Upload> uploads,
            @Schema(description = "Only the scenarios with these names") List<String> names,
            @Schema(description = "Only the scenarios with one of these tags, e.g. smoke") List<String> tags) {
    }

    /** @param defaults for a CSV suite, the YAML of its defaults file (optional) */
    @Schema(name = "ScenarioUpload", description = "A suite file sent in the request")
    public record Upload(
            @Schema(description = "The file's name, ending .yaml, .yml or .csv: it names the suite in the report") String fileName,
            @Schema(description = "The file's text") String content,
            @Schema(description = "For a CSV suite: the YAML of its defaults file (optional)") String defaults) {
    }

    private final ScenarioRunner runner;
    private final JsonBody json;
    private final OverloadGate gate;

    @Inject
    public ScenarioResource(ScenarioRunner runner, JsonBody json, OverloadGate gate) {
        this.runner = runner;
        this.json = json;
        this.gate = gate;
    }

    @POST
    @jakarta.ws.rs.Path("/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Run scenario suites and return the report",
            description = "An empty body or {} runs every stored suite; {\"stored\": [\"guards\"]} runs the chosen files or folders; "
                    + "{\"upload\": {\"fileName\": \"mine.yaml\", \"content\": \"...\"}} (or \"uploads\": [...]) runs suites sent in the "
                    + "body; \"names\" and \"tags\" choose scenarios. The report lists each scenario's outcome, each failure with "
                    + "expected and actual values and the decision's reasons, bad files with their lines, and rule coverage. "
                    + "Accept: text/html (or ?format=html) answers the HTML report.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunRequest.class)))
    @APIResponse(responseCode = "200", description = "The report (summary.success says whether everything passed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScenarioReport.class)))
    @APIResponse(responseCode = "400", description = "The request or an uploaded suite is not valid: every field and line is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "As many scenario runs as the service allows at once are running "
            + "(a bulkhead, one by default): retry after the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response run(byte[] body, @QueryParam("format") String format, @Context HttpHeaders headers) throws Exception {
        return gate.scenarioRun(() -> runJson(body, format, headers));
    }

    private Response runJson(byte[] body, String format, HttpHeaders headers) throws IOException {
        RunRequest request = json.read(body, RunRequest.class, PROBLEM_TYPE, PROBLEM_TITLE);
        if (request == null) {
            request = new RunRequest(null, null, null, null, null);
        }
        List<Upload> uploads = new ArrayList<>();
        List<String> uploadFields = new ArrayList<>();
        if (request.upload() != null) {
            uploads.add(request.upload());
            uploadFields.add("upload");
        }
        if (request.uploads() != null) {
            for (int i = 0; i < request.uploads().size(); i++) {
                uploads.add(request.uploads().get(i));
                uploadFields.add("uploads[" + i + "]");
            }
        }
        return answer(run(request.stored(), uploads, uploadFields, new ScenarioSelection(request.names(), request.tags())),
                format, headers);
    }

    @POST
    @jakarta.ws.rs.Path("/run")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Run suite files uploaded as a form",
            description = "Each 'file' part is a suite (.yaml, .yml or .csv; a CSV's <name>.defaults.yaml may be sent as another part); "
                    + "'name' and 'tag' parts choose scenarios, 'stored' parts add stored suites. "
                    + "curl -F file=@a.yaml -F file=@b.csv -F file=@b.defaults.yaml -F tag=smoke .../api/scenarios/run")
    @APIResponse(responseCode = "200", description = "The report, as JSON or (Accept: text/html) as the HTML page")
    @APIResponse(responseCode = "400", description = "An uploaded suite is not valid: every file, line and problem is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "As many scenario runs as the service allows at once are running: "
            + "retry after the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response runFiles(@RestForm("file") List<FileUpload> files, @RestForm("name") List<String> names,
            @RestForm("tag") List<String> tags, @RestForm("stored") List<String> stored, @QueryParam("format") String format,
            @Context HttpHeaders headers) throws Exception {
        return gate.scenarioRun(() -> runUploaded(files, names, tags, stored, format, headers));
    }

    private Response runUploaded(List<FileUpload> files, List<String> names, List<String> tags, List<String> stored, String format,
            HttpHeaders headers) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (FileUpload file : files == null ? List.<FileUpload>of() : files) {
            String fileName = file.fileName() == null || file.fileName().isBlank() ? file.name() : Path.of(file.fileName()).getFileName().toString();
            texts.put(fileName, Files.readString(file.uploadedFile(), StandardCharsets.UTF_8));
        }
        if (texts.isEmpty() && (stored == null || stored.isEmpty())) {
            throw invalid(List.of(new FieldError("file", "is required: one or more suite files as form parts named 'file'")));
        }
        List<Upload> uploads = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            String fileName = file.getKey();
            if (fileName.endsWith(".defaults.yaml")) {
                String csv = fileName.substring(0, fileName.length() - ".defaults.yaml".length()) + ".csv";
                if (!texts.containsKey(csv)) {
                    throw invalid(List.of(new FieldError("file", fileName + " holds only the defaults of " + csv
                            + ", so no scenario could run: send " + csv + " with it")));
                }
                continue; // applied to its CSV
            }
            String defaults = fileName.endsWith(".csv") ? texts.get(fileName.substring(0, fileName.length() - 4) + ".defaults.yaml") : null;
            uploads.add(new Upload(fileName, file.getValue(), defaults));
            fields.add("file " + fileName);
        }
        return answer(run(stored, uploads, fields, new ScenarioSelection(names, tags)), format, headers);
    }

    private ScenarioReport run(List<String> storedNames, List<Upload> uploads, List<String> uploadFields, ScenarioSelection selection)
            throws IOException {
        ScenarioEngine engine = runner.engine();
        List<Suite> suites = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        loadUploads(engine, uploads, uploadFields, suites, errors);
        List<String> stored = storedNames == null ? List.of() : storedNames;
        if (stored.isEmpty() && uploads.isEmpty()) {
            stored = List.of("");
        }
        loadStored(engine, stored, suites, bad, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return engine.run(new SuiteLoader.Loaded(suites, bad), selection);
    }

    /** Each uploaded suite read into {@code suites}; what is wrong with one goes to {@code errors}, named by its field. */
    private static void loadUploads(ScenarioEngine engine, List<Upload> uploads, List<String> uploadFields, List<Suite> suites,
            List<FieldError> errors) {
        for (int u = 0; u < uploads.size(); u++) {
            Upload upload = uploads.get(u);
            String field = uploadFields.get(u);
            if (upload == null || upload.fileName() == null || upload.fileName().isBlank()) {
                errors.add(new FieldError(field + ".fileName", "is required: a name ending in .yaml, .yml or .csv"));
                continue;
            }
            if (upload.content() == null || upload.content().isBlank()) {
                errors.add(new FieldError(field.startsWith("file ") ? field : field + ".content", "is required: the text of the suite"));
                continue;
            }
            try {
                suites.add(engine.loader().loadText(upload.fileName(), upload.content(), upload.defaults()));
            } catch (ScenarioFileException e) {
                String at = field.startsWith("file ") ? "file" : field + ".content";
                e.problems().forEach(p -> errors.add(new FieldError(at, p.toString())));
            }
        }
    }

    /** Each stored suite file or folder named (the empty name: all of them) loaded; an unknown name goes to {@code errors}. */
    private void loadStored(ScenarioEngine engine, List<String> stored, List<Suite> suites, List<BadFile> bad,
            List<FieldError> errors) throws IOException {
        Path root = runner.directory();
        for (int i = 0; i < stored.size(); i++) {
            String name = stored.get(i);
            Path location = runner.storedSuite(name);
            if (location == null) {
                // Named without the server's own paths (they are not the client's business).
                errors.add(new FieldError("stored[" + i + "]", Files.isDirectory(root)
                        ? "no such suite file or folder among the stored suites: " + name
                                + " (name it relative to the stored suites folder, e.g. guards or guards/ground-8.csv)"
                        : "no stored suites on this service (rentrecovery.scenarios.directory names no folder)"));
                continue;
            }
            SuiteLoader.Loaded loaded = engine.loader().load(location);
            suites.addAll(loaded.suites());
            bad.addAll(loaded.badFiles());
        }
    }

    private static InvalidRequestException invalid(List<FieldError> errors) {
        return new InvalidRequestException(PROBLEM_TYPE, PROBLEM_TITLE, errors);
    }

    /** JSON unless the client asked for HTML (a browser, or ?format=html). */
    private Response answer(ScenarioReport report, String format, HttpHeaders headers) {
        boolean html = "html".equalsIgnoreCase(format) || (format == null && headers != null
                && !headers.getAcceptableMediaTypes().isEmpty() && headers.getAcceptableMediaTypes().get(0).isCompatible(MediaType.TEXT_HTML_TYPE)
                && !headers.getAcceptableMediaTypes().get(0).isWildcardType());
        if (html) {
            return Response.ok(ReportWriter.html(report), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
