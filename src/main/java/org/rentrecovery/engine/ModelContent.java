package org.rentrecovery.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.model.api.Import;

/**
 * What a model's evaluation depends on besides its inputs: its own file and every file it imports, directly
 * or not (the vocabulary). Two sets whose digests for a model are equal evaluate it alike.
 */
final class ModelContent {
    private ModelContent() {
    }

    /** By model name; a model whose file or imports cannot be traced to the set's files gets none (never shared). */
    static Map<String, String> digests(Map<String, DMNModel> modelsByName, Map<String, byte[]> files) {
        Map<String, DMNModel> byNamespace = new HashMap<>();
        modelsByName.values().forEach(model -> byNamespace.put(model.getNamespace(), model));
        Map<String, String> digests = new HashMap<>();
        for (Map.Entry<String, DMNModel> entry : modelsByName.entrySet()) {
            String digest = digest(entry.getValue(), byNamespace, files);
            if (digest != null) {
                digests.put(entry.getKey(), digest);
            }
        }
        return Map.copyOf(digests);
    }

    private static String digest(DMNModel model, Map<String, DMNModel> byNamespace, Map<String, byte[]> files) {
        Map<String, byte[]> closure = new TreeMap<>();
        Deque<DMNModel> toVisit = new ArrayDeque<>();
        toVisit.add(model);
        while (!toVisit.isEmpty()) {
            DMNModel next = toVisit.poll();
            String path = next.getResource() == null ? null : next.getResource().getSourcePath();
            byte[] bytes = path == null ? null : files.get(path);
            if (bytes == null) {
                return null;
            }
            if (closure.put(path, bytes) != null) {
                continue;
            }
            for (Import imported : next.getDefinitions().getImport()) {
                DMNModel target = byNamespace.get(imported.getNamespace());
                if (target == null) {
                    return null;
                }
                toVisit.add(target);
            }
        }
        MessageDigest sha = sha256();
        closure.forEach((path, bytes) -> {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
