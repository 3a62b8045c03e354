package org.rentrecovery.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;
import org.kie.dmn.validation.DMNValidator;

/**
 * Remembers, across restarts, which sets of DMN files have passed the KIE validator's schema,
 * model and decision-table analysis (stages 1 and 2 of {@link ModelSetCompiler}), with the warnings
 * it found. That analysis is most of a start-up (measured: about half of it, docs/benchmarks.md)
 * and its answer depends only on the files' bytes and the validator's code, so a set that passed
 * once is not analysed again on the next start: the service compiles it and runs its own checks
 * (stages 3 to 5) as always.
 *
 * <p>Only sets that passed are remembered: a set with an error is analysed on every attempt, so its
 * problems are always reported in full. The key is a SHA-256 over every file's path and bytes, the
 * validator library's jar and the locating code, so an upgraded KIE release or a changed
 * {@link ProblemLocator} analyses again. A memo that cannot be read is ignored (the set is analysed);
 * one that cannot be written only costs the next start its time.
 *
 * <p>A second, read-only folder may hold the memos of a training start made with the very same jar (the container
 * image's build: {@code src/main/docker/Dockerfile.jvm}). In Kubernetes the data folder is an empty volume at every pod
 * start, so without it every pod start would analyse the packaged models again (a third of a first start's CPU).
 * Nothing is ever written there: new sets are remembered in the writable folder.
 */
final class ValidationMemo {
    private static final Logger LOG = Logger.getLogger(ValidationMemo.class);
    /** Bump when the stored form or what stages 1 and 2 check changes. */
    private static final String FORMAT = "validation-memo-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ModelProblem>> PROBLEMS = new TypeReference<>() {
    };
    private static volatile String codeIdentity;

    /** Where sets are remembered (and looked up first); null: nowhere. */
    private final Path directory;
    /** Looked up after {@link #directory}, never written; null: none. */
    private final Path packaged;

    ValidationMemo(Path directory) {
        this(directory, null);
    }

    ValidationMemo(Path directory, Path packaged) {
        this.directory = directory;
        this.packaged = packaged;
    }

    /** The warnings the analysis found when it last passed these files, if it did. */
    Optional<List<ModelProblem>> passed(Map<String, String> textsByPath) {
        String name = key(textsByPath) + ".json";
        return Stream.of(directory, packaged).filter(Objects::nonNull).map(folder -> folder.resolve(name))
                .filter(Files::isRegularFile).findFirst().flatMap(ValidationMemo::read);
    }

    private static Optional<List<ModelProblem>> read(Path file) {
        try {
            List<ModelProblem> warnings = JSON.readValue(file.toFile(), PROBLEMS);
            if (warnings.stream().anyMatch(p -> p.severity() != ModelProblem.Severity.WARNING)) {
                return Optional.empty(); // never written by this class: analyse again
            }
            return Optional.of(List.copyOf(warnings));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Model check memo %s cannot be read (%s); the models are analysed again", file.getFileName(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Records that these files passed, with the analysis's warnings. */
    void remember(Map<String, String> textsByPath, List<ModelProblem> warnings) {
        if (directory == null) {
            return;
        }
        String key = key(textsByPath);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, key, ".tmp");
            JSON.writeValue(temporary.toFile(), warnings);
            try {
                Files.move(temporary, directory.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Model check memo cannot be written in %s (%s); the next start analyses these models again", directory,
                    e.getClass().getSimpleName());
        }
    }

    static String key(Map<String, String> textsByPath) {
        MessageDigest sha = sha256();
        update(sha, FORMAT);
        update(sha, codeIdentity());
        for (Map.Entry<String, String> file : new TreeMap<>(textsByPath).entrySet()) {
            update(sha, file.getKey());
            update(sha, file.getValue());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The validator's jar (its name carries the KIE version) and the bytes of the code that locates its messages. */
    private static String codeIdentity() {
        String identity = codeIdentity;
        if (identity == null) {
            MessageDigest sha = sha256();
            var source = DMNValidator.class.getProtectionDomain().getCodeSource();
            update(sha, source == null || source.getLocation() == null ? "unknown" : source.getLocation().toString());
            for (Class<?> type : List.of(ProblemLocator.class, ModelProblem.class)) {
                try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                    if (in != null) {
                        sha.update(in.readAllBytes());
                    }
                } catch (IOException e) {
                    update(sha, "unreadable " + type.getName());
                }
            }
            identity = HexFormat.of().formatHex(sha.digest());
            codeIdentity = identity;
        }
        return identity;
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        return ModelContent.sha256();
    }
}
