package org.rentrecovery.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The store without a database: {@code models/<sha256>.dmn} and {@code suites/<sha256>.csv} for
 * the bytes (written once, never changed) and {@code state.json} for everything else, replaced by an atomic rename after the
 * bytes it names are on disk. A crash at any point leaves the old state or the new one, never a
 * mix (an unreferenced model file is harmless). One process at a time uses a directory.
 */
final class EmbeddedPolicyStore implements PolicyStore {
    private static final String STATE = "state.json";

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private PolicyState state;

    /** The file form of the state: lists, so that the file reads in order. */
    record StateFile(List<PolicyVersion> versions, List<Activation> timeline, List<PolicyEvent> events) {
    }

    EmbeddedPolicyStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory.resolve("models"));
            Files.createDirectories(directory.resolve("suites"));
            Path file = directory.resolve(STATE);
            if (Files.exists(file)) {
                StateFile stored = json.readValue(file.toFile(), StateFile.class);
                Map<String, PolicyVersion> versions = new LinkedHashMap<>();
                stored.versions().forEach(version -> versions.put(version.id(), version));
                state = new PolicyState(versions, stored.timeline(), stored.events());
            } else {
                state = PolicyState.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the policy store in " + directory.toAbsolutePath(), e);
        }
    }

    @Override
    public synchronized PolicyState read() {
        return state;
    }

    @Override
    public synchronized <T> T change(Function<PolicyState, PolicyChange<T>> change) {
        PolicyChange<T> writes = change.apply(state);
        try {
            writeOnce(writes.modelBytes(), this::modelFile);
            writeOnce(writes.suiteBytes(), this::suiteFile);
            Map<String, PolicyVersion> versions = new LinkedHashMap<>(state.versions());
            writes.versions().forEach(version -> versions.put(version.id(), version));
            List<Activation> timeline = new ArrayList<>(state.timeline());
            timeline.addAll(writes.activations());
            List<PolicyEvent> events = new ArrayList<>(state.events());
            events.addAll(writes.events());
            PolicyState next = new PolicyState(versions, timeline, events);
            replace(directory.resolve(STATE), json.writeValueAsBytes(
                    new StateFile(List.copyOf(next.versions().values()), next.timeline(), next.events())));
            state = next;
            return writes.result();
        } catch (IOException e) {
            throw new PolicyStoreUnavailableException("The policy store in " + directory + " could not be written", e);
        }
    }

    /** Content-addressed files are written once: a file already there holds the same bytes. */
    private static void writeOnce(Map<String, byte[]> bytesBySha, Function<String, Path> fileOf) throws IOException {
        for (Map.Entry<String, byte[]> content : bytesBySha.entrySet()) {
            Path file = fileOf.apply(content.getKey());
            if (!Files.exists(file)) {
                replace(file, content.getValue());
            }
        }
    }

    @Override
    public byte[] model(String sha256) {
        return read(modelFile(sha256), "Model " + sha256);
    }

    @Override
    public byte[] suite(String sha256) {
        return read(suiteFile(sha256), "Suite file " + sha256);
    }

    private byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " is missing from the policy store in " + directory, e);
        }
    }

    private Path suiteFile(String sha256) {
        return directory.resolve("suites").resolve(sha256 + ".csv");
    }

    private Path modelFile(String sha256) {
        return directory.resolve("models").resolve(sha256 + ".dmn");
    }

    /** Writes to a temporary file, forces it to disk, then renames it over the target. */
    private static void replace(Path target, byte[] bytes) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String describe() {
        return "embedded store " + directory.toAbsolutePath().normalize();
    }

    @Override
    public void close() {
        // Nothing held open: every write is complete when change() returns.
    }
}
