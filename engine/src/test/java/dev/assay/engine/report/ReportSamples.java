package dev.assay.engine.report;

import dev.assay.engine.Detection;
import dev.assay.engine.Location;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.SeverityLevel;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Object results built directly, one per location kind Macie reports (lineRanges, cells with and
 * without a cell reference, records, pages), plus a clean, a skipped and an S3 object with full
 * metadata; and helpers that render them deterministically (ids and file names from counters).
 */
final class ReportSamples {
  static final Instant ANALYZED = Instant.parse("2025-02-03T08:15:42.517Z");
  static final Instant MODIFIED = Instant.parse("2025-01-31T23:59:01Z");
  static final ScanContext CONTEXT =
      new ScanContext("111122223333", "aws", "eu-west-1", "4f1c2a9be07d43c5a8f6d2e1b3c4d5e6", null);
  static final Map<String, String> ROOTS =
      Map.of("exports", "file:///data/exports/", "acme-hr", "s3://acme-hr/");

  private ReportSamples() {}

  static DataIdentifier managed(String id) {
    return ManagedCatalog.find(id).orElseThrow();
  }

  static final CustomDataIdentifier EMPLOYEE_ID =
      CustomDataIdentifier.define(
          "5b7e0c3a-91d2-4f6e-b8a1-2c3d4e5f6a7b",
          "EmployeeId",
          "",
          "EMP-[0-9]{6}",
          List.of("employee"),
          List.of(),
          null,
          List.of(new SeverityLevel(1, Severity.LOW), new SeverityLevel(10, Severity.MEDIUM)));

  static ScanObject local(String key, long size) {
    return new ScanObject("exports", key, size, MODIFIED, null, null, null);
  }

  static ObjectResult result(ScanObject object, String mime, Detection... detections) {
    return new ObjectResult(
        object,
        "COMPLETE",
        null,
        mime,
        object.size(),
        List.of(detections),
        null,
        ANALYZED,
        List.of());
  }

  /** The results, sorted by bucket and key as the command line sorts findings. */
  static List<ObjectResult> results() {
    List<ObjectResult> out = new ArrayList<>();
    List<Location> cells = new ArrayList<>();
    LongStream.rangeClosed(2, 21)
        .forEach(row -> cells.add(new Location.Cell(row, 2, "ssn", "Staff!B" + row)));
    ScanObject s3 =
        new ScanObject(
            "acme-hr",
            "2025/01/staff.xlsx",
            6144,
            MODIFIED,
            new ScanObject.ObjectMetadata(
                "9e107d9d372bb6826bd81d3542a419d6",
                "STANDARD",
                "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
                "aws:kms",
                "arn:aws:kms:eu-west-1:111122223333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
                List.of(new ScanObject.Tag("team", "hr"))),
            null,
            null);
    out.add(
        result(
            s3,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            new Detection(managed("USA_SOCIAL_SECURITY_NUMBER"), 20, cells)));
    out.add(result(local("clean/readme.txt", 120), "text/plain"));
    out.add(
        result(
            local("events/signups.jsonl", 900),
            "application/x-ndjson",
            new Detection(
                managed("CREDIT_CARD_NUMBER"),
                2,
                List.of(
                    new Location.Record(0, "$.payment.card"),
                    new Location.Record(3, "$['card number']")))));
    out.add(
        result(
            local("hr/employees.csv", 2048),
            "text/csv",
            new Detection(
                managed("USA_SOCIAL_SECURITY_NUMBER"),
                2,
                List.of(
                    new Location.Cell(2, 3, "ssn", null), new Location.Cell(3, 3, "ssn", null))),
            new Detection(
                EMPLOYEE_ID,
                3,
                List.of(
                    new Location.Line(1, 1, 14),
                    new Location.Cell(2, 1, "employee id", null),
                    new Location.Cell(3, 1, "employee id", null)))));
    out.add(
        new ObjectResult(
            local("media/photo.jpg", 40_000),
            "SKIPPED",
            "UNSUPPORTED_FILE_TYPE_EXCEPTION",
            null,
            0,
            List.of(),
            "images are not analysed",
            ANALYZED,
            List.of()));
    out.add(
        result(
            local("notes/keys.txt", 512),
            "text/plain",
            new Detection(managed("AWS_CREDENTIALS"), 1, List.of(new Location.Line(4, 4, 19))),
            new Detection(
                managed("OPENSSH_PRIVATE_KEY"), 1, List.of(new Location.Line(7, 33, 1)))));
    out.add(
        result(
            local("reports/q1.pdf", 88_000),
            "application/pdf",
            new Detection(
                managed("USA_SOCIAL_SECURITY_NUMBER"),
                3,
                List.of(new Location.Page(1), new Location.Page(1), new Location.Page(4)))));
    out.add(
        result(
            local("archive/export.zip", 4096),
            "application/zip",
            new Detection(managed("USA_SOCIAL_SECURITY_NUMBER"), 5, List.of())));
    out.sort(
        (a, b) ->
            (a.object().bucket() + "/" + a.object().key())
                .compareTo(b.object().bucket() + "/" + b.object().key()));
    return out;
  }

  /** Ids 000...001, 000...002, ...: 32 hex digits like Macie's. */
  static Supplier<String> counterIds() {
    long[] n = {0};
    return () -> String.format("%032x", ++n[0]);
  }

  /** UUIDs 00000000-0000-0000-0000-000000000001, ... */
  static Supplier<UUID> counterUuids() {
    long[] n = {0};
    return () -> new UUID(0, ++n[0]);
  }

  static FindingFactory factory() {
    return new FindingFactory(CONTEXT, counterIds());
  }

  static List<Finding> findings(FindingFactory factory, List<ObjectResult> results) {
    List<Finding> findings = new ArrayList<>();
    for (ObjectResult r : results) {
      factory.toFinding(r).ifPresent(findings::add);
    }
    return findings;
  }

  static ScanReport report(List<Finding> findings) {
    return new ScanReport(findings, 8, 141_320, 1, Duration.ofMillis(1234), ROOTS);
  }

  static String render(OutputFormat format, ScanReport report) throws IOException {
    StringWriter out = new StringWriter();
    FindingWriter.of(format).write(report, out);
    return out.toString();
  }

  static Optional<Finding> only(List<Finding> findings, String key) {
    return findings.stream()
        .filter(f -> f.resourcesAffected().s3Object().key().equals(key))
        .findFirst();
  }
}
