package dev.assay.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.report.Finding;
import dev.assay.engine.report.FindingFactory;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.report.ScanContext;
import dev.assay.engine.source.LocalSource;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.detect.Detector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs real scans for tests: a fixed clock and job id, findings sorted by key. */
public final class ScanFixture {
  public static final Path SAMPLES = Path.of("../corpus/samples");
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-02-03T08:15:42.517Z"), ZoneOffset.UTC);
  public static final ScanContext CONTEXT =
      new ScanContext("111122223333", "aws", "eu-west-1", "4f1c2a9be07d43c5a8f6d2e1b3c4d5e6", null);

  private ScanFixture() {}

  public record Outcome(List<ObjectResult> results, List<Finding> findings) {}

  public static Outcome scan(
      Path root, List<? extends DataIdentifier> ids, int threads, int windowChars)
      throws IOException {
    Detector detector = Detector.of(ids, List.of());
    Scanner scanner =
        Scanner.builder(detector).threads(threads).windowChars(windowChars).clock(CLOCK).build();
    FindingFactory factory = new FindingFactory(CONTEXT);
    List<ObjectResult> results = new ArrayList<>();
    scanner.scan(List.of(LocalSource.of(root, null)), results::add);
    results.sort(Comparator.comparing((ObjectResult r) -> r.object().key()));
    List<Finding> findings = new ArrayList<>();
    for (ObjectResult r : results) {
      factory.toFinding(r).ifPresent(findings::add);
    }
    return new Outcome(results, findings);
  }

  /** The findings as JSON, with what changes from run to run (ids, file times) replaced. */
  public static JsonNode normalized(List<Finding> findings) {
    JsonNode tree = FindingWriter.JSON.valueToTree(new FindingWriter.GetFindingsResponse(findings));
    for (JsonNode f : tree.get("findings")) {
      ((ObjectNode) f).put("id", "<id>");
      ((ObjectNode) f.get("resourcesAffected").get("s3Object"))
          .put("lastModified", "<lastModified>");
    }
    return tree;
  }
}
