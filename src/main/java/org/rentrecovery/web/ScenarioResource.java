package org.rentrecovery.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.scenarios.ScenarioEngine;
import org.rentrecovery.scenarios.ScenarioFileException.BadFile;
import org.rentrecovery.scenarios.ScenarioFileException;
import org.rentrecovery.scenarios.ScenarioReport;
import org.rentrecovery.scenarios.ScenarioRunner;
import org.rentrecovery.scenarios.Suite;
import org.rentrecovery.scenarios.SuiteLoader;

/** Runs scenario suites over HTTP: the stored ones, chosen ones, or one sent in the body. */
@jakarta.ws.rs.Path("/api/scenarios")
@Tag(name = "Scenarios")
public class ScenarioResource {

    /**
     * @param stored files or folders under the stored suites folder; empty with no upload means all of them
     * @param upload one suite sent in the request
     */
    public record RunRequest(List<String> stored, Upload upload) {
    }

    /** @param defaults for a CSV suite, the YAML of its defaults file (optional) */
    public record Upload(String fileName, String content, String defaults) {
    }

    private final ScenarioRunner runner;
    private final ObjectMapper mapper;

    @Inject
    public ScenarioResource(ScenarioRunner runner, ObjectMapper mapper) {
        this.runner = runner;
        this.mapper = mapper;
    }

    @POST
    @jakarta.ws.rs.Path("/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run scenario suites and return the report",
            description = "An empty body or {} runs every stored suite; {\"stored\": [\"guards\"]} runs the chosen files or folders; "
                    + "{\"upload\": {\"fileName\": \"mine.yaml\", \"content\": \"...\"}} runs a suite sent in the body. The report "
                    + "lists each scenario's outcome, each failure with expected and actual values and the decision's reasons, "
                    + "bad files with their lines, and rule coverage.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunRequest.class)))
    @APIResponse(responseCode = "200", description = "The report (summary.success says whether everything passed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScenarioReport.class)))
    @APIResponse(responseCode = "400", description = "The request or the uploaded suite is not valid: the field and line are named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScenarioReport run(byte[] body) throws IOException {
        RunRequest request;
        try {
            request = body == null || body.length == 0 ? new RunRequest(null, null) : mapper.readValue(body, RunRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Named here: Quarkus's own mapper for unknown fields would otherwise answer without the field.
            throw new InvalidRequestException(List.of(org.rentrecovery.contract.JsonErrors.toFieldError(e)));
        }
        if (request == null) {
            request = new RunRequest(null, null);
        }
        ScenarioEngine engine = runner.engine();
        List<Suite> suites = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        if (request.upload() != null) {
            Upload upload = request.upload();
            if (upload.fileName() == null || upload.fileName().isBlank()) {
                throw new InvalidRequestException("upload.fileName", "is required: a name ending in .yaml, .yml or .csv");
            }
            if (upload.content() == null || upload.content().isBlank()) {
                throw new InvalidRequestException("upload.content", "is required: the text of the suite");
            }
            try {
                suites.add(engine.loader().loadText(upload.fileName(), upload.content(), upload.defaults()));
            } catch (ScenarioFileException e) {
                throw new InvalidRequestException("upload.content", e.toBadFile().toString());
            }
        }
        List<String> stored = request.stored() == null ? List.of() : request.stored();
        if (stored.isEmpty() && request.upload() == null) {
            stored = List.of("");
        }
        Path root = runner.directory();
        for (int i = 0; i < stored.size(); i++) {
            String name = stored.get(i);
            Path location = name == null || name.isEmpty() ? root : root.resolve(name).normalize();
            if (!location.startsWith(root.normalize()) || !Files.exists(location)) {
                throw new InvalidRequestException("stored[" + i + "]", Files.isDirectory(root)
                        ? "no such suite file or folder among the stored suites: " + name
                        : "no stored suites on this service (rentrecovery.scenarios.directory names no folder)");
            }
            SuiteLoader.Loaded loaded = engine.loader().load(location);
            suites.addAll(loaded.suites());
            bad.addAll(loaded.badFiles());
        }
        return engine.run(new SuiteLoader.Loaded(suites, bad));
    }
}
