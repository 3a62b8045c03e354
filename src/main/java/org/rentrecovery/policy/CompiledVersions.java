package org.rentrecovery.policy;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled models of each version, compiled once per content (approved versions never change, drafts may), and
 * whether a version can be used at all: it compiles, passes every check, and is written for a contract this release runs.
 */
final class CompiledVersions {
    private final PolicyStore store;
    private final PolicyCompiler compiler;
    /** Compiled sets by version id, with the content digest they were compiled from. */
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    private record Compiled(String digest, Object models) {
    }

    CompiledVersions(PolicyStore store, PolicyCompiler compiler) {
        this.store = store;
        this.compiler = compiler;
    }

    Object of(PolicyVersion version) {
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

    /** The warnings the version's models compiled with. */
    List<ModelProblem> warnings(PolicyVersion version) {
        return compiler.warnings(of(version));
    }

    /** A set compiled before it was stored (an upload checked whole), kept for the content it was stored with. */
    void remember(String versionId, String digest, Object models) {
        compiled.put(versionId, new Compiled(digest, models));
    }

    /** Refuses (409) a version that failed validation or was written for a newer contract, saying what it cannot be. */
    void requireUsable(PolicyVersion version, String what) {
        try {
            of(version);
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

    /** The compiled models, or (with null models) every reason the version cannot be used. */
    Map.Entry<Object, List<ModelProblem>> orProblems(PolicyVersion version) {
        if (version.contract() > PolicyContract.CURRENT) {
            return new AbstractMap.SimpleEntry<>(null, List.of(new ModelProblem(null, null, null, null, null,
                    "ERROR", "written for policy contract " + version.contract() + "; this release runs contract "
                            + PolicyContract.CURRENT)));
        }
        try {
            return new AbstractMap.SimpleEntry<>(of(version), List.of());
        } catch (PolicyInputException e) {
            return new AbstractMap.SimpleEntry<>(null, e.problems());
        }
    }
}
