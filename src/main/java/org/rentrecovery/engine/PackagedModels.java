package org.rentrecovery.engine;

import java.util.Map;

/** The packaged policy's files, read once: what a version's file is compared with to tell the default policy from a landlord's own. */
final class PackagedModels {
    private PackagedModels() {
    }

    private static final class Files {
        static final Map<String, byte[]> BY_PATH = PolicyModels.seedFiles(PackagedModels.class.getClassLoader());
    }

    /** The packaged file of that path, or null when the packaged policy has none. */
    static byte[] file(String path) {
        return Files.BY_PATH.get(path);
    }

    private static final java.util.Map<String, java.util.Set<String>> NAMES_BY_TYPE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The names the packaged vocabulary allows for an item definition (tEscalationStep: the default ladder's rungs); empty
     * for a type it does not have or that lists none.
     */
    static java.util.Set<String> vocabularyNames(String typeName) {
        return NAMES_BY_TYPE.computeIfAbsent(String.valueOf(typeName), name -> {
            byte[] vocabulary = file("vocabulary.dmn");
            String text = vocabulary == null ? "" : new String(vocabulary, java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher item = java.util.regex.Pattern.compile("<itemDefinition[^>]*\\sname=\"" + java.util.regex.Pattern.quote(name)
                    + "\"[^>]*>(.*?)</itemDefinition>", java.util.regex.Pattern.DOTALL).matcher(text);
            if (!item.find()) {
                return java.util.Set.of();
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("&quot;([^&]*)&quot;|\"([^\"]*)\"").matcher(
                    item.group(1).replaceAll("(?s).*<allowedValues[^>]*>", "").replaceAll("(?s)</allowedValues>.*", ""));
            while (quoted.find()) {
                names.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
            }
            return java.util.Set.copyOf(names);
        });
    }
}
