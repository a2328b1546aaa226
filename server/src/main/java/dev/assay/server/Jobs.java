package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.Checkpoint;
import dev.assay.engine.ScanProgress;
import dev.assay.engine.ScanSession;
import dev.assay.engine.config.ClassificationJob;
import dev.assay.engine.config.ClassificationJobFiles;
import dev.assay.engine.config.ConfigException;
import dev.assay.engine.config.JobSources;
import dev.assay.engine.report.Finding;
import dev.assay.engine.report.FindingFactory;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.engine.source.s3.S3Access;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs classification jobs on the scan engine, one run at a time, in the order they were started. A
 * run reads the job's buckets (local directories mapped as buckets, else S3), stores each finding
 * (archived when an ARCHIVE filter matches it) and publishes it, and records its progress in the
 * engine's checkpoint under the data directory. A run that a kill interrupted is resumed on the
 * next start from that checkpoint: objects it finished are not read again and their findings, whose
 * ids the checkpoint keeps, are stored once (the store ignores an id it holds).
 *
 * <p>Scheduled jobs are checked every {@link ServerConfig#scheduleTick()} and run on their day
 * (daily, weekly on {@code dayOfWeek}, monthly on {@code dayOfMonth}), once a day at most, in UTC.
 * Thread-safe.
 */
final class Jobs implements AutoCloseable {
  private static final Set<String> REQUEST_MEMBERS =
      Set.of(
          "allowListIds",
          "clientToken",
          "customDataIdentifierIds",
          "description",
          "initialRun",
          "jobType",
          "managedDataIdentifierIds",
          "managedDataIdentifierSelector",
          "name",
          "s3JobDefinition",
          "samplingPercentage",
          "scheduleFrequency");

  private final Store store;
  private final ServerConfig config;
  private final Events events;
  private final ExecutorService runner;
  private final ScheduledExecutorService scheduler;

  /** Jobs asked to stop, and the status they stop in (USER_PAUSED or CANCELLED). */
  private final Map<String, String> stops = new ConcurrentHashMap<>();

  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private volatile MacieApi api;
  private volatile boolean closing;
  private S3Access s3;

  Jobs(Store store, ServerConfig config, Events events) {
    this.store = store;
    this.config = config;
    this.events = events;
    this.runner = Executors.newSingleThreadExecutor(r -> daemon(r, "assay-jobs"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "assay-schedule"));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  void bind(MacieApi api) {
    this.api = api;
  }

  /** Resumes the runs a stop or a kill interrupted, then starts the schedule. */
  void start() {
    for (ObjectNode job : store.resources(MacieApi.JOB)) {
      if ("RUNNING".equals(job.path("jobStatus").asText())) {
        submit(job.get("jobId").asText());
      }
    }
    long tick = Math.max(10, config.scheduleTick().toMillis());
    scheduler.scheduleWithFixedDelay(this::runDueSchedules, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** Queues a run of a job that is RUNNING. */
  void submit(String jobId) {
    if (queued.add(jobId)) {
      runner.execute(
          () -> {
            queued.remove(jobId);
            run(jobId);
          });
    }
  }

  /** Applies an UpdateClassificationJob the API has checked. */
  synchronized void changeStatus(String jobId, String from, String to) {
    ObjectNode job = store.resource(MacieApi.JOB, jobId);
    String now = MacieApi.now();
    if (to.equals("RUNNING")) {
      job.remove("userPausedDetails");
      job.put("jobStatus", "RUNNING");
      store.putResource(
          MacieApi.JOB, jobId, job.get("name").asText(), job.get("createdAt").asText(), job);
      submit(jobId);
      return;
    }
    if (to.equals("USER_PAUSED")) {
      ObjectNode paused = job.putObject("userPausedDetails");
      paused.put("jobPausedAt", now);
      // Macie cancels a job that stays paused for 30 days.
      paused.put("jobExpiresAt", FindingFactory.timestamp(Instant.now().plusSeconds(30L * 86400)));
    }
    job.put("jobStatus", to);
    store.putResource(
        MacieApi.JOB, jobId, job.get("name").asText(), job.get("createdAt").asText(), job);
    if (from.equals("RUNNING")) {
      stops.put(jobId, to);
    }
  }

  /** Stops every run (DisableMacie). */
  void stopAll() {
    for (ObjectNode job : store.resources(MacieApi.JOB)) {
      stops.put(job.get("jobId").asText(), "CANCELLED");
    }
  }

  private void runDueSchedules() {
    try {
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      for (ObjectNode job : store.resources(MacieApi.JOB)) {
        if (!"SCHEDULED".equals(job.path("jobType").asText())
            || !"IDLE".equals(job.path("jobStatus").asText())) {
          continue;
        }
        if (due(job, today)) {
          synchronized (this) {
            ObjectNode fresh = store.resource(MacieApi.JOB, job.get("jobId").asText());
            if ("IDLE".equals(fresh.path("jobStatus").asText())) {
              fresh.put("jobStatus", "RUNNING");
              store.putResource(
                  MacieApi.JOB,
                  fresh.get("jobId").asText(),
                  fresh.get("name").asText(),
                  fresh.get("createdAt").asText(),
                  fresh);
              submit(fresh.get("jobId").asText());
            }
          }
        }
      }
    } catch (RuntimeException e) {
      System.err.println("assay serve: schedule: " + e.getMessage());
    }
  }

  /** Whether a scheduled job's run for {@code today} is due: its day, and no run started today. */
  static boolean due(JsonNode job, LocalDate today) {
    JsonNode schedule = job.path("scheduleFrequency");
    boolean day;
    if (schedule.has("dailySchedule")) {
      day = true;
    } else if (schedule.has("weeklySchedule")) {
      day =
          today.getDayOfWeek()
              == DayOfWeek.valueOf(
                  schedule.path("weeklySchedule").path("dayOfWeek").asText("MONDAY"));
    } else if (schedule.has("monthlySchedule")) {
      day = today.getDayOfMonth() == schedule.path("monthlySchedule").path("dayOfMonth").asInt(1);
    } else {
      day = false;
    }
    if (!day) {
      return false;
    }
    boolean ranBefore =
        job.path("statistics").path("numberOfRuns").asDouble() > 0
            || job.path("initialRun").asBoolean();
    if (!ranBefore) {
      // the first run of a job created without initialRun is the next scheduled day after creation
      Long created = Store.epochMillis(job.path("createdAt").asText(null));
      return created != null
          && Instant.ofEpochMilli(created).atZone(ZoneOffset.UTC).toLocalDate().isBefore(today);
    }
    Long last = Store.epochMillis(job.path("lastRunTime").asText(null));
    return last == null
        || Instant.ofEpochMilli(last).atZone(ZoneOffset.UTC).toLocalDate().isBefore(today);
  }

  private void run(String jobId) {
    if (closing) {
      return;
    }
    ObjectNode job = store.resource(MacieApi.JOB, jobId);
    if (job == null || !"RUNNING".equals(job.path("jobStatus").asText())) {
      return;
    }
    stops.remove(jobId);
    int runNumber = (int) job.path("statistics").path("numberOfRuns").asDouble() + 1;
    String startedAt = startRun(jobId, runNumber, job);
    long[] objects = {0};
    long[] bytes = {0};
    String endStatus;
    boolean error = false;
    try {
      ClassificationJob parsed = parse(job);
      List<DataIdentifier> identifiers = identifiers(parsed, job);
      List<AllowList> allowLists = api.allowLists(MacieApi.strings(job.path("allowListIds")));
      Detector detector = Detector.of(identifiers, allowLists);
      List<String> unreadable = new ArrayList<>();
      List<ObjectSource> sources = changedSince(sources(parsed, unreadable), since(job, runNumber));
      unreadable.forEach(u -> System.err.println("assay serve: job " + jobId + ": bucket " + u));
      Path dir = config.dataDir().resolve("jobs").resolve(jobId);
      Files.createDirectories(dir);
      String fingerprint =
          ScanSession.fingerprint(
              sources, identifiers, detector, "run " + runNumber + " " + startedAt);
      List<ObjectNode> archiving = archiveFilters();
      Results results = results(jobId, runNumber);
      ScanProgress progress = new ScanProgress();
      long[] lastProgress = {System.nanoTime()};
      ScanSession.Builder session =
          ScanSession.builder(detector, sources)
              .jobId(jobId)
              .reportAs(config.accountId(), config.partition(), config.region())
              .checkpoint(dir.resolve("run-" + runNumber + ".checkpoint"), fingerprint)
              .onFinding(f -> store(f, archiving, results))
              .progress(progress)
              .onResult(
                  r -> {
                    objects[0]++;
                    bytes[0] += r.sizeClassified();
                    long now = System.nanoTime();
                    if (now - lastProgress[0] > 500_000_000L) {
                      lastProgress[0] = now;
                      remaining(jobId, progress.totalObjects() - progress.doneObjects());
                    }
                  })
              .stopWhen(() -> closing || stops.containsKey(jobId));
      if (results != null) {
        session.resultsDir(results.local());
      }
      if (config.threads() > 0) {
        session.threads(config.threads());
      }
      ScanSession.Outcome outcome = session.build().run();
      error = !outcome.sourceFailures().isEmpty() || !unreadable.isEmpty();
      if (results != null && results.bucket() != null && !results.mapped()) {
        error |= !upload(jobId, results);
      }
      outcome
          .sourceFailures()
          .forEach(f -> System.err.println("assay serve: job " + jobId + ": " + f));
      if (outcome.stopped()) {
        if (closing && !stops.containsKey(jobId)) {
          endRun(jobId, runNumber, "INTERRUPTED", objects[0], bytes[0]);
          return; // stays RUNNING: resumed on the next start
        }
        endStatus = stops.getOrDefault(jobId, "CANCELLED");
      } else {
        endStatus = "ONE_TIME".equals(job.path("jobType").asText()) ? "COMPLETE" : "IDLE";
      }
    } catch (ConfigException e) {
      System.err.println("assay serve: job " + jobId + ": " + e.getMessage());
      endStatus = "ONE_TIME".equals(job.path("jobType").asText()) ? "COMPLETE" : "IDLE";
      error = true;
    } catch (IOException | Checkpoint.MismatchException | RuntimeException e) {
      System.err.println("assay serve: job " + jobId + ": " + e.getMessage());
      endStatus = "ONE_TIME".equals(job.path("jobType").asText()) ? "COMPLETE" : "IDLE";
      error = true;
    }
    endRun(jobId, runNumber, endStatus, objects[0], bytes[0]);
    synchronized (this) {
      ObjectNode fresh = store.resource(MacieApi.JOB, jobId);
      if (fresh == null) {
        return;
      }
      String current = fresh.path("jobStatus").asText();
      // A pause or cancel that came in while the run ended keeps its status.
      if (current.equals("RUNNING")) {
        fresh.put("jobStatus", endStatus);
      }
      if (!endStatus.equals("USER_PAUSED")) {
        ObjectNode stats =
            fresh.get("statistics") instanceof ObjectNode o ? o : fresh.putObject("statistics");
        stats.put("numberOfRuns", (double) runNumber);
        stats.put("approximateNumberOfObjectsToProcess", 0.0);
      }
      fresh.putObject("lastRunErrorStatus").put("code", error ? "ERROR" : "NONE");
      store.putResource(
          MacieApi.JOB, jobId, fresh.get("name").asText(), fresh.get("createdAt").asText(), fresh);
    }
    stops.remove(jobId);
  }

  /**
   * The time before which objects are left out of a scheduled run (CreateClassificationJob's rules:
   * a run after the first takes the objects created or changed since the previous run started; a
   * first run without {@code initialRun} those since the job was created), or null for every
   * object.
   */
  private Instant since(ObjectNode job, int runNumber) {
    if (!"SCHEDULED".equals(job.path("jobType").asText())) {
      return null;
    }
    if (runNumber == 1) {
      if (job.path("initialRun").asBoolean()) {
        return null;
      }
      Long created = Store.epochMillis(job.path("createdAt").asText(null));
      return created == null ? null : Instant.ofEpochMilli(created);
    }
    String[] previous = {null};
    store.query(
        "SELECT started_at FROM job_runs WHERE job_id = ? AND run = ?",
        List.of(job.get("jobId").asText(), runNumber - 1),
        rs -> {
          previous[0] = rs.getString(1);
          return false;
        });
    Long started = Store.epochMillis(previous[0]);
    return started == null ? null : Instant.ofEpochMilli(started);
  }

  /** The sources with only the objects modified after {@code since} (all when it is null). */
  private static List<ObjectSource> changedSince(List<ObjectSource> sources, Instant since) {
    if (since == null) {
      return sources;
    }
    List<ObjectSource> out = new ArrayList<>();
    for (ObjectSource source : sources) {
      out.add(
          new ObjectSource() {
            @Override
            public String describe() {
              return source.describe() + " changed since " + since;
            }

            @Override
            public void enumerate(Consumer<ScanObject> sink) throws IOException {
              source.enumerate(
                  o -> {
                    if (o.lastModified() == null || o.lastModified().isAfter(since)) {
                      sink.accept(o);
                    }
                  });
            }
          });
    }
    return out;
  }

  /** Updates a running job's {@code statistics.approximateNumberOfObjectsToProcess}. */
  private synchronized void remaining(String jobId, long objects) {
    ObjectNode job = store.resource(MacieApi.JOB, jobId);
    if (job != null
        && "RUNNING".equals(job.path("jobStatus").asText())
        && job.get("statistics") instanceof ObjectNode stats) {
      stats.put("approximateNumberOfObjectsToProcess", (double) Math.max(0, objects));
      store.putResource(
          MacieApi.JOB, jobId, job.get("name").asText(), job.get("createdAt").asText(), job);
    }
  }

  /** Records the run's start (once: a resumed run keeps its row) and the job's lastRunTime. */
  private synchronized String startRun(String jobId, int run, ObjectNode job) {
    String[] started = {null};
    store.query(
        "SELECT started_at FROM job_runs WHERE job_id = ? AND run = ?",
        List.of(jobId, run),
        rs -> {
          started[0] = rs.getString(1);
          return false;
        });
    if (started[0] == null) {
      started[0] = MacieApi.now();
      String s = started[0];
      store.transaction(
          () ->
              store.update(
                  "INSERT INTO job_runs (job_id, run, started_at, status) VALUES (?, ?, ?, 'RUNNING')",
                  jobId,
                  run,
                  s));
      job.put("lastRunTime", s);
      store.putResource(
          MacieApi.JOB, jobId, job.get("name").asText(), job.get("createdAt").asText(), job);
    }
    return started[0];
  }

  private void endRun(String jobId, int run, String status, long objects, long bytes) {
    store.transaction(
        () ->
            store.update(
                "UPDATE job_runs SET ended_at = ?, status = ?, objects = objects + ?, bytes = bytes + ? WHERE job_id = ? AND run = ?",
                MacieApi.now(),
                status,
                objects,
                bytes,
                jobId,
                run));
  }

  /**
   * Stores a finding, archived when an ARCHIVE filter matches it; publishes it when new and not
   * archived.
   */
  private void store(Finding finding, List<ObjectNode> archiving, Results results) {
    ObjectNode json = FindingWriter.JSON.valueToTree(finding);
    if (results != null && json.get("classificationDetails") instanceof ObjectNode details) {
      details.put(
          "detailedResultsLocation",
          results.s3Location(details.path("detailedResultsLocation").asText()));
    }
    for (ObjectNode filter : archiving) {
      if (FindingCriteria.parse(filter.get("findingCriteria"), "findingCriteria").matches(json)) {
        json.put("archived", true);
        break;
      }
    }
    if (store.insertFinding(json) && !json.path("archived").asBoolean()) {
      events.publish(finding, json);
    }
  }

  /** The ARCHIVE filters, in their order of application ({@code position}). */
  private List<ObjectNode> archiveFilters() {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode f : store.resources(MacieApi.FILTER)) {
      if ("ARCHIVE".equals(f.path("action").asText())) {
        out.add(f);
      }
    }
    out.sort(Comparator.comparingInt(f -> f.path("position").asInt()));
    return out;
  }

  /** The job as the engine reads a CreateClassificationJob body. */
  private static ClassificationJob parse(ObjectNode job) throws ConfigException {
    ObjectNode body = Store.JSON.createObjectNode();
    for (String m : REQUEST_MEMBERS) {
      if (job.hasNonNull(m)) {
        body.set(m, job.get(m));
      }
    }
    if (!"SCHEDULED".equals(job.path("jobType").asText())) {
      body.remove("initialRun");
    }
    return ClassificationJobFiles.parse("job " + job.get("jobId").asText(), body);
  }

  /** The managed identifiers the job's selector picks, then its custom ones. */
  private List<DataIdentifier> identifiers(ClassificationJob parsed, ObjectNode job) {
    String selector =
        parsed.managedDataIdentifierSelector() == null
            ? "RECOMMENDED"
            : parsed.managedDataIdentifierSelector();
    Set<String> ids = new HashSet<>(parsed.managedDataIdentifierIds());
    List<ManagedDataIdentifier> managed =
        switch (selector) {
          case "ALL" -> ManagedCatalog.all();
          case "NONE" -> List.of();
          case "INCLUDE" ->
              ManagedCatalog.all().stream().filter(m -> ids.contains(m.id())).toList();
          case "EXCLUDE" ->
              ManagedCatalog.all().stream().filter(m -> !ids.contains(m.id())).toList();
          default -> ManagedCatalog.recommended();
        };
    List<DataIdentifier> out = new ArrayList<>(managed);
    out.addAll(api.customIdentifiers(MacieApi.strings(job.path("customDataIdentifierIds"))));
    return out;
  }

  /**
   * The job's buckets: those mapped to local directories are read there, the others in S3. With
   * bucket criteria, the mapped buckets and (when S3 answers) the caller's buckets are selected.
   */
  private List<ObjectSource> sources(ClassificationJob job, List<String> unreadable)
      throws ConfigException, IOException {
    List<ObjectSource> out = new ArrayList<>();
    List<String> buckets;
    if (job.bucketCriteria() == null) {
      buckets = job.definedBuckets();
    } else {
      buckets = new ArrayList<>();
      for (String b : config.buckets().keySet().stream().sorted().toList()) {
        if (job.bucketCriteria().matches(b, config.accountId(), Optional.of(List.of()))) {
          buckets.add(b);
        }
      }
      if (config.buckets().isEmpty()) {
        for (String b : s3().listBuckets()) {
          if (job.bucketCriteria()
              .matches(
                  b,
                  config.accountId(),
                  job.bucketCriteria().needsTags() ? s3().bucketTags(b) : Optional.of(List.of()))) {
            buckets.add(b);
          }
        }
      }
    }
    for (String b : buckets) {
      Path local = config.buckets().get(b);
      try {
        out.add(
            local != null ? JobSources.localRoot(job, local, b) : s3().bucket(b, "", job.scope()));
      } catch (IOException e) {
        // One bucket that cannot be read does not stop the others; the run ends with ERROR.
        unreadable.add(b + ": " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * Where a run's discovery results go (Macie's sensitive data discovery results): written to
   * {@code local}, and reported as under {@code s3://bucket/prefix}.
   *
   * @param mapped whether the bucket is a directory mapped with --bucket ({@code local} is in it);
   *     otherwise {@code local} is under the data directory and is uploaded after the run
   */
  record Results(Path local, String bucket, String prefix, boolean mapped) {
    /**
     * A finding's location (a local path below {@code local}) as the S3 URI it has in the bucket.
     */
    String s3Location(String localPath) {
      String root = local.toAbsolutePath().toString();
      if (!localPath.startsWith(root)) {
        return localPath;
      }
      String relative = localPath.substring(root.length()).replace(File.separatorChar, '/');
      return "s3://"
          + bucket
          + "/"
          + prefix
          + (relative.startsWith("/") ? relative.substring(1) : relative);
    }
  }

  /** The export configuration's destination for a run, or null when there is none. */
  private Results results(String jobId, int run) {
    ObjectNode export = store.setting(MacieApi.EXPORT);
    if (export == null) {
      return null;
    }
    JsonNode dest = export.path("configuration").path("s3Destination");
    String bucket = dest.path("bucketName").asText();
    String prefix = dest.path("keyPrefix").asText("");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    Path mapped = config.buckets().get(bucket);
    if (mapped != null) {
      return new Results(prefix.isEmpty() ? mapped : mapped.resolve(prefix), bucket, prefix, true);
    }
    return new Results(
        config.dataDir().resolve("results").resolve(jobId).resolve("run-" + run),
        bucket,
        prefix,
        false);
  }

  /** Uploads a run's discovery results to the export bucket; whether all went up. */
  private boolean upload(String jobId, Results results) {
    try (var files = Files.walk(results.local())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative =
            results.local().relativize(file).toString().replace(File.separatorChar, '/');
        s3().put(results.bucket(), results.prefix() + relative, file);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      System.err.println(
          "assay serve: job " + jobId + ": discovery results not exported: " + e.getMessage());
      return false;
    }
  }

  /**
   * An allow list's words list: from a mapped bucket, else from S3; null when it cannot be read.
   */
  List<String> readWordsList(String bucket, String key) {
    Path local = config.buckets().get(bucket);
    if (local != null) {
      Path file = local.resolve(key).normalize();
      if (!file.startsWith(local.normalize())) {
        return null;
      }
      try {
        return Files.readAllLines(file);
      } catch (IOException e) {
        return null;
      }
    }
    try {
      return s3().readLines(bucket, key);
    } catch (RuntimeException e) {
      return null;
    }
  }

  synchronized S3Access s3() {
    if (s3 == null) {
      s3 = S3Access.connect(config.s3());
    }
    return s3;
  }

  /**
   * Stops the schedule and lets a running run stop at an object boundary; it resumes on the next
   * start.
   */
  @Override
  public void close() {
    closing = true;
    scheduler.shutdownNow();
    runner.shutdown();
    try {
      runner.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    events.close();
    synchronized (this) {
      if (s3 != null) {
        s3.close();
      }
    }
  }
}
