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
}
