package dev.assay.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.config.ClassificationJob;
import dev.assay.engine.config.ClassificationJobFiles;
import dev.assay.engine.config.ConfigException;
import dev.assay.engine.config.ScanTargets;
import dev.assay.engine.discovery.Discovery;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ObjectScope;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.SourceUnavailableException;
import dev.assay.identifiers.detect.Detector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assay discover TARGET...}: automated sensitive data discovery, a sample a run, scored per
 * bucket.
 */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Sample each bucket's objects, analyse the sample, and score each bucket's sensitivity as Macie's automated discovery does.",
      "A bucket export's subdirectories are buckets; s3://bucket is a bucket in S3. Rerunning with the same --state-dir continues the sample."
    },
    sortOptions = false)
final class DiscoverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "TARGET",
      arity = "1..*",
      description = "Bucket exports (their subdirectories are buckets), or s3://bucket.")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--job",
      paramLabel = "FILE",
      description =
          "A CreateClassificationJob body whose identifier selection is the inspection template.")
  Path jobFile;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "What was analysed, kept between runs; default ./.assay-discovery.")
  Path stateDir = Path.of(".assay-discovery");

  @Option(
      names = "--objects-per-bucket",
      paramLabel = "N",
      description = "Objects analysed per bucket and run; default 100.")
  int perBucket = 100;

  @Option(names = "--format", paramLabel = "FMT", description = "table (default) or json.")
  String format = "table";

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "An S3-compatible endpoint, as in the AWS CLI.")
  String endpointUrl;

  @Option(names = "--profile", paramLabel = "P", description = "The AWS profile for S3.")
  String profile;

  @Option(names = "--region", paramLabel = "R", description = "The S3 region.")
  String region;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads; default: available processors.")
  Integer threads;

  @Mixin IdentifierOptions identifierOptions = new IdentifierOptions();

  @Override
  public Integer call() throws IOException {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("table") && !fmt.equals("json")) {
      throw new UsageException("--format: expected table or json, got '" + format + "'");
    }
    if (perBucket < 1) {
      throw new UsageException("--objects-per-bucket: must be at least 1, got " + perBucket);
    }
    if (threads != null && threads < 1) {
      throw new UsageException("--threads: must be at least 1, got " + threads);
    }
    ClassificationJob job = null;
    if (jobFile != null) {
      try {
        job = ClassificationJobFiles.load(jobFile);
      } catch (ConfigException e) {
        throw new UsageException(e.getMessage());
      }
    }
    Detector detector =
        Detector.of(identifierOptions.identifiers(job), identifierOptions.loadAllowLists());
    List<Discovery.BucketReport> reports;
    try (ScanTargets s3 =
        new ScanTargets(ScanCommand.s3Settings(endpointUrl, region, profile, "--endpoint-url"))) {
      Map<String, ObjectSource> buckets = new LinkedHashMap<>();
      for (String target : targets) {
        if (target.startsWith("s3://")) {
          String bucket = target.substring("s3://".length()).replaceAll("/.*", "");
          try {
            buckets.put(bucket, s3.s3().bucket(bucket, "", ObjectScope.ALL));
          } catch (SourceUnavailableException e) {
            throw new UsageException(e.getMessage());
          }
          continue;
        }
        Path root = Path.of(target);
        if (!Files.isDirectory(root)) {
          throw new UsageException(
              target + ": no such directory (a bucket export: its subdirectories are buckets)");
        }
        try {
          for (String b : LocalSource.exportBuckets(root)) {
            buckets.put(b, LocalSource.of(root.resolve(b), b));
          }
        } catch (NoSuchFileException e) {
          throw new UsageException(target + ": no such directory");
        }
      }
      reports =
          new Discovery(detector, stateDir, perBucket, threads == null ? 0 : threads).run(buckets);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (fmt.equals("json")) {
      ObjectNode root = FindingWriter.JSON.createObjectNode();
      ArrayNode list = root.putArray("buckets");
      for (Discovery.BucketReport r : reports) {
        ObjectNode b = list.addObject();
        b.put("bucketName", r.bucket());
        b.put("sensitivityScore", r.score().score());
        b.put("sensitivityLabel", r.score().label());
        b.put("objectCount", r.objects());
        b.put("sizeInBytes", r.bytes());
        b.put("objectsAnalyzed", r.analysedObjects());
        b.put("bytesAnalyzed", r.analysedBytes());
        b.put("objectsAnalyzedThisRun", r.runObjects());
        b.put("bytesReadThisRun", r.runBytes());
        b.put("objectsWithSensitiveData", r.objectsWithSensitiveData());
        b.put("objectsFailed", r.failedObjects());
        ObjectNode types = b.putObject("sensitiveDataTypes");
        r.occurrences().forEach(types::put);
      }
      out.println(FindingWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.printf(
          Locale.ROOT,
          "%-30s %5s  %-18s %15s %19s  %s%n",
          "BUCKET",
          "SCORE",
          "LABEL",
          "OBJECTS",
          "BYTES",
          "SENSITIVE DATA TYPES");
      for (Discovery.BucketReport r : reports) {
        StringBuilder types = new StringBuilder();
        r.occurrences()
            .forEach(
                (t, n) ->
                    types.append(types.length() == 0 ? "" : ", ").append(t).append(' ').append(n));
        out.printf(
            Locale.ROOT,
            "%-30s %5d  %-18s %15s %19s  %s%n",
            r.bucket(),
            r.score().score(),
            r.score().label(),
            r.analysedObjects() + "/" + r.objects(),
            r.analysedBytes() + "/" + r.bytes(),
            types);
      }
      long read = reports.stream().mapToLong(Discovery.BucketReport::runBytes).sum();
      long total = reports.stream().mapToLong(Discovery.BucketReport::bytes).sum();
      out.printf(
          Locale.ROOT,
          "%nThis run read %d of %d bytes (%.1f%%); state in %s%n",
          read,
          total,
          total == 0 ? 0.0 : 100.0 * read / total,
          stateDir);
    }
    out.flush();
    return reports.stream().anyMatch(r -> r.score().score() < 0)
        ? ExitCode.INCOMPLETE.code
        : ExitCode.OK.code;
  }
}
