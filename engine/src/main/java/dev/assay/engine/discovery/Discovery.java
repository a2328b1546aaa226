package dev.assay.engine.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.Checkpoint;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.ScanSession;
import dev.assay.engine.report.Finding;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.detect.Detector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Automated sensitive data discovery over buckets: each run analyses a sample of every bucket's
 * objects that were not analysed before (or changed since), spread across prefixes, extensions and
 * sizes, and scores each bucket from everything analysed so far ({@link SensitivityScore}).
 *
 * <p>What was analysed is kept in a state directory, one JSON file per bucket plus the seed that
 * makes the sample deterministic for that directory; a later run continues the sample, as Macie's
 * daily runs do, and objects deleted since drop out of the profile. Not thread-safe: one run at a
 * time per state directory.
 */
public final class Discovery {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Extensions of files Macie cannot analyse (images, audio, video, executables, disk images). */
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "ico", "mp3", "wav",
          "flac", "aac", "ogg", "mp4", "mov", "avi", "mkv", "wmv", "exe", "dll", "so", "dylib",
          "class", "iso", "img", "dmg", "bin", "o", "a");

  private final Detector detector;
  private final Path stateDir;
  private final int perBucket;
  private final int threads;
  private Consumer<Finding> findings = f -> {};
  private String[] account;

  /**
   * @param perBucket objects analysed per bucket and run, at most
   * @param threads worker threads, 0 for the available processors
   */
  public Discovery(Detector detector, Path stateDir, int perBucket, int threads) {
    if (perBucket < 1) {
      throw new IllegalArgumentException("perBucket must be at least 1");
    }
    this.detector = Objects.requireNonNull(detector);
    this.stateDir = Objects.requireNonNull(stateDir);
    this.perBucket = perBucket;
    this.threads = threads;
  }

  /**
   * One bucket's standing after a run.
   *
   * @param objects objects discovery can analyse; {@code bytes} their size
   * @param analysedObjects objects analysed so far (this run and before); {@code analysedBytes}
   *     their size
   * @param runObjects objects analysed by the latest run; {@code runBytes} the bytes read for them
   * @param objectsWithSensitiveData analysed objects holding a sensitive data type that is not
   *     suppressed
   * @param occurrences occurrences by sensitive data type (managed identifier id, or custom
   *     identifier name) over everything analysed, suppressed types left out
   * @param totalObjects every object in the bucket, those discovery cannot analyse included; {@code
   *     totalBytes} their size
   * @param suppressedOccurrences occurrences of the suppressed types
   */
  public record BucketReport(
      String bucket,
      SensitivityScore score,
      long objects,
      long bytes,
      long analysedObjects,
      long analysedBytes,
      long runObjects,
      long runBytes,
      long objectsWithSensitiveData,
      long failedObjects,
      Map<String, Long> occurrences,
      long totalObjects,
      long totalBytes,
      long suppressedOccurrences) {}

  /**
   * What discovery holds for one object.
   *
   * @param status {@code ANALYSED}, {@code FAILED} (could not be read or parsed) or {@code
   *     UNSUPPORTED} (a format discovery cannot analyse, found out by reading it)
   * @param occurrences occurrences by sensitive data type
   */
  public record AnalysedObject(
      String key, long size, String status, Map<String, Long> occurrences) {
    public AnalysedObject {
      occurrences = Map.copyOf(occurrences);
    }
  }

  /** Sends each finding of later runs to {@code sink} as well; returns this. */
  public Discovery onFinding(Consumer<Finding> sink) {
    this.findings = Objects.requireNonNull(sink);
    return this;
  }

  /** Reports findings as in this account, partition and region; returns this. */
  public Discovery reportAs(String accountId, String partition, String region) {
    this.account = new String[] {accountId, partition, region};
    return this;
  }

  /**
   * Runs discovery on each bucket (its name and its objects) and reports them in the order given.
   */
  public List<BucketReport> run(Map<String, ObjectSource> buckets) throws IOException {
    List<BucketReport> out = new ArrayList<>();
    for (Map.Entry<String, ObjectSource> b : buckets.entrySet()) {
      out.add(run(b.getKey(), b.getValue()));
    }
    return out;
  }

  /**
   * Runs discovery on one bucket.
   *
   * @throws IOException when the bucket cannot be listed; its state is then left as it was
   */
  public BucketReport run(String bucket, ObjectSource source) throws IOException {
    Files.createDirectories(stateDir);
    return runBucket(bucket, source, seed());
  }

  /**
   * A bucket's standing from what the state directory holds, with the {@code suppressed} sensitive
   * data types left out of its score (Macie lets users exclude a type from a bucket's score), or
   * empty when discovery never ran on it.
   */
  public static Optional<BucketReport> report(Path stateDir, String bucket, Set<String> suppressed)
      throws IOException {
    Path stateFile = stateDir.resolve(fileNameOf(bucket));
    if (!Files.exists(stateFile)) {
      return Optional.empty();
    }
    ObjectNode state = (ObjectNode) JSON.readTree(stateFile.toFile());
    return Optional.of(report(bucket, state, suppressed));
  }

  /** The objects discovery holds for a bucket, by key; empty when it never ran on it. */
  public static List<AnalysedObject> objects(Path stateDir, String bucket) throws IOException {
    Path stateFile = stateDir.resolve(fileNameOf(bucket));
    if (!Files.exists(stateFile)) {
      return List.of();
    }
    List<AnalysedObject> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it =
            JSON.readTree(stateFile.toFile()).path("objects").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Map<String, Long> types = new TreeMap<>();
      e.getValue()
          .path("types")
          .properties()
          .forEach(t -> types.put(t.getKey(), t.getValue().asLong()));
      out.add(
          new AnalysedObject(
              e.getKey(),
              e.getValue().path("size").asLong(),
              e.getValue().path("status").asText(),
              types));
    }
    out.sort(Comparator.comparing(AnalysedObject::key));
    return out;
  }

  /**
   * Whether discovery would pick the object: readable, not empty, and not of a format Macie cannot
   * analyse by its extension (images, audio, video, executables, disk images).
   */
  public static boolean canAnalyse(ScanObject o) {
    return o.unavailable() == null && o.size() > 0 && !UNSUPPORTED.contains(extensionOf(o.key()));
  }

  /** The sample's seed, made once per state directory. */
  private long seed() throws IOException {
    Path file = stateDir.resolve("discovery.json");
    if (Files.exists(file)) {
      return JSON.readTree(file.toFile()).path("seed").asLong();
    }
    long seed = ThreadLocalRandom.current().nextLong();
    write(file, JSON.createObjectNode().put("seed", seed));
    return seed;
  }

  private BucketReport runBucket(String bucket, ObjectSource source, long seed) throws IOException {
    List<ScanObject> eligible = new ArrayList<>();
    long[] total = new long[2];
    source.enumerate(
        o -> {
          total[0]++;
          total[1] += Math.max(0, o.size());
          if (canAnalyse(o)) {
            eligible.add(o);
          }
        });
    Path stateFile = stateDir.resolve(fileNameOf(bucket));
    ObjectNode state =
        Files.exists(stateFile)
            ? (ObjectNode) JSON.readTree(stateFile.toFile())
            : JSON.createObjectNode();
    ObjectNode known = child(state, "objects");
    // Objects deleted since are dropped; changed ones are analysed again.
    Set<String> present = new HashSet<>();
    eligible.forEach(o -> present.add(o.key()));
    for (Iterator<String> it = known.fieldNames(); it.hasNext(); ) {
      if (!present.contains(it.next())) {
        it.remove();
      }
    }
    List<ScanObject> candidates = new ArrayList<>();
    for (ScanObject o : eligible) {
      JsonNode k = known.get(o.key());
      if (k == null
          || k.path("size").asLong() != o.size()
          || !Objects.equals(
              k.path("lastModified").asText(null), String.valueOf(o.lastModified()))) {
        known.remove(o.key());
        candidates.add(o);
      }
    }
    List<ScanObject> sample = sample(candidates, perBucket, seed);
    long[] run = new long[2];
    if (!sample.isEmpty()) {
      ScanSession.Builder session =
          ScanSession.builder(detector, List.of(new Listed(source.describe(), sample)))
              .onResult(r -> record(known, r, run))
              .onFinding(
                  f -> {
                    recordFinding(known, f);
                    findings.accept(f);
                  });
      if (account != null) {
        session.reportAs(account[0], account[1], account[2]);
      }
      if (threads > 0) {
        session.threads(threads);
      }
      try {
        session.build().run();
      } catch (Checkpoint.MismatchException e) {
        throw new IllegalStateException(e); // no checkpoint is used
      }
    }
    long objects = 0;
    long bytes = 0;
    for (ScanObject o : eligible) {
      JsonNode k = known.get(o.key());
      if (k != null && "UNSUPPORTED".equals(k.path("status").asText())) {
        continue; // found out only by reading it: not counted as analysable
      }
      objects++;
      bytes += o.size();
    }
    ObjectNode inventory = state.putObject("inventory");
    inventory
        .put("objects", objects)
        .put("bytes", bytes)
        .put("totalObjects", total[0])
        .put("totalBytes", total[1]);
    inventory.put("runObjects", run[0]).put("runBytes", run[1]);
    write(stateFile, state);
    return report(bucket, state, Set.of());
  }

  private static void record(ObjectNode known, ObjectResult r, long[] run) {
    ObjectNode entry = known.putObject(r.object().key());
    entry.put("size", r.object().size());
    entry.put("lastModified", String.valueOf(r.object().lastModified()));
    String status;
    if ("SKIPPED".equals(r.statusCode())
        && "UNSUPPORTED_FILE_TYPE_EXCEPTION".equals(r.statusReason())) {
      status = "UNSUPPORTED";
    } else if ("SKIPPED".equals(r.statusCode())) {
      status = "FAILED";
    } else {
      status = "ANALYSED";
      run[0]++;
      run[1] += r.sizeClassified();
    }
    entry.put("status", status);
    entry.putObject("types");
  }

  private static void recordFinding(ObjectNode known, Finding f) {
    JsonNode finding = JSON.valueToTree(f);
    ObjectNode types = child(child(known, f.resourcesAffected().s3Object().key()), "types");
    for (JsonNode item : finding.at("/classificationDetails/result/sensitiveData")) {
      for (JsonNode d : item.path("detections")) {
        types.put(
            d.path("type").asText(),
            types.path(d.path("type").asText()).asLong() + d.path("count").asLong());
      }
    }
    for (JsonNode d :
        finding.at("/classificationDetails/result/customDataIdentifiers/detections")) {
      types.put(
          d.path("name").asText(),
          types.path(d.path("name").asText()).asLong() + d.path("count").asLong());
    }
  }

  private static BucketReport report(String bucket, ObjectNode state, Set<String> suppressed) {
    JsonNode inventory = state.path("inventory");
    long objects = inventory.path("objects").asLong();
    long analysed = 0;
    long analysedBytes = 0;
    long failed = 0;
    long sensitive = 0;
    long suppressedOccurrences = 0;
    Map<String, Long> occurrences = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = state.path("objects").properties().iterator();
        it.hasNext(); ) {
      JsonNode k = it.next().getValue();
      switch (k.path("status").asText()) {
        case "ANALYSED" -> {
          analysed++;
          analysedBytes += k.path("size").asLong();
          boolean any = false;
          for (Iterator<Map.Entry<String, JsonNode>> t = k.path("types").properties().iterator();
              t.hasNext(); ) {
            Map.Entry<String, JsonNode> type = t.next();
            if (suppressed.contains(type.getKey())) {
              suppressedOccurrences += type.getValue().asLong();
            } else {
              any = true;
              occurrences.merge(type.getKey(), type.getValue().asLong(), Long::sum);
            }
          }
          if (any) {
            sensitive++;
          }
        }
        case "FAILED" -> failed++;
        default -> {}
      }
    }
    SensitivityScore score =
        SensitivityScore.of(
            new SensitivityScore.Profile(
                objects - failed, analysed, failed, sensitive, occurrences, false));
    return new BucketReport(
        bucket,
        score,
        objects,
        inventory.path("bytes").asLong(),
        analysed,
        analysedBytes,
        inventory.path("runObjects").asLong(),
        inventory.path("runBytes").asLong(),
        sensitive,
        failed,
        occurrences,
        inventory.path("totalObjects").asLong(),
        inventory.path("totalBytes").asLong(),
        suppressedOccurrences);
  }

  /**
   * Up to {@code n} of {@code candidates}, spread evenly: grouped by top-level prefix, extension
   * and size class (powers of four), then taken one group at a time in turn, each group in an order
   * fixed by the seed.
   */
  static List<ScanObject> sample(List<ScanObject> candidates, int n, long seed) {
    Map<String, List<ScanObject>> groups = new TreeMap<>();
    for (ScanObject o : candidates) {
      groups.computeIfAbsent(groupOf(o), g -> new ArrayList<>()).add(o);
    }
    List<List<ScanObject>> ordered = new ArrayList<>();
    for (List<ScanObject> g : groups.values()) {
      g.sort(
          Comparator.comparingLong((ScanObject o) -> mix(seed ^ o.key().hashCode()))
              .thenComparing(ScanObject::key));
      ordered.add(g);
    }
    List<ScanObject> out = new ArrayList<>();
    for (int round = 0; out.size() < n; round++) {
      boolean any = false;
      for (List<ScanObject> g : ordered) {
        if (round < g.size() && out.size() < n) {
          out.add(g.get(round));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return out;
  }

  private static String groupOf(ScanObject o) {
    int slash = o.key().indexOf('/');
    String prefix = slash < 0 ? "" : o.key().substring(0, slash);
    int sizeClass = 63 - Long.numberOfLeadingZeros(Math.max(1, o.size())) >> 1;
    return prefix + "\u0000" + extensionOf(o.key()) + "\u0000" + sizeClass;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  static String extensionOf(String key) {
    int slash = key.lastIndexOf('/');
    int dot = key.lastIndexOf('.');
    return dot > slash + 1 ? key.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static String fileNameOf(String bucket) {
    return "bucket-" + bucket.replaceAll("[^A-Za-z0-9.\\-_]", "_") + ".json";
  }

  /** Writes through a temporary file, so that a crash leaves the old state or the new one. */
  private static void write(Path file, JsonNode json) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(
        tmp,
        JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(json)
            .getBytes(StandardCharsets.UTF_8));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The sampled objects as a source. */
  private record Listed(String description, List<ScanObject> objects) implements ObjectSource {
    @Override
    public String describe() {
      return description + " (sample)";
    }

    @Override
    public void enumerate(Consumer<ScanObject> sink) {
      objects.forEach(sink);
    }
  }

  private static ObjectNode child(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
  }
}
