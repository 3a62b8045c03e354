package org.rentrecovery.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * The versions the release itself makes, as actor {@value #RELEASE} and approved by the release's own review: the
 * seed (the packaged tables, on a fresh store) and the upgrade of the version in force to a newer policy contract.
 */
final class ReleaseVersions {
    private static final Logger LOG = Logger.getLogger(PolicyVersions.class);
    static final String RELEASE = "release";

    private final PolicyStore store;
    private final PolicyCompiler compiler;
    private final Clock clock;

    ReleaseVersions(PolicyStore store, PolicyCompiler compiler, Clock clock) {
        this.store = store;
        this.compiler = compiler;
        this.clock = clock;
    }

    /** On a fresh start, the models shipped with the service become the first version, active from the beginning. */
    void seedIfEmpty(String seedId, Map<String, byte[]> seedModels) {
        boolean seeded = store.change(state -> {
            if (!state.versions().isEmpty()) {
                return new PolicyChange<>(List.of(), Map.of(), List.of(), List.of(), false);
            }
            Instant now = clock.instant();
            ModelBytes.Addressed models = ModelBytes.Addressed.of(seedModels);
            PolicyVersion seed = new PolicyVersion(seedId, null, RELEASE, now,
                    "The tables shipped with the service (decision-tables/)", PolicyContract.CURRENT,
                    Set.of(RELEASE), RELEASE, now, models.paths());
            return new PolicyChange<>(List.of(seed), models.bytes(),
                    List.of(new Activation(1, seedId, PolicyState.BEGINNING, RELEASE, now, "seed version", false)),
                    List.of(PolicyVersions.event(state, 1, seedId, PolicyEvent.Type.SEEDED, RELEASE, now,
                            "seed version from the classpath's decision-tables/ (" + models.paths().size() + " models), in force from "
                                    + PolicyState.BEGINNING)), true);
        });
        if (seeded) {
            LOG.infof("Policy store: seeded version %s from the packaged decision-tables/", seedId);
        }
    }

    /**
     * A new version made from {@code active} (in force {@code today}, holding {@code models}) through each shipped
     * upgrade step to contract {@code current}, in force from today; empty when another change put another version
     * in force meanwhile.
     *
     * @throws IllegalStateException when a step is missing or the upgraded models do not compile
     */
    Optional<PolicyVersion> upgrade(PolicyVersion active, Map<String, byte[]> models, List<ContractUpgrade> upgrades,
            int current, LocalDate today) {
        List<String> steps = new ArrayList<>();
        Map<String, byte[]> upgraded = upgradedModels(active, models, upgrades, current, steps);
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
            String id = PolicyVersions.nextId(state, today);
            ModelBytes.Addressed content = ModelBytes.Addressed.of(upgraded);
            PolicyVersion version = new PolicyVersion(id, active.id(), RELEASE, now, note, current,
                    Set.of(RELEASE), RELEASE, now, content.paths(), active.suites());
            Activation entry = new Activation(state.lastActivationSequence() + 1, id, today, RELEASE, now, note, false);
            return new PolicyChange<>(List.of(version), content.bytes(), List.of(entry),
                    List.of(PolicyVersions.event(state, 1, id, PolicyEvent.Type.CONTRACT_UPGRADED, RELEASE, now,
                            note + ", in force from " + today)), version);
        });
        if (created != null) {
            LOG.infof("Policy store: %s; new version %s in force from %s", note, created.id(), today);
        }
        return Optional.ofNullable(created);
    }

    /** The models after each step from the version's contract to {@code current}; each step's description added to {@code steps}. */
    private static Map<String, byte[]> upgradedModels(PolicyVersion active, Map<String, byte[]> models,
            List<ContractUpgrade> upgrades, int current, List<String> steps) {
        Map<String, byte[]> upgraded = models;
        for (int contract = active.contract() + 1; contract <= current; contract++) {
            int target = contract;
            ContractUpgrade step = upgrades.stream().filter(u -> u.toContract() == target).findFirst()
                    .orElseThrow(() -> new IllegalStateException("policy version " + active.id() + " is written for contract "
                            + active.contract() + " and this release ships no step to contract " + target));
            upgraded = step.upgrade(upgraded);
            steps.add("contract " + target + ": " + step.description());
        }
        return upgraded;
    }
}
