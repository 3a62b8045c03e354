package org.rentrecovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.quarkus.test.junit.QuarkusTest;

import org.rentrecovery.support.TestIdentity;

/**
 * The deployment files (deploy/*.yaml, src/main/docker/Dockerfile.jvm) are read as Kubernetes reads
 * them, with fabric8's model: a misspelt or misplaced field lands in additionalProperties and fails
 * here, not at 2 a.m. in a cluster. Then what the issue asks of them: probes on health paths this
 * very service answers, non-root and read-only root filesystem, resources, the autoscaler, budget
 * and network policy aimed at the Deployment's pods, every Secret key the pods read documented, and
 * the portfolio run as an Indexed Job. No container engine is needed.
 */
@QuarkusTest
class DeployManifestsTest {
    private static final Path DEPLOY = Path.of("deploy");
    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    /** apiVersion/kind to its model class: a kind not listed here is refused, so the list is the review. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/Secret", Secret.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "batch/v1/Job", Job.class);

    private static final Map<String, List<HasMetadata>> BY_FILE = new LinkedHashMap<>();

    @BeforeAll
    static void readEveryManifest() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                List<HasMetadata> resources = new ArrayList<>();
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc == null || doc.isNull() || doc.isEmpty()) {
                            continue;
                        }
                        String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                        Class<? extends HasMetadata> type = KINDS.get(key);
                        assertThat(type).as(file + ": a " + key + " is not a kind this test knows (add it to KINDS)").isNotNull();
                        resources.add(YAML.treeToValue(doc, type));
                    }
                }
                BY_FILE.put(file.getFileName().toString(), resources);
            }
        }
        assertThat(BY_FILE).containsKeys("kubernetes.yaml", "portfolio-run-job.yaml", "secrets.example.yaml");
    }

    @Test
    void shouldHaveNoFieldTheKubernetesModelDoesNotKnow() {
        List<String> unknown = new ArrayList<>();
        BY_FILE.forEach((file, resources) -> resources.forEach(r -> collectUnknown(r, file + ":" + r.getKind(), unknown)));
        assertThat(unknown).as("fields Kubernetes would not understand (typos or misplaced fields)").isEmpty();
    }

    @Test
    void shouldFindAnUnknownFieldWhenOneIsMisspelt() throws IOException {
        // The check itself can fail: a probe's "periodSecond" (for periodSeconds) is caught.
        JsonNode doc = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  selector: {matchLabels: {app: typo}}
                  template:
                    metadata: {labels: {app: typo}}
                    spec:
                      containers:
                        - name: c
                          image: i
                          livenessProbe: {httpGet: {path: /q/health/live, port: 8080}, periodSecond: 5}
                """);
        List<String> unknown = new ArrayList<>();
        collectUnknown(YAML.treeToValue(doc, Deployment.class), "typo", unknown);
        assertThat(unknown).singleElement().asString().contains("livenessProbe").contains("periodSecond");
    }

    @Test
    void shouldProbeHealthPathsThatThisServiceAnswers() {
        Deployment deployment = one(Deployment.class);
        Container service = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(service.getLivenessProbe()).as("liveness").isNotNull();
        assertThat(service.getReadinessProbe()).as("readiness").isNotNull();
        assertThat(path(service.getLivenessProbe())).isEqualTo("/q/health/live");
        assertThat(path(service.getReadinessProbe())).isEqualTo("/q/health/ready");
        for (Probe probe : Stream.of(service.getLivenessProbe(), service.getReadinessProbe(), service.getStartupProbe())
                .filter(p -> p != null).toList()) {
            assertThat(HEALTH_PATHS).contains(path(probe));
            String port = probe.getHttpGet().getPort().getStrVal();
            assertThat(service.getPorts()).as("the probe's port is one the container declares")
                    .anyMatch(p -> port == null ? p.getContainerPort().equals(probe.getHttpGet().getPort().getIntVal())
                            : port.equals(p.getName()));
            given().header("Authorization", TestIdentity.ANONYMOUS).get(path(probe)).then().statusCode(200);
        }
    }

    @Test
    void shouldRunAsNonRootWithAReadOnlyRootFilesystemAndWritableDataAndTmpVolumes() {
        for (PodSpec pod : List.of(one(Deployment.class).getSpec().getTemplate().getSpec(), one(Job.class).getSpec().getTemplate().getSpec())) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isNotNull().isNotZero();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container container : pod.getContainers()) {
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
                assertThat(container.getVolumeMounts()).extracting(m -> m.getMountPath())
                        .as("what the service writes: data/ under the image's working folder, and /tmp")
                        .contains("/deployments/data", "/tmp");
                assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).containsKey("memory");
            }
        }
    }

    @Test
    void shouldAimTheServiceAutoscalerBudgetAndNetworkPolicyAtTheDeploymentsPods() {
        Deployment deployment = one(Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(one(Service.class).getSpec().getSelector());
        assertThat(podLabels).containsAllEntriesOf(one(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(one(NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels());
        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).as("one replica can be drained while the other serves").isGreaterThanOrEqualTo(2);
        assertThat(one(NetworkPolicy.class).getSpec().getPolicyTypes()).contains("Ingress", "Egress");
    }

    @Test
    void shouldReadEverySecretKeyTheExampleSecretsDefineAndKeepTheOidcSettingsInASecret() {
        Set<String> defined = new TreeSet<>();
        for (HasMetadata r : BY_FILE.get("secrets.example.yaml")) {
            ((Secret) r).getStringData().keySet().forEach(k -> defined.add(r.getMetadata().getName() + "/" + k));
        }
        Set<String> read = new TreeSet<>();
        List<Container> containers = new ArrayList<>(one(Deployment.class).getSpec().getTemplate().getSpec().getContainers());
        containers.addAll(one(Job.class).getSpec().getTemplate().getSpec().getContainers());
        Map<String, String> fromSecret = new LinkedHashMap<>();
        for (Container c : containers) {
            for (EnvVar env : c.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    read.add(env.getValueFrom().getSecretKeyRef().getName() + "/" + env.getValueFrom().getSecretKeyRef().getKey());
                    fromSecret.put(env.getName(), env.getValueFrom().getSecretKeyRef().getName());
                }
            }
        }
        assertThat(defined).containsAll(read);
        assertThat(fromSecret).containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_ISSUER",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    @Test
    void shouldRunThePortfolioAsAnIndexedJobOverItsPartitions() {
        Job job = one(Job.class);
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        String args = String.join(" ", job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());
        assertThat(args).contains("portfolio run").contains("--partition ${JOB_COMPLETION_INDEX}/" + job.getSpec().getCompletions())
                .contains("/deployments/quarkus-run.jar");
    }

    @Test
    void shouldBuildAnImageThatRunsAsANonRootUserWithDataAndTmpOnVolumes() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).as("a USER line").isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).split(":")[0].strip();
        assertThat(user).isNotIn("0", "root");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("VOLUME").contains("/deployments/data").contains("/tmp"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ENTRYPOINT").contains("$JAVA_OPTS").contains("quarkus-run.jar"));
        assertThat(one(Deployment.class).getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                .as("the manifest's user is the image's").isEqualTo(Long.parseLong(user));
    }

    @Test
    void shouldStartEveryPodFromTheClassArchiveTheImageBuildMakes() throws IOException {
        String dockerfile = dockerfileJoined();
        java.util.regex.Matcher made = java.util.regex.Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+) .*?-jar /deployments/quarkus-run.jar ready")
                .matcher(dockerfile);
        assertThat(made.find()).as("a training start that makes the class archive").isTrue();
        String useIt = "-XX:SharedArchiveFile=" + made.group(1);
        assertThat(dockerfile).as("the image's JAVA_OPTS").containsPattern("JAVA_OPTS=\"[^\"]*" + java.util.regex.Pattern.quote(useIt));
        // A manifest's JAVA_OPTS replaces the image's: each must name the archive again.
        List<Container> containers = BY_FILE.values().stream().flatMap(List::stream)
                .flatMap(r -> r instanceof Deployment d ? d.getSpec().getTemplate().getSpec().getContainers().stream()
                        : r instanceof Job j ? j.getSpec().getTemplate().getSpec().getContainers().stream() : Stream.empty())
                .toList();
        assertThat(containers).isNotEmpty().allSatisfy(c -> assertThat(c.getEnv()).filteredOn(e -> e.getName().equals("JAVA_OPTS"))
                .allSatisfy(e -> assertThat(e.getValue()).as(c.getName() + " JAVA_OPTS").contains(useIt)));
    }

    @Test
    void shouldStartEveryPodWithTheMemoOfTheModelsAnalysisTheImageBuildMakes() throws IOException {
        String dockerfile = dockerfileJoined();
        java.util.regex.Matcher made = java.util.regex.Pattern.compile(
                "-Drentrecovery\\.dmn\\.checked-models=(\\S+) .*?-jar /deployments/quarkus-run.jar ready").matcher(dockerfile);
        assertThat(made.find()).as("a training start that remembers the packaged models' analysis").isTrue();
        String memo = made.group(1);
        // Read from outside the data volume, which is empty at every pod start.
        assertThat(memo).startsWith("/deployments/").doesNotStartWith("/deployments/data");
        assertThat(dockerfile).as("the image's setting").contains("RENTRECOVERY_DMN_PACKAGED_CHECKED_MODELS=" + memo);
        List<EnvVar> overridden = BY_FILE.values().stream().flatMap(List::stream)
                .flatMap(r -> r instanceof Deployment d ? d.getSpec().getTemplate().getSpec().getContainers().stream()
                        : r instanceof Job j ? j.getSpec().getTemplate().getSpec().getContainers().stream() : Stream.empty())
                .flatMap(c -> c.getEnv().stream()).filter(e -> e.getName().equals("RENTRECOVERY_DMN_PACKAGED_CHECKED_MODELS"))
                .toList();
        assertThat(overridden).as("a manifest that moves the memo away from where the image keeps it")
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(memo));
    }

    /** The Dockerfile with each instruction continued over lines ("\\" at the end) on one line. */
    private static String dockerfileJoined() throws IOException {
        return Files.readString(DOCKERFILE).replaceAll("\\\\\n\\s*", " ");
    }

    private static String path(Probe probe) {
        assertThat(probe.getHttpGet()).as("an HTTP probe").isNotNull();
        return probe.getHttpGet().getPath();
    }

    private static <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = BY_FILE.values().stream().flatMap(List::stream).filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as("one " + type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    /** Walks the model's getters and reports every non-empty additionalProperties with where it is. */
    private static void collectUnknown(Object node, String where, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, where + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, where + "." + k, found));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class
                    || getter.getName().equals("getNumericalAmount")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(getter + " could not be read", e);
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (name.equals("additionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(where + ": " + extra.keySet());
                }
            } else {
                collectUnknown(value, where + "." + name, found);
            }
        }
    }
}
