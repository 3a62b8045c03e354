package org.rentrecovery.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyVersionsTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;
    List<PolicyState> published = new ArrayList<>();
    PolicyVersions versions;

    /** Compiles by reading every file as DMN, as the lifecycle needs nothing more to be tested. */
    static final PolicyCompiler DMN_FORM = (id, models) -> {
        models.forEach(DmnDocument::parse);
        return models;
    };

    @BeforeEach
    void open() {
        versions = open(directory);
        versions.seedIfEmpty("2026.11.0", PolicyFiles.seed());
    }

    PolicyVersions open(Path dir) {
        return new PolicyVersions(new EmbeddedPolicyStore(dir), DMN_FORM, CLOCK, LONDON, 5_000_000, published::add);
    }

    @Test
    void shouldSeedTheShippedTablesAsTheVersionInForceFromTheBeginning() {
        PolicyState state = versions.state();
        assertThat(state.inForce(TODAY)).contains("2026.11.0");
        assertThat(state.inForce(LocalDate.of(2001, 1, 1))).contains("2026.11.0");
        assertThat(state.status("2026.11.0", TODAY)).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(versions.models("2026.11.0")).containsKeys(PolicyFiles.LADDER);
        assertThat(state.eventsOf("2026.11.0")).extracting(PolicyEvent::type).containsExactly(PolicyEvent.Type.SEEDED);
    }

    @Test
    void shouldNotSeedAgainOnRestart() {
        versions.seedIfEmpty("other", Map.of("x.dmn", "<x/>".getBytes(StandardCharsets.UTF_8)));
        assertThat(versions.state().versions()).containsOnlyKeys("2026.11.0");
    }

    @Test
    void shouldTakeADraftThroughApprovalActivationAndRollbackRecordingEveryStep() {
        PolicyVersion draft = versions.createDraft("2026.11.0", "Letter 1 from two weeks", "alice");
        assertThat(draft.id()).isEqualTo("2026.11.30-1");
        versions.putModel(draft.id(), PolicyFiles.LADDER, PolicyFiles.ladderWithLetter1AtTwoWeeks(), "alice");
        assertThat(versions.state().status(draft.id(), TODAY)).isEqualTo(PolicyStatus.DRAFT);

        versions.approve(draft.id(), "bob", "checked the moved scenarios");
        assertThat(versions.state().status(draft.id(), TODAY)).isEqualTo(PolicyStatus.APPROVED);

        LocalDate tomorrow = TODAY.plusDays(1);
        versions.activate(draft.id(), tomorrow, "bob", "from tomorrow");
        PolicyState state = versions.state();
        assertThat(state.inForce(TODAY)).contains("2026.11.0");
        assertThat(state.inForce(tomorrow)).contains(draft.id());
        assertThat(state.status(draft.id(), TODAY)).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(state.activeFrom(draft.id(), TODAY)).contains(tomorrow);

        Activation rollback = versions.rollback(null, "bob", "undo");
        assertThat(rollback.versionId()).isEqualTo("2026.11.0");
        assertThat(rollback.rollback()).isTrue();
        state = versions.state();
        assertThat(state.inForce(tomorrow)).contains("2026.11.0");
        assertThat(state.status(draft.id(), TODAY)).isEqualTo(PolicyStatus.RETIRED);
        assertThat(state.timeline()).hasSize(3);
        assertThat(state.eventsOf(draft.id())).extracting(PolicyEvent::type, PolicyEvent::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PolicyEvent.Type.DRAFT_CREATED, "alice"),
                org.assertj.core.groups.Tuple.tuple(PolicyEvent.Type.MODEL_UPLOADED, "alice"),
                org.assertj.core.groups.Tuple.tuple(PolicyEvent.Type.APPROVED, "bob"),
                org.assertj.core.groups.Tuple.tuple(PolicyEvent.Type.ACTIVATED, "bob"));
        assertThat(published).isNotEmpty();
    }

    @Test
    void shouldKeepARetiredVersionAnsweringForItsPeriod() {
        String first = approvedDraft("alice", "bob");
        versions.activate(first, TODAY, "bob", null);
        String second = approvedDraft("alice", "carol");
        versions.activate(second, TODAY.plusDays(10), "carol", null);
        PolicyState state = versions.state();
        assertThat(state.inForce(TODAY.plusDays(9))).contains(first);
        assertThat(state.inForce(TODAY.plusDays(10))).contains(second);
        assertThat(state.inForce(TODAY.minusDays(1))).contains("2026.11.0");
        assertThat(state.periods()).extracting(PolicyState.Period::versionId).containsExactly("2026.11.0", first, second);

        // Twelve days on, the first is retired and still names the days it was in force (the workbench's list shows them).
        LocalDate later = TODAY.plusDays(12);
        PolicyState thenState = new PolicyVersions(new EmbeddedPolicyStore(directory), DMN_FORM,
                Clock.fixed(later.atStartOfDay(LONDON).plusHours(12).toInstant(), ZoneOffset.UTC), LONDON, 5_000_000,
                published::add).state();
        assertThat(thenState.status(first, later)).isEqualTo(PolicyStatus.RETIRED);
        assertThat(thenState.activeFrom(first, later)).isEmpty();
        assertThat(thenState.periodsOf(first)).containsExactly(new PolicyState.Period(first, TODAY, TODAY.plusDays(10)));
        assertThat(thenState.periodsOf(second)).containsExactly(new PolicyState.Period(second, TODAY.plusDays(10), null));
    }

    @Test
    void shouldRefuseApprovalByTheAuthorOrAnyoneWhoChangedTheDraft() {
        PolicyVersion draft = versions.createDraft("2026.11.0", "change", "alice");
        versions.putModel(draft.id(), PolicyFiles.LADDER, PolicyFiles.ladderWithLetter1AtTwoWeeks(), "dave");
        assertThatThrownBy(() -> versions.approve(draft.id(), "alice", null))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("alice", draft.id());
                });
        assertThatThrownBy(() -> versions.approve(draft.id(), "dave", null)).isInstanceOf(PolicyInputException.class);
        assertThat(versions.state().status(draft.id(), TODAY)).isEqualTo(PolicyStatus.DRAFT);
    }

    @Test
    void shouldRefuseActivationOfADraftOrFromAPastDay() {
        PolicyVersion draft = versions.createDraft("2026.11.0", "change", "alice");
        assertThatThrownBy(() -> versions.activate(draft.id(), TODAY, "bob", null))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> assertThat(e.status()).isEqualTo(409));
        versions.approve(draft.id(), "bob", null);
        long revision = versions.state().revision();
        assertThatThrownBy(() -> versions.activate(draft.id(), TODAY.minusDays(1), "bob", null))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(org.rentrecovery.contract.Problem.FieldError::field).containsExactly("effectiveFrom");
                });
        assertThat(versions.state().revision()).isEqualTo(revision);
        assertThat(versions.state().timeline()).hasSize(1);
    }

    @Test
    void shouldRefuseMalformedOrNonDmnUploadsAndStoreNothing() {
        PolicyVersion draft = versions.createDraft("2026.11.0", "change", "alice");
        long revision = versions.state().revision();
        assertThatThrownBy(() -> versions.putModel(draft.id(), PolicyFiles.LADDER,
                "<definitions><decision>".getBytes(StandardCharsets.UTF_8), "alice"))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(PolicyFiles.LADDER, "not well-formed XML");
                });
        assertThatThrownBy(() -> versions.putModel(draft.id(), PolicyFiles.LADDER,
                "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8), "alice"))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> assertThat(e.getMessage()).contains("not a DMN model"));
        // A root without a namespace (Set.contains(null) would throw) is refused the same way, not answered with a 500.
        assertThatThrownBy(() -> versions.putModel(draft.id(), PolicyFiles.LADDER,
                "<definitions name=\"ladder\"/>".getBytes(StandardCharsets.UTF_8), "alice"))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> assertThat(e.getMessage()).contains("not a DMN model"));
        assertThatThrownBy(() -> versions.putModel(draft.id(), "../escape.dmn", PolicyFiles.seed().get(PolicyFiles.LADDER), "alice"))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("path"));
        assertThat(versions.state().revision()).isEqualTo(revision);
        assertThat(versions.models(draft.id()).get(PolicyFiles.LADDER)).isEqualTo(PolicyFiles.seed().get(PolicyFiles.LADDER));
    }

    @Test
    void shouldRefuseChangesToAnApprovedVersion() {
        String approved = approvedDraft("alice", "bob");
        assertThatThrownBy(() -> versions.putModel(approved, PolicyFiles.LADDER, PolicyFiles.seed().get(PolicyFiles.LADDER), "alice"))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void shouldAnswerNotFoundForAVersionThatDoesNotExist() {
        assertThatThrownBy(() -> versions.createDraft("no-such", "x", "alice"))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("no-such");
                });
        assertThatThrownBy(() -> versions.activate("no-such", TODAY, "bob", null))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void shouldSurviveARestart() {
        String approved = approvedDraft("alice", "bob");
        versions.activate(approved, TODAY.plusDays(1), "bob", null);
        PolicyVersions reopened = open(directory);
        reopened.seedIfEmpty("2026.11.0", PolicyFiles.seed());
        assertThat(reopened.state()).isEqualTo(versions.state());
        assertThat(reopened.models(approved).get(PolicyFiles.LADDER)).isEqualTo(PolicyFiles.ladderWithLetter1AtTwoWeeks());
    }

    @Test
    void shouldCarryADraftsSuiteCopiesThroughApprovalActivationTheNextDraftAndARestart() {
        PolicyVersion draft = versions.createDraft("2026.11.0", "Letter 1 from two weeks", "alice");
        byte[] copy = SUITE_COPY.getBytes(StandardCharsets.UTF_8);
        versions.suites().change(draft.id(), Map.of(SUITE, copy), Map.of(), "dora", PolicyEvent.Type.SUITE_UPLOADED, "uploaded");
        // A change made from a stale reading of the copy stores nothing.
        assertThatThrownBy(() -> versions.suites().change(draft.id(), Map.of(SUITE, "name\n".getBytes(StandardCharsets.UTF_8)),
                Map.of(), "dora", PolicyEvent.Type.SUITE_UPLOADED, "stale"))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> assertThat(e.status()).isEqualTo(409));
        PolicyVersion changed = versions.version(draft.id());
        assertThat(changed.contributors()).contains("dora");
        assertThat(versions.state().eventsOf(draft.id())).extracting(PolicyEvent::type)
                .containsExactly(PolicyEvent.Type.DRAFT_CREATED, PolicyEvent.Type.SUITE_UPLOADED);

        versions.approve(draft.id(), "bob", null);
        versions.activate(draft.id(), TODAY.plusDays(1), "bob", null);
        assertThatThrownBy(() -> versions.suites().change(draft.id(), Map.of(SUITE, copy), Map.of(SUITE, changed.suites().get(SUITE)),
                "bob", PolicyEvent.Type.SUITE_UPLOADED, "after approval"))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> assertThat(e.status()).isEqualTo(409));
        PolicyVersion next = versions.createDraft(draft.id(), "next change", "carol");
        assertThat(next.suites()).isEqualTo(changed.suites());

        PolicyVersions reopened = open(directory);
        assertThat(reopened.state()).isEqualTo(versions.state());
        assertThat(new String(reopened.suites().of(reopened.version(next.id())).get(SUITE), StandardCharsets.UTF_8))
                .isEqualTo(SUITE_COPY);
    }

    static final String SUITE = "escalation/first-steps.csv";
    static final String SUITE_COPY = "name,expect.escalation.step\nLetter 1 at two weeks,LETTER_1\n";

    @Test
    void shouldRollBackOnlyWhenSomethingWasActivated() {
        assertThatThrownBy(() -> versions.rollback(null, "bob", null))
                .isInstanceOfSatisfying(PolicyInputException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void shouldMakeANewVersionFromTheActiveOneWhenTheReleaseRaisesTheContract() {
        ContractUpgrade letter1AtTwoWeeks = new ContractUpgrade() {
            public int toContract() {
                return 2;
            }

            public String description() {
                return "Letter 1 threshold column gets its new default";
            }

            public Map<String, byte[]> upgrade(Map<String, byte[]> models) {
                Map<String, byte[]> upgraded = new java.util.TreeMap<>(models);
                upgraded.put(PolicyFiles.LADDER, PolicyFiles.ladderWithLetter1AtTwoWeeks());
                return upgraded;
            }
        };
        assertThat(versions.upgradeContract(List.of(letter1AtTwoWeeks), 1)).isEmpty();

        PolicyVersion upgraded = versions.upgradeContract(List.of(letter1AtTwoWeeks), 2).orElseThrow();
        PolicyState state = versions.state();
        assertThat(upgraded.parentId()).isEqualTo("2026.11.0");
        assertThat(upgraded.contract()).isEqualTo(2);
        assertThat(upgraded.note()).contains("contract 2", "new default");
        assertThat(state.inForce(TODAY)).contains(upgraded.id());
        assertThat(state.inForce(TODAY.minusDays(1))).contains("2026.11.0");
        assertThat(versions.models(upgraded.id()).get(PolicyFiles.LADDER)).isEqualTo(PolicyFiles.ladderWithLetter1AtTwoWeeks());
        assertThat(versions.models("2026.11.0").get(PolicyFiles.LADDER)).isEqualTo(PolicyFiles.seed().get(PolicyFiles.LADDER));
        assertThat(state.eventsOf(upgraded.id())).extracting(PolicyEvent::type).containsExactly(PolicyEvent.Type.CONTRACT_UPGRADED);
        // Once upgraded, a restart of the same release does nothing more.
        assertThat(versions.upgradeContract(List.of(letter1AtTwoWeeks), 2)).isEmpty();
        // A release with no step for a contract it needs says so instead of running on.
        assertThatThrownBy(() -> versions.upgradeContract(List.of(), 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("contract 3");
    }

    private String approvedDraft(String author, String approver) {
        PolicyVersion draft = versions.createDraft("2026.11.0", "change", author);
        versions.putModel(draft.id(), PolicyFiles.LADDER, PolicyFiles.ladderWithLetter1AtTwoWeeks(), author);
        versions.approve(draft.id(), approver, null);
        return draft.id();
    }
}
