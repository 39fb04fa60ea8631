package dev.monocle.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Guards the Kubernetes manifests in {@code ops/k8s} (SECURITY.md, "Kubernetes Security",
 * "Container Security", "Network Policies"). Every container and init container of every workload
 * runs as non-root on a read-only root filesystem, without privilege escalation or added
 * capabilities and with all capabilities dropped, under the RuntimeDefault seccomp profile, with
 * CPU and memory requests and limits, Monocle's three health probes and an image pinned to a tag.
 * Secrets reach pods only as files, and the Secret templates carry no values. No service account or
 * pod mounts an API token. Everything is in namespace {@code monocle}, which enforces the
 * restricted Pod Security profile. Traffic is denied by default and no rule is open-ended. Each
 * Deployment has an autoscaler and a disruption budget. The Ingress serves TLS. The kustomization
 * lists every file. The same checks run on bad manifests written here, so they can be seen to fail.
 */
class KubernetesManifestsTest {

  private static final Path DIR = Path.of("ops", "k8s");
  private static final String NAMESPACE = "monocle";
  private static final Set<String> WORKLOAD_KINDS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod");
  private static final Set<String> CLUSTER_SCOPED_KINDS =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "IngressClass",
          "MutatingWebhookConfiguration",
          "PersistentVolume",
          "PriorityClass",
          "StorageClass",
          "ValidatingWebhookConfiguration");
  private static final List<Probe> PROBES =
      List.of(
          new Probe("livenessProbe", "/health/live"),
          new Probe("readinessProbe", "/health/ready"),
          new Probe("startupProbe", "/health/started"));

  private static List<Manifest> manifests;

  /** A probe field of a container and the health path it must call. */
  private record Probe(String field, String path) {}

  /** One YAML document of a file under {@code ops/k8s}. */
  record Manifest(String file, Map<String, Object> body) {

    String kind() {
      return Objects.toString(body.get("kind"), "");
    }

    String name() {
      return Objects.toString(at(body, "metadata", "name"), "");
    }

    @Override
    public String toString() {
      return file + " " + kind() + "/" + name();
    }
  }

  @BeforeAll
  static void load() throws IOException {
    manifests = new ArrayList<>();
    for (String file : yamlFiles()) {
      manifests.addAll(parse(file, Files.readString(DIR.resolve(file))));
    }
  }

  @Test
  void everyDocumentIsANamedKubernetesObject() {
    List<String> problems = new ArrayList<>();
    for (Manifest m : objects()) {
      if (at(m.body(), "apiVersion") == null || m.kind().isEmpty() || m.name().isEmpty()) {
        problems.add(m + ": needs apiVersion, kind and metadata.name");
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void everyContainerRunsRestrictedWithLimitsProbesAndAPinnedImage() {
    List<Manifest> workloads =
        objects().stream()
            .filter(m -> WORKLOAD_KINDS.contains(m.kind()) || !podSpecs(m.body()).isEmpty())
            .toList();
    assertFalse(workloads.isEmpty(), "no workload in " + DIR);
    assertNoProblems(workloads.stream().flatMap(w -> workloadProblems(w).stream()).toList());
  }

  @Test
  void everyObjectIsInNamespaceMonocleWhichEnforcesTheRestrictedProfile() {
    String defaultNamespace = Objects.toString(kustomization().get("namespace"), null);
    List<String> problems = new ArrayList<>();
    for (Manifest m : objects()) {
      if (CLUSTER_SCOPED_KINDS.contains(m.kind())) {
        continue;
      }
      String namespace = Objects.toString(at(m.body(), "metadata", "namespace"), defaultNamespace);
      if (!NAMESPACE.equals(namespace)) {
        problems.add(m + ": in namespace " + namespace + ", not " + NAMESPACE);
      }
    }
    assertNoProblems(problems);
    Manifest namespace =
        ofKind("Namespace").stream()
            .filter(m -> m.name().equals(NAMESPACE))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Namespace " + NAMESPACE + " in " + DIR));
    Map<String, Object> labels = mapAt(namespace.body(), "metadata", "labels");
    assertEquals(
        "restricted",
        labels.get("pod-security.kubernetes.io/enforce"),
        namespace + ": Pod Security Admission must enforce the restricted profile");
  }

  @Test
  void noServiceAccountOrPodMountsAnApiToken() {
    List<Manifest> accounts = ofKind("ServiceAccount");
    assertFalse(accounts.isEmpty(), "no ServiceAccount in " + DIR);
    Set<String> names = accounts.stream().map(Manifest::name).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Manifest account : accounts) {
      if (!Boolean.FALSE.equals(account.body().get("automountServiceAccountToken"))) {
        problems.add(account + ": automountServiceAccountToken is not false");
      }
    }
    for (Manifest workload : objects()) {
      for (Map<String, Object> pod : podSpecs(workload.body())) {
        Object account = pod.get("serviceAccountName");
        if (!names.contains(account)) {
          problems.add(workload + ": runs as service account " + account + ", not one of " + names);
        }
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void secretsAreTemplatesWithoutValuesAndPodsMountOnlyThose() {
    List<Manifest> secrets = ofKind("Secret");
    assertFalse(secrets.isEmpty(), "no Secret template in " + DIR);
    List<String> problems = new ArrayList<>();
    secrets.forEach(s -> problems.addAll(secretProblems(s)));
    Set<String> templates = secrets.stream().map(Manifest::name).collect(Collectors.toSet());
    for (Manifest workload : objects()) {
      for (Map<String, Object> pod : podSpecs(workload.body())) {
        for (String secret : secretVolumeNames(pod)) {
          if (!templates.contains(secret)) {
            problems.add(workload + ": mounts Secret " + secret + ", which has no template");
          }
        }
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void trafficIsDeniedByDefaultAndNoRuleIsOpenEnded() {
    List<Manifest> policies = ofKind("NetworkPolicy");
    assertTrue(
        policies.stream().anyMatch(KubernetesManifestsTest::isDefaultDeny),
        "no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)");
    assertNoProblems(policies.stream().flatMap(p -> networkPolicyProblems(p).stream()).toList());
  }

  @Test
  void everyDeploymentHasAnAutoscalerAndADisruptionBudget() {
    List<Manifest> deployments = ofKind("Deployment");
    assertFalse(deployments.isEmpty(), "no Deployment in " + DIR);
    List<String> problems = new ArrayList<>();
    for (Manifest deployment : deployments) {
      boolean scaled =
          ofKind("HorizontalPodAutoscaler").stream().anyMatch(hpa -> scales(hpa, deployment));
      if (!scaled) {
        problems.add(deployment + ": no HorizontalPodAutoscaler with at least 2 replicas");
      }
      Map<String, Object> podLabels =
          mapAt(deployment.body(), "spec", "template", "metadata", "labels");
      boolean budgeted =
          ofKind("PodDisruptionBudget").stream().anyMatch(pdb -> protects(pdb, podLabels));
      if (!budgeted) {
        problems.add(deployment + ": no PodDisruptionBudget selects its pods");
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void theIngressServesTlsForEveryHost() {
    List<Manifest> ingresses = ofKind("Ingress");
    assertFalse(ingresses.isEmpty(), "no Ingress in " + DIR);
    List<String> problems = new ArrayList<>();
    for (Manifest ingress : ingresses) {
      List<Object> tls = listAt(ingress.body(), "spec", "tls");
      Set<Object> tlsHosts = new HashSet<>();
      for (Object entry : tls) {
        if (at(entry, "secretName") == null) {
          problems.add(ingress + ": a tls entry without secretName");
        }
        tlsHosts.addAll(listAt(entry, "hosts"));
      }
      if (tls.isEmpty()) {
        problems.add(ingress + ": no tls");
      }
      for (Object rule : listAt(ingress.body(), "spec", "rules")) {
        if (!tlsHosts.contains(at(rule, "host"))) {
          problems.add(ingress + ": host " + at(rule, "host") + " is not served with TLS");
        }
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void theKustomizationListsEveryFile() throws IOException {
    Map<String, Object> kustomization = kustomization();
    assertEquals(NAMESPACE, kustomization.get("namespace"), "namespace of kustomization.yaml");
    Set<String> listed = new TreeSet<>();
    for (Object resource : listAt(kustomization, "resources")) {
      listed.add(Objects.toString(resource).replaceFirst("^\\./", "").replaceFirst("/$", ""));
    }
    List<String> problems = new ArrayList<>();
    for (String file : yamlFiles()) {
      String parent = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
      if (!file.equals("kustomization.yaml")
          && !listed.contains(file)
          && !listed.contains(parent)) {
        problems.add(file + " is not listed in kustomization.yaml");
      }
    }
    for (String resource : listed) {
      if (!Files.exists(DIR.resolve(resource))) {
        problems.add("kustomization.yaml lists " + resource + ", which does not exist");
      }
    }
    assertNoProblems(problems);
  }

  // The checks above, shown failing on bad manifests.

  @Test
  void aDeploymentBreakingTheRulesIsReportedOnEachCount() {
    String report =
        String.join(
            "\n",
            workloadProblems(
                parse(
                        "bad.yaml",
                        """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: bad
                        spec:
                          template:
                            spec:
                              containers:
                                - name: app
                                  image: registry.example.com/app:latest
                                  env:
                                    - name: DB_PASSWORD
                                      valueFrom:
                                        secretKeyRef:
                                          name: db
                                          key: password
                                  securityContext:
                                    runAsNonRoot: true
                                    allowPrivilegeEscalation: false
                                    capabilities:
                                      drop: [ALL]
                                      add: [NET_ADMIN]
                                    seccompProfile:
                                      type: RuntimeDefault
                                  resources:
                                    requests: {cpu: 100m, memory: 128Mi}
                                    limits: {cpu: 100m}
                                  livenessProbe:
                                    httpGet: {path: /health/live, port: 8443}
                                  readinessProbe:
                                    httpGet: {path: /health/live, port: 8443}
                        """)
                    .get(0)));
    for (String expected :
        List.of(
            "bad.yaml Deployment/bad container app",
            "readOnlyRootFilesystem",
            "capabilities.add",
            "limits.memory",
            "readinessProbe",
            "startupProbe",
            ":latest",
            "secretKeyRef DB_PASSWORD",
            "automountServiceAccountToken")) {
      assertTrue(report.contains(expected), "expected " + expected + " in:\n" + report);
    }
    assertFalse(report.contains("livenessProbe"), report);
    assertFalse(report.contains("runAsNonRoot"), report);
  }

  @Test
  void aCronJobsPodTemplateIsFoundAndChecked() {
    Manifest cronJob =
        parse(
                "job.yaml",
                """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: nightly
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          initContainers:
                            - name: wait
                              image: busybox
                          containers:
                            - name: job
                              image: registry.example.com/job:1.0
                """)
            .get(0);
    String report = String.join("\n", workloadProblems(cronJob));
    assertTrue(report.contains("job.yaml CronJob/nightly container job: runAsNonRoot"), report);
    assertTrue(report.contains("initContainer wait: image busybox"), report);
    assertFalse(report.contains("initContainer wait: no startupProbe"), report);
  }

  @Test
  void aSoundDeploymentPasses() {
    Manifest sound =
        parse(
                "sound.yaml",
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: sound
                spec:
                  template:
                    spec:
                      automountServiceAccountToken: false
                      securityContext:
                        runAsNonRoot: true
                        seccompProfile: {type: RuntimeDefault}
                      containers:
                        - name: app
                          image: registry.example.com/app:1.2.3
                          env:
                            - name: APP_KEY_FILE
                              value: /run/secrets/app/key
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities: {drop: [ALL]}
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {cpu: 200m, memory: 128Mi}
                          startupProbe: {httpGet: {path: /health/started, port: 8443}}
                          livenessProbe: {httpGet: {path: /health/live, port: 8443}}
                          readinessProbe: {httpGet: {path: /health/ready, port: 8443}}
                          volumeMounts:
                            - {name: secrets, mountPath: /run/secrets/app, readOnly: true}
                      volumes:
                        - name: secrets
                          secret: {secretName: app, defaultMode: 0400}
                """)
            .get(0);
    assertEquals(List.of(), workloadProblems(sound));
    assertEquals(Set.of("app"), secretVolumeNames(podSpecs(sound.body()).get(0)));
  }

  @Test
  void openPoliciesSecretValuesAndUnpinnedImagesAreCaught() {
    List<Manifest> bad =
        parse(
            "bad.yaml",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: open}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
              egress:
                - {}
                - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
                  ports: [{port: 443}]
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: leaked}
            stringData: {password: hunter2}
            """);
    assertFalse(isDefaultDeny(bad.get(0)));
    String report = String.join("\n", networkPolicyProblems(bad.get(0)));
    assertTrue(report.contains("egress rule 1 allows every port"), report);
    assertTrue(report.contains("egress rule 1 allows every destination"), report);
    assertTrue(report.contains("egress rule 2 allows every address"), report);
    assertEquals(
        List.of("bad.yaml Secret/leaked: a template must carry no data or stringData"),
        secretProblems(bad.get(1)));
    assertFalse(pinned("registry.example.com/monocle"));
    assertFalse(pinned("registry.example.com:5000/monocle"));
    assertFalse(pinned("monocle:latest"));
    assertTrue(pinned("registry.example.com:5000/monocle:1.0.0"));
    assertTrue(pinned("monocle@sha256:0123456789abcdef"));
  }

  // The checks.

  /** What is wrong with the pod templates of one object. */
  static List<String> workloadProblems(Manifest workload) {
    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> pods = podSpecs(workload.body());
    if (pods.isEmpty()) {
      problems.add(workload + ": no pod template found");
    }
    for (Map<String, Object> pod : pods) {
      problems.addAll(podProblems(workload.toString(), pod));
    }
    return problems;
  }

  private static List<String> podProblems(String where, Map<String, Object> pod) {
    List<String> problems = new ArrayList<>();
    if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
      problems.add(where + ": automountServiceAccountToken is not false on the pod");
    }
    for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (Boolean.TRUE.equals(pod.get(host))) {
        problems.add(where + ": " + host + " is true");
      }
    }
    for (Object volume : listAt(pod, "volumes")) {
      if (at(volume, "hostPath") != null) {
        problems.add(where + ": volume " + at(volume, "name") + " is a hostPath");
      }
    }
    Map<String, Object> podSecurity = mapAt(pod, "securityContext");
    for (Object container : listAt(pod, "containers")) {
      problems.addAll(
          containerProblems(
              where + " container " + at(container, "name"), podSecurity, container, true));
    }
    for (Object container : listAt(pod, "initContainers")) {
      // Kubernetes allows probes only on init containers that keep running (sidecars).
      boolean sidecar = "Always".equals(at(container, "restartPolicy"));
      problems.addAll(
          containerProblems(
              where + " initContainer " + at(container, "name"), podSecurity, container, sidecar));
    }
    return problems;
  }

  private static List<String> containerProblems(
      String where, Map<String, Object> podSecurity, Object container, boolean probed) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> security = mapAt(container, "securityContext");
    if (!Boolean.TRUE.equals(effective(security, podSecurity, "runAsNonRoot"))) {
      problems.add(where + ": runAsNonRoot is not true (pod or container)");
    }
    Object user = effective(security, podSecurity, "runAsUser");
    if (user != null && number(user) == 0) {
      problems.add(where + ": runAsUser is 0");
    }
    if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
      problems.add(where + ": readOnlyRootFilesystem is not true");
    }
    if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
      problems.add(where + ": allowPrivilegeEscalation is not false");
    }
    if (Boolean.TRUE.equals(security.get("privileged"))) {
      problems.add(where + ": privileged is true");
    }
    if (!listAt(security, "capabilities", "drop").contains("ALL")) {
      problems.add(where + ": capabilities.drop does not contain ALL");
    }
    if (!listAt(security, "capabilities", "add").isEmpty()) {
      problems.add(where + ": capabilities.add is not empty");
    }
    Object seccomp =
        security.containsKey("seccompProfile")
            ? at(security, "seccompProfile", "type")
            : at(podSecurity, "seccompProfile", "type");
    if (!"RuntimeDefault".equals(seccomp)) {
      problems.add(where + ": seccompProfile.type is " + seccomp + ", not RuntimeDefault");
    }
    for (String bound : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (Objects.toString(at(container, "resources", bound, resource), "").isBlank()) {
          problems.add(where + ": no resources." + bound + "." + resource);
        }
      }
    }
    if (probed) {
      for (Probe probe : PROBES) {
        Object path = at(container, probe.field(), "httpGet", "path");
        if (!probe.path().equals(path)) {
          problems.add(
              where
                  + ": no "
                  + probe.field()
                  + " with httpGet "
                  + probe.path()
                  + " (has "
                  + path
                  + ")");
        }
      }
    }
    String image = Objects.toString(at(container, "image"), null);
    if (!pinned(image)) {
      problems.add(where + ": image " + image + " is not pinned to a version tag (or is :latest)");
    }
    problems.addAll(secretEnvironmentProblems(where, container));
    return problems;
  }

  /** Secrets reach containers only as files: no secretKeyRef, no secretRef, and *_FILE mounted. */
  private static List<String> secretEnvironmentProblems(String where, Object container) {
    List<String> problems = new ArrayList<>();
    List<String> mounts = new ArrayList<>();
    for (Object mount : listAt(container, "volumeMounts")) {
      mounts.add(Objects.toString(at(mount, "mountPath"), "").replaceFirst("/$", "") + "/");
    }
    for (Object variable : listAt(container, "env")) {
      Object name = at(variable, "name");
      if (at(variable, "valueFrom", "secretKeyRef") != null) {
        problems.add(where + ": env secretKeyRef " + name + " (mount the secret as a file)");
      }
      String value = Objects.toString(at(variable, "value"), null);
      if (Objects.toString(name, "").endsWith("_FILE")
          && value != null
          && mounts.stream().noneMatch(value::startsWith)) {
        problems.add(where + ": " + name + " points at " + value + ", outside every volume mount");
      }
    }
    for (Object source : listAt(container, "envFrom")) {
      if (at(source, "secretRef") != null) {
        problems.add(where + ": envFrom secretRef " + at(source, "secretRef", "name"));
      }
    }
    return problems;
  }

  private static List<String> secretProblems(Manifest secret) {
    return secret.body().containsKey("data") || secret.body().containsKey("stringData")
        ? List.of(secret + ": a template must carry no data or stringData")
        : List.of();
  }

  private static boolean isDefaultDeny(Manifest policy) {
    Map<String, Object> spec = mapAt(policy.body(), "spec");
    List<Object> types = listAt(spec, "policyTypes");
    return spec.get("podSelector") instanceof Map<?, ?> selector
        && mapAt(selector, "matchLabels").isEmpty()
        && listAt(selector, "matchExpressions").isEmpty()
        && types.contains("Ingress")
        && types.contains("Egress")
        && listAt(spec, "ingress").isEmpty()
        && listAt(spec, "egress").isEmpty();
  }

  /**
   * Every ingress rule names its sources and ports; every egress rule its destinations and ports.
   */
  private static List<String> networkPolicyProblems(Manifest policy) {
    List<String> problems = new ArrayList<>();
    for (String direction : List.of("ingress", "egress")) {
      String peers = direction.equals("ingress") ? "from" : "to";
      List<Object> rules = listAt(policy.body(), "spec", direction);
      for (int i = 0; i < rules.size(); i++) {
        String rule = policy + ": " + direction + " rule " + (i + 1);
        if (listAt(rules.get(i), "ports").isEmpty()) {
          problems.add(rule + " allows every port");
        }
        if (listAt(rules.get(i), peers).isEmpty()) {
          problems.add(rule + " allows every " + (peers.equals("from") ? "source" : "destination"));
        }
        for (Object peer : listAt(rules.get(i), peers)) {
          Object cidr = at(peer, "ipBlock", "cidr");
          if ("0.0.0.0/0".equals(cidr) || "::/0".equals(cidr)) {
            problems.add(rule + " allows every address (" + cidr + ")");
          }
        }
      }
    }
    return problems;
  }

  private static boolean scales(Manifest hpa, Manifest deployment) {
    return "Deployment".equals(at(hpa.body(), "spec", "scaleTargetRef", "kind"))
        && deployment.name().equals(at(hpa.body(), "spec", "scaleTargetRef", "name"))
        && number(at(hpa.body(), "spec", "minReplicas")) >= 2;
  }

  private static boolean protects(Manifest pdb, Map<String, Object> podLabels) {
    Map<String, Object> selector = mapAt(pdb.body(), "spec", "selector", "matchLabels");
    return !selector.isEmpty()
        && podLabels.entrySet().containsAll(selector.entrySet())
        && (at(pdb.body(), "spec", "minAvailable") != null
            || at(pdb.body(), "spec", "maxUnavailable") != null);
  }

  /** Whether an image reference has a tag other than latest, or a digest. */
  static boolean pinned(String image) {
    if (image == null || image.isBlank()) {
      return false;
    }
    if (image.contains("@sha256:")) {
      return true;
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    int colon = last.lastIndexOf(':');
    return colon > 0 && colon < last.length() - 1 && !last.substring(colon + 1).equals("latest");
  }

  // Loading and walking the documents.

  private static List<String> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DIR)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> DIR.relativize(file).toString().replace('\\', '/'))
          .filter(file -> file.endsWith(".yaml") || file.endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  private static List<Manifest> parse(String file, String text) {
    List<Manifest> documents = new ArrayList<>();
    try {
      for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
        if (document == null) {
          continue;
        }
        if (!(document instanceof Map<?, ?>)) {
          throw new AssertionError(file + ": a document that is not a mapping");
        }
        documents.add(new Manifest(file, mapAt(document)));
      }
    } catch (YAMLException malformed) {
      throw new AssertionError(file + " is not valid YAML: " + malformed.getMessage(), malformed);
    }
    return documents;
  }

  /** The Kubernetes objects: every document but the kustomization. */
  private static List<Manifest> objects() {
    return manifests.stream().filter(m -> !m.file().equals("kustomization.yaml")).toList();
  }

  private static List<Manifest> ofKind(String kind) {
    return objects().stream().filter(m -> m.kind().equals(kind)).toList();
  }

  private static Map<String, Object> kustomization() {
    return manifests.stream()
        .filter(m -> m.file().equals("kustomization.yaml"))
        .findFirst()
        .map(Manifest::body)
        .orElseThrow(() -> new AssertionError("no kustomization.yaml in " + DIR));
  }

  /** Every pod spec in a document: each mapping that holds a list of containers, at any depth. */
  static List<Map<String, Object>> podSpecs(Object node) {
    List<Map<String, Object>> found = new ArrayList<>();
    if (node instanceof Map<?, ?> map) {
      if (map.get("containers") instanceof List<?>) {
        found.add(mapAt(map));
      } else {
        map.values().forEach(child -> found.addAll(podSpecs(child)));
      }
    } else if (node instanceof List<?> list) {
      list.forEach(child -> found.addAll(podSpecs(child)));
    }
    return found;
  }

  /** The Secrets a pod mounts, through secret volumes or projected ones. */
  static Set<String> secretVolumeNames(Map<String, Object> pod) {
    Set<String> names = new TreeSet<>();
    for (Object volume : listAt(pod, "volumes")) {
      if (at(volume, "secret", "secretName") != null) {
        names.add(Objects.toString(at(volume, "secret", "secretName")));
      }
      for (Object source : listAt(volume, "projected", "sources")) {
        if (at(source, "secret", "name") != null) {
          names.add(Objects.toString(at(source, "secret", "name")));
        }
      }
    }
    return names;
  }

  /** The container's setting, else the pod's. */
  private static Object effective(
      Map<String, Object> container, Map<String, Object> pod, String key) {
    return container.containsKey(key) ? container.get(key) : pod.get(key);
  }

  /** The value at a path of mapping keys, or null where a step is missing. */
  static Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapAt(Object node, String... path) {
    Object value = at(node, path);
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  private static List<Object> listAt(Object node, String... path) {
    List<Object> values = new ArrayList<>();
    if (at(node, path) instanceof List<?> list) {
      values.addAll(list);
    }
    return values;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : -1;
  }

  private static void assertNoProblems(List<String> problems) {
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
  }
}
