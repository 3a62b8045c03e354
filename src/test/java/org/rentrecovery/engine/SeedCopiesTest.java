package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rentrecovery.support.DmnXml;

/**
 * Issue 15: an example policy set's copies of the seed models are produced by
 * decision-tables/examples/SeedCopies.java, and the build fails when one has drifted from the seed.
 */
class SeedCopiesTest {
    private static final String SCRIPT = "decision-tables/examples/SeedCopies.java";

    record Run(int exitCode, String output) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add(SCRIPT);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void everyExamplesCopiesAreTheSeedModels() throws Exception {
        List<String> folders;
        try (Stream<Path> examples = Files.list(Path.of("decision-tables/examples"))) {
            folders = examples.filter(folder -> Files.isRegularFile(folder.resolve("seed-copies.properties")))
                    .map(Path::toString).sorted().toList();
        }
        assertThat(folders).as("example folders with seed copies").contains("decision-tables/examples/northfield",
                "decision-tables/examples/uttlesford");
        List<String> args = new ArrayList<>(List.of("--check"));
        args.addAll(folders);
        Run check = run(args.toArray(String[]::new));
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void aCopyEditedByHandIsFoundAndTheScriptWritesItBack(@TempDir Path temp) throws Exception {
        Path folder = temp.resolve("northfield");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(Path.of("decision-tables/examples/northfield"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Path copy = folder.resolve("write-off.dmn");
        String seed = Files.readString(copy);
        Files.writeString(copy, DmnXml.of(seed).replaceFirstText("\"SMALL_BALANCE\"", "\"SMALL_BALANCE\" ").xml());
        assertThat(Files.readString(copy)).isNotEqualTo(seed);

        Run check = run("--check", folder.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output()).contains("write-off.dmn").doesNotContain("benefit-cap-policy.dmn");

        Run write = run(folder.toString());
        assertThat(write.exitCode()).as(write.output()).isZero();
        assertThat(Files.readString(copy)).isEqualTo(seed);
        // The example's own additions survive a rewrite: its rungs and its action codes.
        assertThat(Files.readString(folder.resolve("vocabulary.dmn"))).contains("\"UPDATE_COURT_OUTCOME\"", "\"ADJOURNED_NO_DATE\"");
    }
}
