package org.rentrecovery.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The lifecycle of policy versions: a draft is made from a version, its models replaced one at a
 * time (each upload checked whole, nothing half-stored), approved by someone who did not write it,
 * activated from a date (today or later) and, when needed, rolled back by a new timeline entry.
 * Every step is one atomic change of the store with the event that records it. Plain Java: the
 * CDI wiring, configuration and the engine are outside ({@link PolicyService}).
 */
public final class PolicyVersions {
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private final PolicyStore store;
    private final PolicyCompiler compiler;
    private final Clock clock;
    private final ZoneId zone;
    private final long maxModelBytes;
    private final Consumer<PolicyState> onChange;
    private final CompiledVersions compiled;
    private final ReleaseVersions release;
    private final Activations activations;
    private final VersionSuites suites;

    PolicyVersions(PolicyStore store, PolicyCompiler compiler, Clock clock, ZoneId zone, long maxModelBytes,
            Consumer<PolicyState> onChange) {
        this.store = store;
        this.compiler = compiler;
        this.clock = clock;
        this.zone = zone;
        this.maxModelBytes = maxModelBytes;
        this.onChange = onChange;
        this.compiled = new CompiledVersions(store, compiler);
        this.release = new ReleaseVersions(store, compiler, clock);
        this.activations = new Activations(store, compiled, clock, this::today, this::version);
        this.suites = new VersionSuites(store, clock, this::today);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public PolicyState state() {
        return store.read();
    }

    public String describeStore() {
        return store.describe();
    }

    /** On a fresh start, the models shipped with the service become the first version, active from the beginning. */
    void seedIfEmpty(String seedId, Map<String, byte[]> seedModels) {
        release.seedIfEmpty(seedId, seedModels);
    }

    public PolicyVersion version(String id) {
        return store.read().version(id).orElseThrow(() -> PolicyInputException.notFound("policy version " + id));
    }

    /** The model files of a version, by relative path. */
    public Map<String, byte[]> models(String id) {
        PolicyVersion version = version(id);
        Map<String, byte[]> models = new TreeMap<>();
        version.models().forEach((path, sha) -> models.put(path, store.model(sha)));
        return models;
    }

    /** The compiled models of a version, compiled once per content. */
    public Object compiled(String id) {
        return compiled.of(version(id));
    }

    /** Creates a draft holding the same models as {@code fromId}. */
    public PolicyVersion createDraft(String fromId, String note, String actor) {
        DraftInputs.requireNote(note);
        PolicyVersion created = store.change(state -> {
            PolicyVersion from = state.version(fromId)
                    .orElseThrow(() -> PolicyInputException.notFound("policy version " + fromId));
            Instant now = clock.instant();
            String id = nextId(state, today());
            PolicyVersion draft = new PolicyVersion(id, from.id(), actor, now, note, from.contract(),
                    java.util.Set.of(actor), null, null, from.models(), from.suites());
            return new PolicyChange<>(List.of(draft), Map.of(), List.of(),
                    List.of(event(state, 1, id, PolicyEvent.Type.DRAFT_CREATED, actor, now,
                            "draft from " + from.id() + ": " + note)), draft);
        });
        publish();
        return created;
    }

    /** {@code yyyy.MM.dd-n}: the day it was made and a counter for that day. */
    static String nextId(PolicyState state, LocalDate today) {
        String day = today.format(ID_DATE);
        int n = 1;
        while (state.versions().containsKey(day + "-" + n)) {
            n++;
        }
        return day + "-" + n;
    }

    static PolicyEvent event(PolicyState state, int offset, String versionId, PolicyEvent.Type type, String actor,
            Instant at, String detail) {
        return new PolicyEvent(state.revision() + offset, versionId, type, actor, at, detail);
    }

    /**
     * Replaces (or adds) one model of a draft. The whole set with the new model is compiled and
     * checked first; if anything is wrong, nothing is stored.
     */
    public PolicyVersion putModel(String draftId, String path, byte[] bytes, String actor) {
        return putModels(draftId, Map.of(path, bytes), actor);
    }

    /**
     * Replaces (or adds) several models of a draft at once: a change that spans models (a landlord's own action code
     * is declared in the vocabulary and given its category in LandlordActions) cannot pass the set's checks one model at
     * a time. The whole set with every new model is compiled and checked first; if anything is wrong, none is stored.
     */
    public PolicyVersion putModels(String draftId, Map<String, byte[]> uploads, String actor) {
        if (uploads.isEmpty()) {
            throw PolicyInputException.badField("models", "is empty: send at least one model file");
        }
        uploads.forEach((path, bytes) -> DraftInputs.requireModel(path, bytes, maxModelBytes));
        PolicyVersion draft = version(draftId);
        requireDraft(store.read(), draft);
        Map<String, byte[]> models = new TreeMap<>();
        draft.models().forEach((p, s) -> models.put(p, store.model(s)));
        models.putAll(uploads);
        Object result = compiler.compile(draftId, models);
        PolicyVersion stored = store.change(state -> DraftModelUploads.change(state, draft, uploads, actor, today(), clock.instant()));
        compiled.remember(draftId, stored.contentDigest(), result);
        publish();
        return stored;
    }

    private void requireDraft(PolicyState state, PolicyVersion version) {
        requireDraft(state, version, today());
    }

    /** Refuses (409) a change to a version that is no longer a draft. */
    static void requireDraft(PolicyState state, PolicyVersion version, LocalDate today) {
        PolicyStatus status = state.status(version.id(), today);
        if (status != PolicyStatus.DRAFT) {
            throw PolicyInputException.conflict("policy-not-a-draft", "Only a draft can be changed",
                    "Policy version " + version.id() + " is " + status + "; make a draft from it to change it");
        }
    }

    /** The suite files versions carry: read, and changed in a draft. */
    public VersionSuites suites() {
        return suites;
    }

    /** Compiles and checks the version as it is now, and records the outcome. */
    public Validation validate(String id, String actor) {
        PolicyVersion version = version(id);
        Validation validation;
        try {
            List<ModelProblem> warnings = compiled.warnings(version);
            validation = new Validation(id, true, warnings, newSinceParent(version, warnings));
        } catch (PolicyInputException e) {
            validation = new Validation(id, false, e.problems(), newSinceParent(version, e.problems()));
        }
        Validation outcome = validation;
        store.change(state -> new PolicyChange<>(List.of(), Map.of(), List.of(),
                List.of(event(state, 1, id, PolicyEvent.Type.VALIDATED, actor, clock.instant(),
                        outcome.valid() ? "valid" + (outcome.problems().isEmpty() ? "" : ", " + outcome.problems().size() + " warnings")
                                : "invalid: " + outcome.problems().size() + " problems")), null));
        return validation;
    }

    /** The problems the version's parent does not have; null without a parent, or when the parent does not compile. */
    private List<ModelProblem> newSinceParent(PolicyVersion version, List<ModelProblem> problems) {
        if (version.parentId() == null) {
            return null;
        }
        try {
            return Validation.newSince(compiled.warnings(version(version.parentId())), problems);
        } catch (RuntimeException e) {
            return null; // the parent does not compile (or cannot be read): nothing to compare with
        }
    }

    /** Approves a draft: not by anyone who wrote it, and only if it compiles and passes every check. */
    public PolicyVersion approve(String id, String actor, String note) {
        PolicyVersion draft = version(id);
        requireDraft(store.read(), draft);
        requireSecondPerson(draft, actor);
        compiled.requireUsable(draft, "approved");
        String digest = draft.contentDigest();
        PolicyVersion approved = store.change(state -> {
            PolicyVersion current = state.version(id).orElseThrow(() -> PolicyInputException.notFound("policy version " + id));
            requireDraft(state, current);
            requireSecondPerson(current, actor);
            if (!current.contentDigest().equals(digest) || !current.suites().equals(draft.suites())) {
                throw PolicyInputException.conflict("policy-changed-meanwhile", "The draft changed meanwhile",
                        "A model or suite of draft " + id + " was uploaded while it was being checked; approve again");
            }
            Instant now = clock.instant();
            PolicyVersion result = current.approvedBy(actor, now);
            return new PolicyChange<>(List.of(result), Map.of(), List.of(),
                    List.of(event(state, 1, id, PolicyEvent.Type.APPROVED, actor, now,
                            note == null || note.isBlank() ? "approved" : "approved: " + note)), result);
        });
        publish();
        return approved;
    }

    private static void requireSecondPerson(PolicyVersion draft, String actor) {
        if (draft.contributors().contains(actor)) {
            throw PolicyInputException.forbidden("policy-four-eyes", "A draft needs a second person's approval",
                    actor + " wrote or changed draft " + draft.id() + " (" + String.join(", ", draft.contributors())
                            + "), so cannot approve it: another policy approver must");
        }
    }

    /** Puts an approved version in force from a day (today or later), replacing what applied from then on. */
    public Activation activate(String id, LocalDate effectiveFrom, String actor, String note) {
        Activation entry = activations.activate(id, effectiveFrom, actor, note);
        publish();
        return entry;
    }

    /**
     * Activates again the version that the last timeline entry replaced, from {@code effectiveFrom}
     * (today when null): the earlier tables come back as a new entry, and the history stays.
     */
    public Activation rollback(LocalDate effectiveFrom, String actor, String note) {
        Activation entry = activations.rollback(effectiveFrom, actor, note);
        publish();
        return entry;
    }

    /**
     * When this release runs a newer policy contract than the version in force today was written
     * for, makes a new version from it through each shipped upgrade step, and puts it in force from
     * today: the release's own change, approved by its review (actor {@code release}) and recorded
     * as {@link PolicyEvent.Type#CONTRACT_UPGRADED}. The old version stays as it was for its days.
     *
     * @return the new version, or empty when the version in force is already on {@code current}
     * @throws IllegalStateException when a step is missing or the upgraded models do not compile
     */
    Optional<PolicyVersion> upgradeContract(List<ContractUpgrade> upgrades, int current) {
        LocalDate today = today();
        PolicyState before = store.read();
        Optional<PolicyVersion> active = before.inForce(today).flatMap(before::version);
        if (active.isEmpty() || active.get().contract() >= current) {
            return Optional.empty();
        }
        Optional<PolicyVersion> created = release.upgrade(active.get(), models(active.get().id()), upgrades, current, today);
        created.ifPresent(version -> publish());
        return created;
    }

    /** Row-by-row, cell-by-cell comparison of two versions. */
    public PolicyDiff diff(String fromId, String toId) {
        return PolicyDiff.of(fromId, models(fromId), toId, models(toId));
    }

    /** Compiled model sets for every version on the timeline, for the engine; a version that cannot be used is reported. */
    public List<TimelineModels> timelineModels() {
        PolicyState state = store.read();
        List<TimelineModels> entries = new ArrayList<>();
        for (PolicyState.Period period : state.periods()) {
            entries.add(new TimelineModels(period.versionId(), period.from(), period.until(),
                    compiled.orProblems(state.version(period.versionId()).orElseThrow())));
        }
        return entries;
    }

    /** One period of the timeline with its compiled models, or why they cannot be used. */
    public record TimelineModels(String versionId, LocalDate from, LocalDate until, Optional<Object> models,
            List<ModelProblem> problems) {
        TimelineModels(String versionId, LocalDate from, LocalDate until, Map.Entry<Object, List<ModelProblem>> compiled) {
            this(versionId, from, until, Optional.ofNullable(compiled.getKey()), compiled.getValue());
        }
    }

    private void publish() {
        onChange.accept(store.read());
    }

    void reloaded(PolicyState state) {
        onChange.accept(state);
    }
}
