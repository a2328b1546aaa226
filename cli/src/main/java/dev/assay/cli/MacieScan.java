package dev.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.config.AllowListFiles;
import dev.assay.engine.config.ClassificationJob;
import dev.assay.engine.config.ConfigException;
import dev.assay.engine.config.CustomIdentifierFiles;
import dev.assay.engine.macie.MacieRequest;
import dev.assay.engine.report.FindingComparison;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.report.OutputFormat;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.DataIdentifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of {@code scan --backend macie2|both} that are the command's own: the Macie request
 * from the command's options, and the comparison of the two backends' findings as a table or JSON.
 */
final class MacieScan {
  private MacieScan() {}

  /** {@code --backend}. */
  enum Backend {
    LOCAL,
    MACIE2,
    BOTH;

    static Backend parse(String text) {
      for (Backend b : values()) {
        if (b.name().toLowerCase(Locale.ROOT).equals(text)) {
          return b;
        }
      }
      throw new UsageException("--backend: expected local, macie2 or both, got '" + text + "'");
    }
  }

  /**
   * The S3 targets as buckets and prefixes; a local target is a usage error (Macie reads only S3).
   */
  static List<MacieRequest.Target> targets(List<String> targets) {
    List<MacieRequest.Target> out = new ArrayList<>();
    for (String t : targets) {
      if (!t.startsWith("s3://")) {
        throw new UsageException(
            "--backend macie2: "
                + t
                + ": Macie scans only S3; give s3://bucket[/prefix] (or --job with its buckets)");
      }
      String rest = t.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      if (bucket.isEmpty()) {
        throw new UsageException(t + ": an S3 target is s3://bucket or s3://bucket/prefix");
      }
      out.add(new MacieRequest.Target(bucket, slash < 0 ? "" : rest.substring(slash + 1)));
    }
    return out;
  }

  /**
   * The request for Macie: the same job, and the bodies of exactly the custom identifiers and allow
   * lists that the local engine uses for this command ({@code identifiers}, {@code allowLists}).
   */
  static MacieRequest request(
      List<String> targets,
      ClassificationJob job,
      Path jobFile,
      IdentifierOptions options,
      List<DataIdentifier> identifiers,
      List<AllowList> allowLists,
      String accountId,
      boolean cleanup) {
    Set<String> customNames =
        identifiers.stream()
            .filter(CustomDataIdentifier.class::isInstance)
            .map(i -> ((CustomDataIdentifier) i).name())
            .collect(Collectors.toSet());
    Set<String> listNames = allowLists.stream().map(AllowList::name).collect(Collectors.toSet());
    List<MacieRequest.Body> custom = new ArrayList<>();
    List<MacieRequest.Body> lists = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    try {
      for (Path file : options.customFiles) {
        for (JsonNode body : CustomIdentifierFiles.bodies(file)) {
          String name = body.path("name").asText();
          if (customNames.contains(name) && !seen.contains("c:" + name)) {
            seen.add("c:" + name);
            custom.add(new MacieRequest.Body(file.toString(), body));
          }
        }
      }
      for (Path file : options.allowListFiles) {
        JsonNode body = AllowListFiles.body(file);
        String name = body.path("name").asText();
        if (listNames.contains(name) && !seen.contains("a:" + name)) {
          seen.add("a:" + name);
          lists.add(new MacieRequest.Body(file.toString(), body));
        }
      }
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
    JsonNode jobBody = null;
    if (jobFile != null) {
      try {
        jobBody = FindingWriter.JSON.readTree(Files.readString(jobFile));
      } catch (IOException e) {
        throw new UsageException(jobFile + ": cannot read: " + e.getMessage());
      }
    }
    String selector =
        job != null && job.managedDataIdentifierSelector() != null
            ? null
            : options.selector == null ? null : options.selector.name();
    List<String> managedIds =
        selector == null
            ? List.of()
            : options.managedIds.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new MacieRequest(
        jobBody,
        jobFile == null ? null : jobFile.toString(),
        targets(targets),
        accountId,
        selector,
        managedIds,
        custom,
        lists,
        cleanup);
  }

  /**
   * Writes the comparison: a table (differences, and with {@code verbose} the matching counts too),
   * or JSON ({@code {"differences": [...], "matches": [...]}}).
   */
  static void write(FindingComparison comparison, OutputFormat format, boolean verbose, Writer out)
      throws IOException {
    if (format == OutputFormat.JSON) {
      ObjectNode root = FindingWriter.JSON.createObjectNode();
      rows(root.putArray("differences"), comparison.differences());
      rows(root.putArray("matches"), comparison.matches());
      FindingWriter.JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
      out.write("\n");
      out.flush();
      return;
    }
    PrintWriter p = new PrintWriter(out);
    List<FindingComparison.Row> shown = verbose ? comparison.rows() : comparison.differences();
    if (!shown.isEmpty()) {
      int objectWidth =
          Math.max(
              6,
              shown.stream().mapToInt(r -> (r.bucket() + "/" + r.key()).length()).max().orElse(0));
      int idWidth =
          Math.max(10, shown.stream().mapToInt(r -> r.identifier().length()).max().orElse(0));
      p.printf(
          "%-" + objectWidth + "s  %-" + idWidth + "s  %7s  %7s%n",
          "OBJECT",
          "IDENTIFIER",
          "LOCAL",
          "MACIE");
      for (FindingComparison.Row r : shown) {
        p.printf(
            "%-" + objectWidth + "s  %-" + idWidth + "s  %7d  %7d%s%n",
            r.bucket() + "/" + r.key(),
            r.identifier(),
            r.left(),
            r.right(),
            r.differs() ? "  differs" : "");
      }
      p.println();
    }
    long objects =
        comparison.differences().stream().map(r -> r.bucket() + "/" + r.key()).distinct().count();
    if (comparison.differences().isEmpty()) {
      p.println(
          "local and Macie agree: "
              + comparison.matches().size()
              + " count(s) of sensitive data, per object and identifier");
    } else {
      p.println(
          comparison.differences().size()
              + " count(s) differ in "
              + objects
              + " object(s); "
              + comparison.matches().size()
              + " agree"
              + (verbose ? "" : " (-v shows them)"));
    }
    p.flush();
  }

  private static void rows(ArrayNode array, List<FindingComparison.Row> rows) {
    for (FindingComparison.Row r : rows) {
      ObjectNode o = array.addObject();
      o.put("bucket", r.bucket());
      o.put("key", r.key());
      o.put("identifier", r.identifier());
      o.put("local", r.left());
      o.put("macie", r.right());
    }
  }
}
