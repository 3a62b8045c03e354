package org.rentrecovery.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Files under a classpath folder, from folders on disk (tests, quarkus:dev) or the application's jar. */
public final class ClasspathFiles {
    /** A file every build packages, to find the application's own jar when folders cannot be listed. */
    private static final String ANCHOR = "law/legal-parameters.json";

    private ClasspathFiles() {
    }

    /** Resource paths ({@code folder/...}) under a classpath folder with an ending, sorted. */
    public static List<String> list(ClassLoader loader, String folder, String ending) {
        Set<String> found = new TreeSet<>();
        try {
            List<URL> roots = new ArrayList<>(Collections.list(loader.getResources(folder)));
            URL anchor = loader.getResource(ANCHOR);
            if (anchor != null && "jar".equals(anchor.getProtocol())) {
                roots.add(anchor);
            }
            for (URL url : roots) {
                if ("file".equals(url.getProtocol())) {
                    Path dir = Path.of(url.toURI());
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.filter(p -> p.toString().endsWith(ending)).forEach(p ->
                                found.add(folder + "/" + dir.relativize(p).toString().replace('\\', '/')));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(folder + "/") && name.endsWith(ending)) {
                                found.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + folder + " on the classpath: " + e.getMessage(), e);
        }
        return List.copyOf(found);
    }

    /** The files' bytes by their path relative to the folder ({@code escalation/escalation-ladder.dmn}). */
    public static Map<String, byte[]> read(ClassLoader loader, String folder, String ending) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String path : list(loader, folder, ending)) {
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is listed but cannot be read");
                }
                files.put(path.substring(folder.length() + 1), in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException(path + " cannot be read: " + e.getMessage(), e);
            }
        }
        return files;
    }
}
