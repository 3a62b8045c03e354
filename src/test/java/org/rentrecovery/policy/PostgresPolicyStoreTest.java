package org.rentrecovery.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.rentrecovery.support.PostgresTestDatabase;

/** The PostgreSQL store against the real local PostgreSQL, in a schema of its own that is dropped afterwards. */
class PostgresPolicyStoreTest {
    String schema = "policy_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();

    @BeforeEach
    void createDatabase() {
        new PostgresTestDatabase().start();
        dataSource.setURL("jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/"
                + PostgresTestDatabase.DATABASE);
        dataSource.setUser(PostgresTestDatabase.USER);
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    PolicyVersions replica(List<PolicyState> published) {
        PostgresPolicyStore store = new PostgresPolicyStore(dataSource, schema, "test");
        store.migrate();
        return new PolicyVersions(store, PolicyVersionsTest.DMN_FORM, PolicyVersionsTest.CLOCK, PolicyVersionsTest.LONDON,
                5_000_000, published::add);
    }

    /** A new database where the decision audit migrated first: the policy store must still create every table of its own. */
    @Test
    void shouldMigrateASchemaTheAuditHasAlreadyMigrated() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("CREATE TABLE " + schema + ".decision_audit (decision_id uuid PRIMARY KEY)");
        }
        PolicyVersions versions = replica(new ArrayList<>());
        versions.seedIfEmpty("2026.11.0", PolicyFiles.seed());
        PolicyVersion draft = versions.createDraft("2026.11.0", "after the audit's tables", "alice");

