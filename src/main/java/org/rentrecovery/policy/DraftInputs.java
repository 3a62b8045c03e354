package org.rentrecovery.policy;

import java.util.List;

import org.rentrecovery.contract.Problem;

/** What a draft's author sends, checked before anything is stored: a note saying what the change is for, and model files. */
final class DraftInputs {
    static final int MAX_NOTE_CHARACTERS = 2000;

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
