package org.rentrecovery.policy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where policy versions meet the engine: compiling a version's models, the models shipped with the
 * service, and installing the timeline decisions use. (Interim, until the engine seam lands: the
 * compiler checks XML and DMN form only and nothing is installed.)
 */
@ApplicationScoped
public class PolicyEngineBridge {
    static final String SEED_FOLDER = "decision-tables";

    PolicyCompiler compiler() {
        return (versionId, models) -> {
            models.forEach(DmnDocument::parse);
            return models;
        };
    }

    Map<String, byte[]> seedModels() {
        Map<String, byte[]> files = new TreeMap<>();
        URL url = PolicyEngineBridge.class.getClassLoader().getResource(SEED_FOLDER);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("decision-tables/ is not a folder on the classpath: " + url);
        }
        try {
            Path dir = Path.of(url.toURI());
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        files.put(dir.relativize(file).toString().replace('\\', '/'), in.readAllBytes());
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read decision-tables/: " + e.getMessage(), e);
        }
        return files;
    }

    void install(PolicyVersions versions) {
        // Nothing to install into until the engine seam lands.
    }
}