        assertThat(versions.state().versions()).containsOnlyKeys("2026.11.0", draft.id());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var applied = statement.executeQuery("SELECT count(*) FROM " + schema + ".policy_schema_history WHERE success AND version <> '0'")) {
            applied.next();
            assertThat(applied.getInt(1)).as("policy migrations applied after the baseline").isEqualTo(2);
        }
    }

    @Test
    void shouldShareOneLifecycleBetweenReplicas() {
        PolicyVersions first = replica(new ArrayList<>());
        first.seedIfEmpty("2026.11.0", PolicyFiles.seed());
        PolicyVersions second = replica(new ArrayList<>());
        second.seedIfEmpty("ignored", PolicyFiles.seed());

        PolicyVersion draft = first.createDraft("2026.11.0", "Letter 1 from two weeks", "alice");
        first.putModel(draft.id(), PolicyFiles.LADDER, PolicyFiles.ladderWithLetter1AtTwoWeeks(), "alice");
        assertThatThrownBy(() -> second.approve(draft.id(), "alice", null)).isInstanceOf(PolicyInputException.class);
        second.approve(draft.id(), "bob", "ok");
        second.activate(draft.id(), PolicyVersionsTest.TODAY.plusDays(1), "bob", null);

        PolicyState seenByFirst = first.state();
        assertThat(seenByFirst).isEqualTo(second.state());
        assertThat(seenByFirst.versions()).containsOnlyKeys("2026.11.0", draft.id());
        assertThat(seenByFirst.inForce(PolicyVersionsTest.TODAY.plusDays(1))).contains(draft.id());
        assertThat(first.models(draft.id()).get(PolicyFiles.LADDER)).isEqualTo(PolicyFiles.ladderWithLetter1AtTwoWeeks());
        assertThat(seenByFirst.eventsOf(draft.id())).extracting(PolicyEvent::actor)
                .containsExactly("alice", "alice", "bob", "bob");
        PostgresPolicyStore store = new PostgresPolicyStore(dataSource, schema, "test");
        assertThat(store.revision()).isEqualTo(seenByFirst.revision());
    }

    @Test
    void shouldStoreADraftsSuiteCopiesForEveryReplica() {
        PolicyVersions first = replica(new ArrayList<>());
        first.seedIfEmpty("2026.11.0", PolicyFiles.seed());
        PolicyVersions second = replica(new ArrayList<>());
        PolicyVersion draft = first.createDraft("2026.11.0", "suites follow", "alice");
        byte[] copy = PolicyVersionsTest.SUITE_COPY.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        first.suites().change(draft.id(), java.util.Map.of(PolicyVersionsTest.SUITE, copy), java.util.Map.of(), "alice",
                PolicyEvent.Type.SUITE_UPLOADED, "uploaded");
        second.approve(draft.id(), "bob", null);

        PolicyVersion seen = second.version(draft.id());
        assertThat(second.state()).isEqualTo(first.state());
        assertThat(seen.suites()).containsOnlyKeys(PolicyVersionsTest.SUITE);
        assertThat(second.suites().of(seen).get(PolicyVersionsTest.SUITE)).isEqualTo(copy);
        assertThat(second.createDraft(draft.id(), "next", "carol").suites()).isEqualTo(seen.suites());
    }

    @Test
    void shouldSerialiseConcurrentChangesFromManyReplicas() throws Exception {
        PolicyVersions first = replica(new ArrayList<>());
        first.seedIfEmpty("2026.11.0", PolicyFiles.seed());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PolicyVersion>> drafts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                PolicyVersions replica = replica(new ArrayList<>());
                int n = i;
                drafts.add(pool.submit(() -> replica.createDraft("2026.11.0", "draft " + n, "author" + n)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<PolicyVersion> draft : drafts) {
                ids.add(draft.get().id());
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(8);
            PolicyState state = first.state();
            assertThat(state.events()).extracting(PolicyEvent::sequence).doesNotHaveDuplicates().hasSize(9);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldHaveAReplicaDecideUnderAVersionAnotherReplicaActivatedOnItsNextPoll() {
        org.rentrecovery.engine.PolicyModels modelsOfA = org.rentrecovery.engine.PolicyModels.seeded("packaged");
        org.rentrecovery.engine.PolicyModels modelsOfB = org.rentrecovery.engine.PolicyModels.seeded("packaged");
        PolicyEngineBridge bridgeA = new PolicyEngineBridge(modelsOfA);
        PolicyEngineBridge bridgeB = new PolicyEngineBridge(modelsOfB);
        PostgresPolicyStore storeA = new PostgresPolicyStore(dataSource, schema, "test");
        storeA.migrate();
        PolicyVersions[] a = new PolicyVersions[1];
        a[0] = new PolicyVersions(storeA, bridgeA.compiler(), PolicyVersionsTest.CLOCK, PolicyVersionsTest.LONDON, 5_000_000,
                state -> bridgeA.install(a[0]));
        a[0].seedIfEmpty("2026.11.0", PolicyEngineBridge.seedModels());
        PostgresPolicyStore storeB = new PostgresPolicyStore(dataSource, schema, "test");
        PolicyVersions b = new PolicyVersions(storeB, bridgeB.compiler(), PolicyVersionsTest.CLOCK, PolicyVersionsTest.LONDON,
                5_000_000, state -> { });
        bridgeB.install(b);
        ReplicaPoll poll = new ReplicaPoll(storeB, b.state().revision(), () -> bridgeB.install(b));
        assertThat(poll.pollOnce()).isFalse();

        PolicyVersion draft = a[0].createDraft("2026.11.0", "Letter 1 from two weeks", "alice");
        a[0].putModel(draft.id(), PolicyFiles.LADDER, PolicyFiles.ladderWithLetter1AtTwoWeeks(), "alice");
        a[0].approve(draft.id(), "bob", null);
        a[0].activate(draft.id(), PolicyVersionsTest.TODAY, "bob", null);
        assertThat(modelsOfA.forDate(PolicyVersionsTest.TODAY).versionId()).isEqualTo(draft.id());
        assertThat(modelsOfB.forDate(PolicyVersionsTest.TODAY).versionId()).isEqualTo("2026.11.0");

        assertThat(poll.pollOnce()).isTrue();
        assertThat(modelsOfB.forDate(PolicyVersionsTest.TODAY).versionId()).isEqualTo(draft.id());
        assertThat(modelsOfB.forDate(PolicyVersionsTest.TODAY.minusDays(1)).versionId()).isEqualTo("2026.11.0");
        assertThat(poll.pollOnce()).isFalse();
    }
}
