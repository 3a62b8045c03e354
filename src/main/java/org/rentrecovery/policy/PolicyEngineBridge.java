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

    /** The models packaged under decision-tables/ (not its examples/), from a folder (tests) or the application's jar. */
    Map<String, byte[]> seedModels() {
        ClassLoader loader = PolicyEngineBridge.class.getClassLoader();
        Map<String, byte[]> files = new TreeMap<>();
        try {
            URL folder = loader.getResource(SEED_FOLDER);
            URL anchor = loader.getResource("application.properties");
            if (folder != null && "file".equals(folder.getProtocol())) {
                Path dir = Path.of(folder.toURI());
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path file : walk.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            } else if (anchor != null && "jar".equals(anchor.getProtocol())) {
                java.net.JarURLConnection connection = (java.net.JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (java.util.jar.JarFile jar = connection.getJarFile()) {
                    for (var entries = jar.entries(); entries.hasMoreElements();) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(SEED_FOLDER + "/") && name.endsWith(".dmn")) {
                            try (InputStream in = loader.getResourceAsStream(name)) {
                                files.put(name.substring(SEED_FOLDER.length() + 1), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read decision-tables/: " + e.getMessage(), e);
        }
        files.keySet().removeIf(path -> path.startsWith("examples/"));
        if (files.isEmpty()) {
            throw new IllegalStateException("no DMN models found under decision-tables/ on the classpath");
        }
        return files;
    }

    void install(PolicyVersions versions) {
        // Nothing to install into until the engine seam lands.
    }
}
