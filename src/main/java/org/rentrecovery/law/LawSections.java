package org.rentrecovery.law;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which section of docs/law.md explains each legal rule, so that an answer the law gives always points the
 * reader to a document they can open, next to the statute (src/main/resources/law/rule-sections.json).
 */
public final class LawSections {
    private static final String RESOURCE = "/law/rule-sections.json";
    private static final Map<String, String> SECTION_OF_RULE = load();

    private LawSections() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(Map<String, List<String>> sections) {
    }

    /**
     * The reference an answer gives for the rule: its own, with the docs/law.md section added unless the text or
     * the reference already cites our documents, or the rule has no section.
     */
    public static String cite(String rule, String text, String reference) {
        String section = SECTION_OF_RULE.get(rule);
        if (section == null || citesOurDocuments(text) || citesOurDocuments(reference)) {
            return reference;
        }
        String link = "docs/law.md#" + section;
        return reference == null || reference.isBlank() ? link : reference + "; " + link;
    }

    /** The docs/law.md section anchor for each rule listed. */
    public static Map<String, String> sectionOfRule() {
        return SECTION_OF_RULE;
    }

    private static boolean citesOurDocuments(String words) {
        return words != null && (words.contains("docs/law.md") || words.contains("docs/policy.md"));
    }

    private static Map<String, String> load() {
        try (InputStream in = LawSections.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("law/rule-sections.json is missing from the classpath");
            }
            Map<String, String> sectionOfRule = new HashMap<>();
            new ObjectMapper().readValue(in, File.class).sections()
                    .forEach((section, rules) -> rules.forEach(rule -> sectionOfRule.put(rule, section)));
            return Map.copyOf(sectionOfRule);
        } catch (IOException e) {
            throw new UncheckedIOException("law/rule-sections.json cannot be read", e);
        }
    }
}
