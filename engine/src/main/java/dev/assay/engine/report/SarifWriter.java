package dev.assay.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 (OASIS), for code-scanning tools: one run, a rule per identifier found (its id, name
 * and Macie category), and a result per occurrence location the finding gives (at most 15 per
 * detection, as in the finding; {@code additionalOccurrences} is a result property).
 *
 * <ul>
 *   <li>{@code level} is the finding's severity: High → error, Medium → warning, Low → note.
 *   <li>{@code artifactLocation.uri} is the object's key relative to its root, with {@code
 *       uriBaseId} the bucket name (and the root's {@code file:} URI in {@code originalUriBaseIds}
 *       when known), or, for an object scanned in S3, its absolute {@code s3://bucket/key} URI.
 *   <li>{@code lineRanges} become a {@code region} ({@code startLine}, {@code startColumn} in
 *       UTF-16 code units, {@code endLine}). Cells, records and pages have no SARIF region: they
 *       become a logical location (such as {@code Sheet1!B7}, {@code row 7, column 2 (ssn)}, {@code
 *       record 3 $.user.ssn}, {@code page 2}) with Macie's own location members as properties.
 *   <li>No value is written: messages name the identifier, the count and the object only.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class SarifWriter implements FindingWriter {
  static final String SCHEMA =
      "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

  /** A rule: one identifier. */
  private record Rule(String id, String name, String category) {}

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    Map<String, Rule> rules = new TreeMap<>();
    for (Finding f : report.findings()) {
      Finding.ClassificationResult r = f.classificationDetails().result();
      for (Finding.SensitiveDataItem item : r.sensitiveData()) {
        for (Finding.DefaultDetection d : item.detections()) {
          rules.putIfAbsent(d.type(), new Rule(d.type(), d.type(), item.category()));
        }
      }
      for (Finding.CustomDetection d : r.customDataIdentifiers().detections()) {
        rules.putIfAbsent(d.arn(), new Rule(d.arn(), d.name(), "CUSTOM_IDENTIFIER"));
      }
    }
    List<String> ruleIds = new ArrayList<>(rules.keySet());

    ObjectNode tool = JSON.createObjectNode();
    ObjectNode driver = tool.putObject("driver");
    driver.put("name", "Assay");
    driver.put("fullName", "Assay sensitive data scanner (Amazon Macie compatible)");
    ArrayNode ruleNodes = driver.putArray("rules");
    for (Rule rule : rules.values()) {
      ObjectNode n = ruleNodes.addObject();
      n.put("id", rule.id());
      n.put("name", rule.name());
      n.putObject("shortDescription").put("text", describe(rule));
      ObjectNode properties = n.putObject("properties");
      properties.put("category", rule.category());
      properties.putArray("tags").add("security").add(rule.category());
    }
    ObjectNode bases = JSON.createObjectNode();
    report
        .roots()
        .forEach(
            (bucket, root) -> {
              if (!root.startsWith("s3://")) {
                bases.putObject(bucket).put("uri", root);
              }
            });
    // The results are streamed, a finding's at a time: a document of every result at once took
    // 2.3 GB of heap for 16,384 files (870,000 results), and findings past the first 10,000 are
    // read back from disk one by one.
    JsonGenerator g = JSON.getFactory().createGenerator(new NonClosing(out));
    g.setCodec(JSON);
    g.setPrettyPrinter(new DefaultPrettyPrinter());
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA);
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeFieldName("tool");
    g.writeTree(tool);
    if (!bases.isEmpty()) {
      g.writeFieldName("originalUriBaseIds");
      g.writeTree(bases);
    }
    g.writeStringField("columnKind", "utf16CodeUnits");
    g.writeArrayFieldStart("results");
    for (Finding f : report.findings()) {
      ArrayNode results = JSON.createArrayNode();
      ObjectNode artifact =
          artifactLocation(
              f.resourcesAffected().s3Object(), f.resourcesAffected().s3Bucket(), report.roots());
      Finding.ClassificationResult r = f.classificationDetails().result();
      for (Finding.SensitiveDataItem item : r.sensitiveData()) {
        for (Finding.DefaultDetection d : item.detections()) {
          addResults(
              results,
              f,
              rules.get(d.type()),
              ruleIds.indexOf(d.type()),
              d.count(),
              d.occurrences(),
              artifact);
        }
      }
      for (Finding.CustomDetection d : r.customDataIdentifiers().detections()) {
        addResults(
            results,
            f,
            rules.get(d.arn()),
            ruleIds.indexOf(d.arn()),
            d.count(),
            d.occurrences(),
            artifact);
      }
      for (JsonNode result : results) {
        g.writeTree(result);
      }
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.write(System.lineSeparator());
  }

  private static String describe(Rule rule) {
    String kind =
        rule.category().equals("CUSTOM_IDENTIFIER")
            ? "custom data identifier"
            : "managed data identifier";
    return "Sensitive data: " + rule.name() + " (" + kind + ", " + rule.category() + ")";
  }

  private static void addResults(
      ArrayNode results,
      Finding f,
      Rule rule,
      int ruleIndex,
      long count,
      Finding.Occurrences o,
      ObjectNode artifact) {
    List<ObjectNode> locations = new ArrayList<>();
    if (o != null) {
      if (o.lineRanges() != null) {
        for (Finding.Range range : o.lineRanges()) {
          ObjectNode location = physical(artifact);
          ObjectNode region = ((ObjectNode) location.get("physicalLocation")).putObject("region");
          region.put("startLine", range.start());
          region.put("startColumn", range.startColumn());
          region.put("endLine", range.end());
          locations.add(location);
        }
      }
      if (o.cells() != null) {
        for (Finding.Cell c : o.cells()) {
          String name =
              c.cellReference() != null
                  ? c.cellReference()
                  : "row "
                      + c.row()
                      + ", column "
                      + c.column()
                      + (c.columnName() == null ? "" : " (" + c.columnName() + ")");
          locations.add(logical(artifact, name, "element", "cell", JSON.valueToTree(c)));
        }
      }
      if (o.records() != null) {
        for (Finding.RecordLocation rec : o.records()) {
          String name =
              "record " + rec.recordIndex() + (rec.jsonPath() == null ? "" : " " + rec.jsonPath());
          locations.add(logical(artifact, name, "value", "record", JSON.valueToTree(rec)));
        }
      }
      if (o.pages() != null) {
        for (Finding.Page p : o.pages()) {
          locations.add(
              logical(artifact, "page " + p.pageNumber(), "text", "page", JSON.valueToTree(p)));
        }
      }
    }
    if (locations.isEmpty()) {
      // An archive's finding gives no locations (they are in the discovery results): the object
      // itself is the location.
      locations.add(physical(artifact));
    }
    String message =
        count
            + (count == 1 ? " occurrence of " : " occurrences of ")
            + rule.name()
            + " in "
            + f.resourcesAffected().s3Object().path()
            + " ("
            + f.type()
            + ", severity "
            + f.severity().description()
            + ")";
    for (ObjectNode location : locations) {
      ObjectNode result = results.addObject();
      result.put("ruleId", rule.id());
      result.put("ruleIndex", ruleIndex);
      result.put("level", level(f.severity().description()));
      result.putObject("message").put("text", message);
      result.putArray("locations").add(location);
      ObjectNode properties = result.putObject("properties");
      properties.put("findingId", f.id());
      properties.put("findingType", f.type());
      properties.put("severity", f.severity().description());
      properties.put("count", count);
      properties.put(
          "additionalOccurrences",
          Boolean.TRUE.equals(f.classificationDetails().result().additionalOccurrences()));
    }
  }

  /** SARIF's level for a Macie severity. */
  static String level(String severity) {
    return switch (severity) {
      case "High" -> "error";
      case "Medium" -> "warning";
      default -> "note";
    };
  }

  private static ObjectNode physical(ObjectNode artifact) {
    ObjectNode location = JSON.createObjectNode();
    location.putObject("physicalLocation").set("artifactLocation", artifact.deepCopy());
    return location;
  }

  private static ObjectNode logical(
      ObjectNode artifact, String name, String kind, String member, ObjectNode macie) {
    ObjectNode location = physical(artifact);
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("name", name);
    logical.put("kind", kind);
    location.putObject("properties").set(member, macie);
    return location;
  }

  static ObjectNode artifactLocation(
      Finding.S3Object object, Finding.S3Bucket bucket, Map<String, String> roots) {
    ObjectNode artifact = JSON.createObjectNode();
    String root = roots.get(bucket.name());
    if (root != null && root.startsWith("s3://")) {
      artifact.put("uri", root + encode(object.key()));
      return artifact;
    }
    String key = object.key();
    int colon = key.indexOf(':');
    if (colon >= 0 && (key.indexOf('/') < 0 || colon < key.indexOf('/'))) {
      key = "./" + key; // or the first segment would read as a URI scheme
    }
    String relative = encode(key);
    artifact.put("uri", relative);
    artifact.put("uriBaseId", bucket.name());
    return artifact;
  }

  /** A key as a URI path: characters a URI may not hold percent-encoded, {@code /} kept. */
  static String encode(String key) {
    try {
      return new URI(null, null, key, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot encode key " + key, e);
    }
  }
}
