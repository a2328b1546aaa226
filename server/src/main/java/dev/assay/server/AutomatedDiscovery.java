package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.discovery.Discovery;
import dev.assay.engine.report.Finding;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ObjectScope;
import dev.assay.engine.source.ObjectSource;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Automated sensitive data discovery in the server. While the discovery configuration's status is
 * ENABLED, a cycle runs every {@link ServerConfig#discoveryInterval()} (Macie runs one a day): it
 * samples each bucket the classification scope does not exclude, classifies the sample with the
 * sensitivity inspection template's identifiers and allow lists, stores each finding (origin {@code
 * AUTOMATED_SENSITIVE_DATA_DISCOVERY}) and updates the bucket's profile.
 *
 * <p>What was analysed lives in the engine's {@link Discovery} state under {@code
 * dataDir/discovery}; a bucket's suppressed types, score override and last cycle live in the store
 * ({@link #PROFILE} resources), so both survive a restart. Thread-safe; one cycle at a time.
 */
final class AutomatedDiscovery implements AutoCloseable {
  static final String PROFILE = "resource-profile";
  static final String TEMPLATE = "sensitivity-inspection-template";
  static final String SCOPE = "classification-scope";

  /** The name Macie gives the one template and the one scope of an account. */
  static final String DEFAULT_NAME = "automated-sensitive-data-discovery";

  private static final String CYCLE = "automated-discovery-cycle";

  /** Objects sampled per bucket and cycle. */
  static final int OBJECTS_PER_BUCKET = 100;

  private final Store store;
  private final ServerConfig config;
  private final Jobs jobs;
  private final Events events;
  private final ScheduledExecutorService scheduler;
  private volatile MacieApi api;

  AutomatedDiscovery(Store store, ServerConfig config, Jobs jobs, Events events) {
    this.store = store;
    this.config = config;
    this.jobs = jobs;
    this.events = events;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "assay-discovery");
              t.setDaemon(true);
              return t;
            });
  }

  void bind(MacieApi api) {
    this.api = api;
  }

  /**
   * Starts checking, at the schedule tick or the interval if that is shorter, whether a cycle is
   * due.
   */
  void start() {
    long tick =
        Math.max(
            10, Math.min(config.scheduleTick().toMillis(), config.discoveryInterval().toMillis()));
    scheduler.scheduleWithFixedDelay(this::runIfDue, tick, tick, TimeUnit.MILLISECONDS);
  }

  Path stateDir() {
    return config.dataDir().resolve("discovery");
  }

  private void runIfDue() {
    try {
      ObjectNode configuration = store.setting(MacieApi.DISCOVERY);
      if (store.setting(MacieApi.SESSION) == null
          || configuration == null
          || !"ENABLED".equals(configuration.path("status").asText())) {
        return;
      }
      ObjectNode last = store.setting(CYCLE);
      Long started = last == null ? null : Store.epochMillis(last.path("startedAt").asText(null));
      if (started != null
          && Instant.now().toEpochMilli() - started < config.discoveryInterval().toMillis()) {
        return;
      }
      cycle();
    } catch (RuntimeException e) {
      System.err.println("assay serve: automated discovery: " + e.getMessage());
    }
  }

  /**
   * Runs one cycle over every monitored bucket; a bucket that cannot be read does not stop the
   * others.
   */
  synchronized void cycle() {
    String startedAt = MacieApi.now();
    store.putSetting(CYCLE, MacieApi.object().put("startedAt", startedAt));
    List<DataIdentifier> identifiers = new ArrayList<>();
    List<AllowList> allowLists;
    ObjectNode template = template();
    identifiers.addAll(managed(template));
    identifiers.addAll(
        api.customIdentifiers(MacieApi.strings(template.at("/includes/customDataIdentifierIds"))));
    allowLists = api.allowLists(MacieApi.strings(template.at("/includes/allowListIds")));
    Detector detector = Detector.of(identifiers, allowLists);
    Discovery discovery =
        new Discovery(detector, stateDir(), OBJECTS_PER_BUCKET, config.threads())
            .reportAs(config.accountId(), config.partition(), config.region())
            .onFinding(this::store);
    Set<String> excluded = excludedBuckets();
    for (String bucket : buckets()) {
      if (excluded.contains(bucket)) {
        continue;
      }
      ObjectNode profile = profile(bucket);
      try {
        discovery.run(bucket, source(bucket));
        profile.remove("errorCode");
        profile.remove("errorMessage");
      } catch (IOException | RuntimeException e) {
        // An unreadable bucket is reported on its profile; the others are still analysed.
        profile.put("errorCode", "ACCESS_DENIED");
        profile.put("errorMessage", String.valueOf(e.getMessage()));
        System.err.println(
            "assay serve: automated discovery: bucket " + bucket + ": " + e.getMessage());
      }
      profile.put("lastAutomatedDiscoveryTime", startedAt);
      profile.put("profileUpdatedAt", MacieApi.now());
      putProfile(bucket, profile);
    }
    store.putSetting(
        CYCLE, MacieApi.object().put("startedAt", startedAt).put("endedAt", MacieApi.now()));
  }

  /**
   * The managed identifiers of the template: Macie's default set for automated discovery (the same
   * ids as the RECOMMENDED set of jobs) with the template's excludes taken out and its includes
   * added.
   */
  private static List<ManagedDataIdentifier> managed(ObjectNode template) {
    Set<String> excludes =
        new HashSet<>(MacieApi.strings(template.at("/excludes/managedDataIdentifierIds")));
    Set<String> includes =
        new HashSet<>(MacieApi.strings(template.at("/includes/managedDataIdentifierIds")));
    Set<String> defaults = new HashSet<>();
    ManagedCatalog.recommended().forEach(m -> defaults.add(m.id()));
    List<ManagedDataIdentifier> out = new ArrayList<>();
    for (ManagedDataIdentifier m : ManagedCatalog.all()) {
      if ((defaults.contains(m.id()) && !excludes.contains(m.id())) || includes.contains(m.id())) {
        out.add(m);
      }
    }
    return out;
  }

  private void store(Finding finding) {
    ObjectNode json = FindingWriter.JSON.valueToTree(finding);
    if (json.get("classificationDetails") instanceof ObjectNode details) {
      details.put("originType", "AUTOMATED_SENSITIVE_DATA_DISCOVERY");
      details.remove("jobArn");
      details.remove("jobId");
    }
    if (store.insertFinding(json)) {
      events.publish(finding, json);
    }
  }

  /**
   * The buckets discovery knows: the mapped ones or, when none are mapped, the caller's buckets in
   * S3.
   */
  List<String> buckets() {
    if (!config.buckets().isEmpty()) {
      return new ArrayList<>(new TreeSet<>(config.buckets().keySet()));
    }
    try {
      return jobs.s3().listBuckets().stream().sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private ObjectSource source(String bucket) throws IOException {
    Path local = config.buckets().get(bucket);
    return local != null
        ? LocalSource.of(local, bucket)
        : jobs.s3().bucket(bucket, "", ObjectScope.ALL);
  }

  /** A bucket's stored profile settings (suppressions, override, last cycle), or a new one. */
  ObjectNode profile(String bucket) {
    ObjectNode p = store.resource(PROFILE, bucket);
    return p != null ? p : MacieApi.object().put("bucketName", bucket);
  }

  void putProfile(String bucket, ObjectNode profile) {
    store.putResource(
        PROFILE, bucket, bucket, profile.path("profileUpdatedAt").asText(MacieApi.now()), profile);
  }

  /** The sensitive data types (managed ids, custom identifier names) suppressed for a bucket. */
  Set<String> suppressedTypes(ObjectNode profile) {
    Set<String> out = new HashSet<>();
    for (JsonNode s : profile.path("suppressDataIdentifiers")) {
      String id = s.path("id").asText();
      if ("CUSTOM".equals(s.path("type").asText())) {
        ObjectNode cdi = store.resource(MacieApi.CDI, id);
        if (cdi != null) {
          out.add(cdi.path("name").asText());
        }
      } else {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * What discovery knows of a bucket with its suppressed types left out, or empty before its first
   * analysis.
   */
  Optional<Discovery.BucketReport> report(String bucket, ObjectNode profile) {
    return report(bucket, suppressedTypes(profile));
  }

  Optional<Discovery.BucketReport> report(String bucket, Set<String> suppressed) {
    try {
      return Discovery.report(stateDir(), bucket, suppressed);
    } catch (IOException e) {
      throw ApiException.internal("discovery state of " + bucket + ": " + e.getMessage());
    }
  }

  List<Discovery.AnalysedObject> objects(String bucket) {
    try {
      return Discovery.objects(stateDir(), bucket);
    } catch (IOException e) {
      throw ApiException.internal("discovery state of " + bucket + ": " + e.getMessage());
    }
  }

  /** The account's sensitivity inspection template, made on first use. */
  ObjectNode template() {
    String id = api.discoveryConfiguration().path("sensitivityInspectionTemplateId").asText();
    ObjectNode t = store.resource(TEMPLATE, id);
    if (t == null) {
      t = MacieApi.object();
      t.put("sensitivityInspectionTemplateId", id);
      t.put("name", DEFAULT_NAME);
      t.put("description", "");
      t.putObject("excludes").putArray("managedDataIdentifierIds");
      ObjectNode includes = t.putObject("includes");
      includes.putArray("allowListIds");
      includes.putArray("customDataIdentifierIds");
      includes.putArray("managedDataIdentifierIds");
      store.putResource(TEMPLATE, id, DEFAULT_NAME, MacieApi.now(), t);
    }
    return t;
  }

  /** The account's classification scope, made on first use. */
  ObjectNode scope() {
    String id = api.discoveryConfiguration().path("classificationScopeId").asText();
    ObjectNode s = store.resource(SCOPE, id);
    if (s == null) {
      s = MacieApi.object();
      s.put("id", id);
      s.put("name", DEFAULT_NAME);
      s.putObject("s3").putObject("excludes").putArray("bucketNames");
      store.putResource(SCOPE, id, DEFAULT_NAME, MacieApi.now(), s);
    }
    return s;
  }

  Set<String> excludedBuckets() {
    return new HashSet<>(MacieApi.strings(scope().at("/s3/excludes/bucketNames")));
  }

  /** Deletes what discovery analysed (DisableMacie). */
  synchronized void reset() {
    Path dir = stateDir();
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("assay serve: cannot delete " + dir + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
