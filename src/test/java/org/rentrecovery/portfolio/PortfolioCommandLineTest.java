package org.rentrecovery.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.PostgresTestDatabase;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code portfolio run} as an income team runs it at night: every case decided and recorded, bad lines counted, partitions add up. */
@QuarkusMainTest
class PortfolioCommandLineTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final int CASES = 60;

    /** CASES valid cases of different kinds with unique refs, and two bad lines (lines 5 and 20). */
    private static Path portfolio(Path folder, String prefix) throws Exception {
        Files.createDirectories(folder);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            TestCases c = i % 3 == 0 ? TestCases.assured() : TestCases.secure();
            lines.add(c.set("caseRef", prefix + "-" + i).set("account.balance", 25 * i).json());
            if (lines.size() == 4) {
                lines.add("{\"caseRef\": \"" + prefix + "-bad-json\", ");
            }
            if (lines.size() == 19) {
                lines.add(TestCases.secure().set("caseRef", prefix + "-bad-balance").set("account.balance", "12").json());
            }
        }
        Path file = folder.resolve("cases.ndjson");
        Files.write(file, lines);
        return file;
    }

    private static List<JsonNode> ndjson(Path file) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(PLAIN.readTree(line));
        }
        return rows;
    }

    @Test
    void decidesEveryCaseRecordsItWithTheRunIdAndReportsBadLinesByNumber(QuarkusMainLauncher launcher) throws Exception {
        String prefix = "PF-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Path.of("target/portfolio-cli", prefix);
        Path cases = portfolio(folder, prefix);
        UUID runId = UUID.randomUUID();

        LaunchResult result = launcher.launch("portfolio", "run", cases.toString(), "--out", folder.resolve("out").toString(),
                "--run-id", runId.toString(), "--decisions");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("DONE: " + (CASES + 2) + " read, " + CASES + " decided, 2 problems");
        assertThat(result.getErrorOutput()).contains("Portfolio run " + runId);
        List<JsonNode> results = ndjson(folder.resolve("out/results.ndjson"));
        assertThat(results).hasSize(CASES);
        assertThat(results.get(0).path("caseRef").asText()).isEqualTo(prefix + "-0");
        assertThat(results.get(CASES - 1).path("line").asInt()).isEqualTo(CASES + 2);
        assertThat(results).allSatisfy(row -> {
            assertThat(row.path("decisionId").asText()).hasSize(36);
            assertThat(row.path("team").asText()).isNotBlank();
            assertThat(row.path("nextAction").asText()).isNotBlank();
        });
        // --decisions: each full answer, one a line (UTF-8, read strictly), in the results' order.
        List<JsonNode> answers = ndjson(folder.resolve("out/decisions.ndjson"));
        assertThat(answers).extracting(a -> a.path("decisionId").asText())
                .containsExactlyElementsOf(results.stream().map(r -> r.path("decisionId").asText()).toList());
        assertThat(answers).extracting(a -> a.path("caseRef").asText())
                .containsExactlyElementsOf(results.stream().map(r -> r.path("caseRef").asText()).toList());
        List<JsonNode> problems = ndjson(folder.resolve("out/problems.ndjson"));
        assertThat(problems).extracting(p -> p.path("line").asInt()).containsExactly(5, 20);
        assertThat(problems.get(1).path("errors").get(0).path("field").asText()).isEqualTo("account.balance");
        assertThat(problems.get(1).path("caseRef").asText()).isEqualTo(prefix + "-bad-balance");
        JsonNode summary = PLAIN.readTree(folder.resolve("out/summary.json").toFile());
        assertThat(summary.path("state").asText()).isEqualTo("DONE");
        assertThat(summary.path("decided").asInt()).isEqualTo(CASES);
        assertThat(summary.has("queuedAt")).as("a run from the command line is never queued").isFalse();
        assertThat(summary.path("startedAt").asText()).isNotEmpty();

        Set<String> recorded = new HashSet<>();
        try (Connection db = PostgresTestDatabase.connect();
                PreparedStatement q = db.prepareStatement("SELECT decision_id::text, endpoint FROM decision_audit WHERE run_id = ?")) {
            q.setObject(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getString(1));
                    assertThat(rs.getString(2)).isEqualTo("portfolio-run");
                }
            }
        }
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(results.stream().map(r -> r.path("decisionId").asText()).toList());
    }

    @Test
    void twoPartitionsOverOneFileDecideTheSameCasesAsOneRunEachOnce(QuarkusMainLauncher launcher) throws Exception {
        String prefix = "PP-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Path.of("target/portfolio-cli", prefix);
        Path cases = portfolio(folder, prefix);

        Set<String> whole = new HashSet<>();
        assertThat(launcher.launch("portfolio", "run", cases.toString(), "--out", folder.resolve("whole").toString()).exitCode()).isZero();
        ndjson(folder.resolve("whole/results.ndjson")).forEach(r -> whole.add(r.path("caseRef").asText() + "@" + r.path("line")));
        List<String> parts = new ArrayList<>();
        int problems = 0;
        for (String share : new String[] {"0/2", "1/2"}) {
            Path out = folder.resolve("part-" + share.charAt(0));
            LaunchResult result = launcher.launch("portfolio", "run", cases.toString(), "--out", out.toString(), "--partition", share);
            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            ndjson(out.resolve("results.ndjson")).forEach(r -> parts.add(r.path("caseRef").asText() + "@" + r.path("line")));
            problems += ndjson(out.resolve("problems.ndjson")).size();
            assertThat(ndjson(out.resolve("results.ndjson")).size()).isBetween(CASES / 5, CASES * 4 / 5);
        }
        assertThat(parts).doesNotHaveDuplicates();
        assertThat(new HashSet<>(parts)).isEqualTo(whole);
        assertThat(problems).isEqualTo(2);
    }

    @Test
    void readsACsvPortfolioWhoseHeaderNamesEachColumnsPath(QuarkusMainLauncher launcher) throws Exception {
        String prefix = "PC-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createDirectories(Path.of("target/portfolio-cli", prefix));
        Path cases = folder.resolve("cases.csv");
        Files.writeString(cases, """
                caseRef,asOf,landlord.type,tenancy.type,tenancy.rentFrequency,tenancy.rentPerPeriod,account.balance,recovery.actions
                %1$s-1,2026-11-23,LOCAL_AUTHORITY,SECURE,WEEKLY,110.00,495.00,"[{""type"":""SEND_REMINDER_LETTER_1"",""date"":""2026-10-26""},{""type"":""SEND_REMINDER_LETTER_2"",""date"":""2026-11-09""}]"
                %1$s-2,2026-11-23,LOCAL_AUTHORITY,SECURE,WEEKLY,110.00,twelve,
                %1$s-3,2026-11-23,HOUSING_ASSOCIATION,ASSURED,MONTHLY,520.00,0,
                """.formatted(prefix));

        LaunchResult result = launcher.launch("portfolio", "run", cases.toString(), "--out", folder.resolve("out").toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        List<JsonNode> results = ndjson(folder.resolve("out/results.ndjson"));
        assertThat(results).extracting(r -> r.path("caseRef").asText()).containsExactly(prefix + "-1", prefix + "-3");
        assertThat(results.get(0).path("nextAction").asText()).isEqualTo("SERVE_NOSP");
        JsonNode problem = ndjson(folder.resolve("out/problems.ndjson")).get(0);
        assertThat(problem.path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("account.balance");
    }

    @Test
    void aMissingFileOrABadPartitionIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult missing = launcher.launch("portfolio", "run", "target/no-such-cases.ndjson", "--out", "target/portfolio-none");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.getErrorOutput()).contains("no such file: target/no-such-cases.ndjson");
        LaunchResult partition = launcher.launch("portfolio", "run", "pom.xml", "--out", "target/portfolio-none", "--partition", "2/2");
        assertThat(partition.exitCode()).isEqualTo(2);
        assertThat(partition.getErrorOutput()).contains("i from 0 to n-1");
    }
}
