package org.rentrecovery.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * The lifecycle of policy versions: a draft is made from a version, its models replaced one at a
 * time (each upload checked whole, nothing half-stored), approved by someone who did not write it,
 * activated from a date (today or later) and, when needed, rolled back by a new timeline entry.
 * Every step is one atomic change of the store with the event that records it. Plain Java: the
 * CDI wiring, configuration and the engine are outside ({@link PolicyService}).
 */
public final class PolicyVersions {
    private static final Logger LOG = Logger.getLogger(PolicyVersions.class);
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private final PolicyStore store;
    private final PolicyCompiler compiler;
    private final Clock clock;
    private final ZoneId zone;
    private final long maxModelBytes;
    private final Consumer<PolicyState> onChange;
    /** Compiled sets by version id and content digest: approved versions never change, drafts may. */
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    private record Compiled(String digest, Object models) {
    }

    PolicyVersions(PolicyStore store, PolicyCompiler compiler, Clock clock, ZoneId zone, long maxModelBytes,
            Consumer<PolicyState> onChange) {
        this.store = store;
        this.compiler = compiler;
        this.clock = clock;
        this.zone = zone;
        this.maxModelBytes = maxModelBytes;
        this.onChange = onChange;
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
        boolean seeded = store.change(state -> {
            if (!state.versions().isEmpty()) {
                return new PolicyChange<>(List.of(), Map.of(), List.of(), List.of(), false);
            }
            Instant now = clock.instant();
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            TreeMap<String, String> models = new TreeMap<>();
            seedModels.forEach((path, content) -> {
                String sha = ModelBytes.sha256(content);
                bytes.put(sha, content);
                models.put(path, sha);
            });
            PolicyVersion seed = new PolicyVersion(seedId, null, "release", now,
                    "The tables shipped with the service (decision-tables/)", PolicyContract.CURRENT,
                    java.util.Set.of("release"), "release", now, models);
            long event = state.revision();
            return new PolicyChange<>(List.of(seed), bytes,
                    List.of(new Activation(1, seedId, PolicyState.BEGINNING, "release", now, "seed version", false)),
                    List.of(new PolicyEvent(event + 1, seedId, PolicyEvent.Type.SEEDED, "release", now,
                            "seed version from the classpath's decision-tables/ (" + models.size() + " models), in force from "
                                    + PolicyState.BEGINNING)), true);
        });
        if (seeded) {
            LOG.infof("Policy store: seeded version %s from the packaged decision-tables/", seedId);
        }
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
        PolicyVersion version = version(id);
        return compiled(version);
    }

    private Object compiled(PolicyVersion version) {
        String digest = version.contentDigest();
        Compiled known = compiled.get(version.id());
        if (known != null && known.digest().equals(digest)) {
            return known.models();
        }
        Map<String, byte[]> models = new TreeMap<>();
        version.models().forEach((path, sha) -> models.put(path, store.model(sha)));
        Object result = compiler.compile(version.id(), models);
        compiled.put(version.id(), new Compiled(digest, result));
        return result;
    }

    /** Creates a draft holding the same models as {@code fromId}. */
    public PolicyVersion createDraft(String fromId, String note, String actor) {
        requireNote(note);
        PolicyVersion created = store.change(state -> {
            PolicyVersion from = state.version(fromId)
                    .orElseThrow(() -> PolicyInputException.notFound("policy version " + fromId));
            Instant now = clock.instant();
            String id = nextId(state);
            PolicyVersion draft = new PolicyVersion(id, from.id(), actor, now, note, from.contract(),
                    java.util.Set.of(actor), null, null, from.models());
            return new PolicyChange<>(List.of(draft), Map.of(), List.of(),
                    List.of(event(state, 1, id, PolicyEvent.Type.DRAFT_CREATED, actor, now,
                            "draft from " + from.id() + ": " + note)), draft);
        });
        publish();
        return created;
    }

