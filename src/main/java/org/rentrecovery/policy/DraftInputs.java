package org.rentrecovery.policy;

import java.util.List;

import org.rentrecovery.contract.Problem;

/** What a draft's author sends, checked before anything is stored: a note saying what the change is for, and model files. */
final class DraftInputs {
    static final int MAX_NOTE_CHARACTERS = 2000;
    /** A suite file's path: lower-case kebab-case folders and name, a CSV or YAML suite or a CSV suite's defaults. */
    private static final String SUITE_PATH = "[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*(\\.csv|\\.yaml|\\.yml|\\.defaults\\.yaml)";

    private DraftInputs() {
    }

    static void requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw PolicyInputException.badField("note", "is required: say what the change is for");
        }
        if (note.length() > MAX_NOTE_CHARACTERS) {
            throw PolicyInputException.badField("note", "is longer than " + MAX_NOTE_CHARACTERS + " characters");
        }
    }

    /**
     * A suite file a draft carries: a scenario suite's kebab-case path under the suites folder, CSV or YAML (e.g.
     * escalation/first-steps.csv, law/breathing-space-notices.yaml), or a CSV suite's defaults file
     * (escalation/first-steps.defaults.yaml).
     */
    static void requireSuitePath(String field, String path) {
        if (path == null || !path.matches(SUITE_PATH)) {
            throw PolicyInputException.badField(field, "must be a suite file's path under the suites folder, in lower-case "
                    + "kebab-case folders and file name, ending .csv, .yaml or .defaults.yaml, e.g. escalation/first-steps.csv;"
                    + " was " + path);
        }
    }

    /** A suite whose expected cells the service can rewrite: a CSV one (a YAML suite is edited by download and upload). */
    static void requireCsvSuitePath(String field, String path) {
        requireSuitePath(field, path);
        if (!path.endsWith(".csv")) {
            throw PolicyInputException.badField(field, "is not a CSV suite: the service rewrites only a CSV suite's expected "
                    + "cells; download " + path + ", edit it and upload it to the draft; was " + path);
        }
    }

    /** A suite upload: a suite file's path, not empty, within the size limit, and UTF-8 text. */
    static String requireSuite(String path, byte[] bytes, long maxBytes) {
        requireSuitePath("path", path);
        if (bytes.length == 0) {
            throw PolicyInputException.invalidSuite(path, List.of(new ModelProblem(path, null, null, null, null, "ERROR",
                    path.endsWith(".csv") ? "is empty: the first line names the columns" : "is empty", 0)));
        }
        if (bytes.length > maxBytes) {
            throw new PolicyInputException(413, "/problems/payload-too-large", "Suite file too large",
                    "The suite " + path + " is " + bytes.length + " bytes; the limit is " + maxBytes + " bytes",
                    List.of(new Problem.FieldError(path, "is larger than " + maxBytes + " bytes")), List.of());
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw PolicyInputException.invalidSuite(path, List.of(new ModelProblem(path, null, null, null, null, "ERROR",
                    "is not UTF-8 text: save it as UTF-8 (\"CSV UTF-8\" for a CSV suite)", 0)));
        }
    }

    /** A model upload: a kebab-case .dmn path, not empty, within the size limit, and readable as DMN XML. */
    static void requireModel(String path, byte[] bytes, long maxModelBytes) {
        if (path == null || !path.matches("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.dmn")) {
            throw PolicyInputException.badField("path", "must be a relative path of lower-case kebab-case folders and a "
                    + ".dmn file, e.g. escalation/escalation-ladder.dmn; was " + path);
        }
        if (bytes.length == 0) {
            throw PolicyInputException.badModel(path, "is empty");
        }
        if (bytes.length > maxModelBytes) {
            throw new PolicyInputException(413, "/problems/payload-too-large", "Model file too large",
                    "The model " + path + " is " + bytes.length + " bytes; the limit is " + maxModelBytes + " bytes",
                    List.of(new Problem.FieldError(path, "is larger than " + maxModelBytes + " bytes")), List.of());
        }
        DmnDocument.parse(path, bytes);
    }
}
