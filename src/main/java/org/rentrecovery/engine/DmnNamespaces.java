package org.rentrecovery.engine;

import java.util.Map;

/**
 * Reads DMN 1.6 as DMN 1.5. The KIE DMN editor (10.2) saves DMN 1.6; the KIE 10.1 engine reads up to
 * 1.5. The two share their element types, and 1.6 keeps 1.5's diagram namespace, so renaming the
 * model and FEEL namespaces is the whole conversion; the result is then checked against the 1.5
 * schema like any other file. The stored file is never changed: this runs on the way into the engine.
 */
public final class DmnNamespaces {
    static final String DMN15_MODEL = "https://www.omg.org/spec/DMN/20230324/MODEL/";
    static final String DMN16_MODEL = "https://www.omg.org/spec/DMN/20240513/MODEL/";

    private static final Map<String, String> DMN16_TO_DMN15 = Map.of(
            DMN16_MODEL, DMN15_MODEL,
            "https://www.omg.org/spec/DMN/20240513/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/",
            // 1.6 uses 1.5's DMNDI namespace; mapped too in case a tool writes a 1.6-dated one.
            "https://www.omg.org/spec/DMN/20240513/DMNDI/", "https://www.omg.org/spec/DMN/20230324/DMNDI/");

    private DmnNamespaces() {
    }

    /** The file's text with any DMN 1.6 namespace replaced by its 1.5 equivalent. */
    public static String asDmn15(String xml) {
        if (!xml.contains("20240513")) {
            return xml;
        }
        String mapped = xml;
        for (Map.Entry<String, String> e : DMN16_TO_DMN15.entrySet()) {
            mapped = mapped.replace(e.getKey(), e.getValue());
        }
        return mapped;
    }

    static boolean isDmn16(String xml) {
        return xml.contains(DMN16_MODEL);
    }
}
