package org.rentrecovery.policy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Content addressing of model files: a model's bytes are stored once, under their SHA-256. */
final class ModelBytes {
    private ModelBytes() {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A whole set of model files as a version stores them: each content once under its SHA-256 ({@code bytes}), and
     * each path naming the content it holds ({@code paths}).
     */
    record Addressed(Map<String, byte[]> bytes, TreeMap<String, String> paths) {
        static Addressed of(Map<String, byte[]> files) {
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            TreeMap<String, String> paths = new TreeMap<>();
            files.forEach((path, content) -> {
                String sha = sha256(content);
                bytes.put(sha, content);
                paths.put(path, sha);
            });
            return new Addressed(bytes, paths);
        }
    }
}