    private static void requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw PolicyInputException.badField("note", "is required: say what the change is for");
        }
        if (note.length() > 2000) {
            throw PolicyInputException.badField("note", "is longer than 2000 characters");
        }
    }

    /** {@code yyyy.MM.dd-n}: the day it was made and a counter for that day. */
    private String nextId(PolicyState state) {
        String day = today().format(ID_DATE);
        int n = 1;
        while (state.versions().containsKey(day + "-" + n)) {
            n++;
        }
        return day + "-" + n;
    }

    private static PolicyEvent event(PolicyState state, int offset, String versionId, PolicyEvent.Type type, String actor,
            Instant at, String detail) {
        return new PolicyEvent(state.revision() + offset, versionId, type, actor, at, detail);
    }

    /**
     * Replaces (or adds) one model of a draft. The whole set with the new model is compiled and
     * checked first; if anything is wrong, nothing is stored.
     */
    public PolicyVersion putModel(String draftId, String path, byte[] bytes, String actor) {
        requirePath(path);
        if (bytes.length == 0) {
            throw PolicyInputException.badModel(path, "is empty");
        }
        if (bytes.length > maxModelBytes) {
            throw new PolicyInputException(413, "/problems/payload-too-large", "Model file too large",
                    "The model " + path + " is " + bytes.length + " bytes; the limit is " + maxModelBytes + " bytes",
                    List.of(new org.rentrecovery.contract.Problem.FieldError(path, "is larger than " + maxModelBytes + " bytes")),
                    List.of());
        }
        DmnDocument.parse(path, bytes);
        PolicyVersion draft = version(draftId);
        requireDraft(store.read(), draft);
        String sha = ModelBytes.sha256(bytes);
        PolicyVersion candidate = draft.withModel(path, sha, actor);
        Map<String, byte[]> models = new TreeMap<>();
        draft.models().forEach((p, s) -> models.put(p, store.model(s)));
        models.put(path, bytes);
        Object result = compiler.compile(draftId, models);
        PolicyVersion stored = store.change(state -> {
            PolicyVersion current = state.version(draftId)
                    .orElseThrow(() -> PolicyInputException.notFound("policy version " + draftId));
            requireDraft(state, current);
            if (!current.models().equals(draft.models())) {
                throw PolicyInputException.conflict("policy-changed-meanwhile", "The draft changed meanwhile",
                        "Another model of draft " + draftId + " was uploaded while this one was being checked; upload again");
            }
            PolicyVersion changed = new PolicyVersion(current.id(), current.parentId(), current.author(),
                    current.createdAt(), current.note(), PolicyContract.CURRENT, candidate.contributors(), null, null,
                    candidate.models());
            Instant now = clock.instant();
            return new PolicyChange<>(List.of(changed), Map.of(sha, bytes), List.of(),
                    List.of(event(state, 1, draftId, PolicyEvent.Type.MODEL_UPLOADED, actor, now,
                            path + " replaced (" + bytes.length + " bytes, sha256 " + sha.substring(0, 12) + ")")), changed);
        });
        compiled.put(draftId, new Compiled(stored.contentDigest(), result));
        publish();
        return stored;
    }

    private static void requirePath(String path) {
        if (path == null || !path.matches("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.dmn")) {
            throw PolicyInputException.badField("path", "must be a relative path of lower-case kebab-case folders and a "
                    + ".dmn file, e.g. escalation/escalation-ladder.dmn; was " + path);
        }
    }

    private void requireDraft(PolicyState state, PolicyVersion version) {
        PolicyStatus status = state.status(version.id(), today());
        if (status != PolicyStatus.DRAFT) {
            throw PolicyInputException.conflict("policy-not-a-draft", "Only a draft can be changed",
                    "Policy version " + version.id() + " is " + status + "; make a draft from it to change it");
        }
    }

    /** Compiles and checks the version as it is now, and records the outcome. */
    public Validation validate(String id, String actor) {
        PolicyVersion version = version(id);
        Validation validation;
        try {
            compiled(version);
            validation = new Validation(id, true, List.of());
        } catch (PolicyInputException e) {
            validation = new Validation(id, false, e.problems());
        }
        Validation outcome = validation;
        store.change(state -> new PolicyChange<>(List.of(), Map.of(), List.of(),
                List.of(event(state, 1, id, PolicyEvent.Type.VALIDATED, actor, clock.instant(),
                        outcome.valid() ? "valid" : "invalid: " + outcome.problems().size() + " problems")), null));
        return validation;
    }

    /** Approves a draft: not by anyone who wrote it, and only if it compiles and passes every check. */
    public PolicyVersion approve(String id, String actor, String note) {
        PolicyVersion draft = version(id);
        requireDraft(store.read(), draft);
        requireSecondPerson(draft, actor);
        requireValid(draft, "approved");
        String digest = draft.contentDigest();
        PolicyVersion approved = store.change(state -> {
            PolicyVersion current = state.version(id).orElseThrow(() -> PolicyInputException.notFound("policy version " + id));
            requireDraft(state, current);
            requireSecondPerson(current, actor);
            if (!current.contentDigest().equals(digest)) {
                throw PolicyInputException.conflict("policy-changed-meanwhile", "The draft changed meanwhile",
                        "A model of draft " + id + " was uploaded while it was being checked; approve again");
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

    private void requireValid(PolicyVersion version, String what) {
        try {
            compiled(version);
        } catch (PolicyInputException e) {
            throw new PolicyInputException(409, "/problems/policy-invalid", "The version failed validation",
                    "Policy version " + version.id() + " cannot be " + what + ": it failed validation ("
                            + e.problems().size() + " problems)", e.errors(), e.problems());
        }
        if (version.contract() > PolicyContract.CURRENT) {
            throw PolicyInputException.conflict("policy-contract", "Written for a newer release",
                    "Policy version " + version.id() + " was written for policy contract " + version.contract()
                            + "; this release runs contract " + PolicyContract.CURRENT);
        }
    }

    /** Puts an approved version in force from a day (today or later), replacing what applied from then on. */
    public Activation activate(String id, LocalDate effectiveFrom, String actor, String note) {
        if (effectiveFrom == null) {
            throw PolicyInputException.badField("effectiveFrom", "is required (yyyy-MM-dd, today or later)");
        }
        LocalDate today = today();
        if (effectiveFrom.isBefore(today)) {
            throw PolicyInputException.badField("effectiveFrom", "is " + effectiveFrom + ", in the past: a version can be "
                    + "activated from today (" + today + ") or a later day, so what applied before is never rewritten");
        }
        PolicyVersion version = version(id);
        if (!version.approved()) {
            throw PolicyInputException.conflict("policy-not-approved", "Only an approved version can be activated",
                    "Policy version " + id + " is a DRAFT; a second person must approve it first");
        }
        requireValid(version, "activated");
        Activation entry = appendTimeline(id, effectiveFrom, actor, note, false);
        publish();
        return entry;
    }

    /**
     * Activates again the version that the last timeline entry replaced, from {@code effectiveFrom}
     * (today when null): the earlier tables come back as a new entry, and the history stays.
     */
    public Activation rollback(LocalDate effectiveFrom, String actor, String note) {
        LocalDate today = today();
        LocalDate from = effectiveFrom == null ? today : effectiveFrom;
        if (from.isBefore(today)) {
            throw PolicyInputException.badField("effectiveFrom", "is " + from + ", in the past: a rollback applies from today ("
                    + today + ") or a later day");
        }
        String target = store.read().rollbackTarget(today).orElseThrow(() -> PolicyInputException.conflict(
                "policy-nothing-to-roll-back", "Nothing to roll back", "Only the seed version has ever been activated"));
        requireValid(version(target), "activated again");
        Activation entry = appendTimeline(target, from, actor, note, true);
        publish();
        return entry;
    }

    private Activation appendTimeline(String id, LocalDate from, String actor, String note, boolean rollback) {
        return store.change(state -> {
            if (rollback && !state.rollbackTarget(today()).map(id::equals).orElse(false)) {
                throw PolicyInputException.conflict("policy-changed-meanwhile", "The timeline changed meanwhile",
                        "Another activation was made while this rollback was being checked; look at the timeline and retry");
            }
            Instant now = clock.instant();
            String text = note == null || note.isBlank() ? (rollback ? "rollback" : "activation") : note;
            Activation entry = new Activation(state.lastActivationSequence() + 1, id, from, actor, now, text, rollback);
            String was = state.inForce(from).orElse("none");
            return new PolicyChange<>(List.of(), Map.of(), List.of(entry),
                    List.of(event(state, 1, id, rollback ? PolicyEvent.Type.ROLLED_BACK : PolicyEvent.Type.ACTIVATED, actor,
                            now, (rollback ? "rolled back to " : "activated ") + id + " from " + from + " (replacing " + was
                                    + "): " + text)), entry);
        });
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
        PolicyState before = store.read();
        LocalDate today = today();
        Optional<String> inForce = before.inForce(today);
        if (inForce.isEmpty()) {
            return Optional.empty();
        }
        PolicyVersion active = before.version(inForce.get()).orElseThrow();
        if (active.contract() >= current) {
            return Optional.empty();
        }
        Map<String, byte[]> models = models(active.id());
        List<String> steps = new ArrayList<>();
        for (int contract = active.contract() + 1; contract <= current; contract++) {
            int target = contract;
            ContractUpgrade step = upgrades.stream().filter(u -> u.toContract() == target).findFirst()
                    .orElseThrow(() -> new IllegalStateException("policy version " + active.id() + " is written for contract "
                            + active.contract() + " and this release ships no step to contract " + target));
            models = step.upgrade(models);
            steps.add("contract " + target + ": " + step.description());
        }
        Map<String, byte[]> upgraded = models;
        String note = "Contract upgrade of " + active.id() + " to contract " + current + " (" + String.join("; ", steps) + ")";
        try {
            compiler.compile(active.id() + "-upgrade", upgraded);
        } catch (PolicyInputException e) {
            throw new IllegalStateException(note + " does not compile: " + e.getMessage(), e);
        }
        PolicyVersion created = store.change(state -> {
            if (!state.inForce(today).map(active.id()::equals).orElse(false)) {
                return new PolicyChange<>(List.of(), Map.of(), List.of(), List.of(), (PolicyVersion) null);
            }
            Instant now = clock.instant();
            String id = nextId(state);
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            TreeMap<String, String> paths = new TreeMap<>();
            upgraded.forEach((path, content) -> {
                String sha = ModelBytes.sha256(content);
                bytes.put(sha, content);
                paths.put(path, sha);
            });
            PolicyVersion version = new PolicyVersion(id, active.id(), "release", now, note, current,
                    java.util.Set.of("release"), "release", now, paths);
            Activation entry = new Activation(state.lastActivationSequence() + 1, id, today, "release", now, note, false);
            return new PolicyChange<>(List.of(version), bytes, List.of(entry),
                    List.of(event(state, 1, id, PolicyEvent.Type.CONTRACT_UPGRADED, "release", now,
                            note + ", in force from " + today)), version);
        });
        if (created == null) {
            return Optional.empty();
        }
        LOG.infof("Policy store: %s; new version %s in force from %s", note, created.id(), today);
        publish();
        return Optional.of(created);
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
                    compiledOrProblems(state.version(period.versionId()).orElseThrow())));
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

    private Map.Entry<Object, List<ModelProblem>> compiledOrProblems(PolicyVersion version) {
        if (version.contract() > PolicyContract.CURRENT) {
            return new java.util.AbstractMap.SimpleEntry<>(null, List.of(new ModelProblem(null, null, null, null, null,
                    "ERROR", "written for policy contract " + version.contract() + "; this release runs contract "
                            + PolicyContract.CURRENT)));
        }
        try {
            return new java.util.AbstractMap.SimpleEntry<>(compiled(version), List.of());
        } catch (PolicyInputException e) {
            return new java.util.AbstractMap.SimpleEntry<>(null, e.problems());
        }
    }

    private void publish() {
        onChange.accept(store.read());
    }

    void reloaded(PolicyState state) {
        onChange.accept(state);
    }
}
