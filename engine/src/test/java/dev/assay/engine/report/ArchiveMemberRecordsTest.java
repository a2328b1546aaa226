package dev.assay.engine.report;

import static dev.assay.engine.FormatFiles.SSN;
import static dev.assay.engine.FormatFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.engine.FormatFiles;
import dev.assay.engine.MemberResult;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.ScanFixture;
import dev.assay.engine.Scanner;
import dev.assay.engine.extract.ArchiveMember;
import dev.assay.engine.source.LocalSource;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery results of an archive: the archive's own record, then one per extracted file with
 * {@code embeddedFileDetails} and the file's own status and locations (Macie's sensitive data
 * discovery results), on a real ZIP holding text, CSV, a nested ZIP, a .tar.gz, an image, a clean
 * file and malformed JSON.
 */
class ArchiveMemberRecordsTest {
  @TempDir Path dir;

  static final byte[] NOTES = utf8("line one\nEmployee SSN: " + SSN + "\n");

  /** Writes {@code bundle.zip} into {@code dir}: seven files, five SSNs among them. */
  static void writeBundle(Path dir) throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("docs/notes.txt", NOTES);
    members.put("staff.csv", utf8("name,ssn\nAna," + SSN + "\n"));
    members.put("inner.zip", FormatFiles.zip(Map.of("deep/notes.txt", NOTES)));
    members.put(
        "logs.tar.gz",
        FormatFiles.gzip(
            FormatFiles.tar(
                Map.of("app.log", utf8("boot\nSSN " + SSN + "\nretry SSN " + SSN + "\n")))));
    members.put("photo.png", FormatFiles.png());
    members.put("clean.txt", utf8("nothing to see here\n"));
    members.put("broken.json", utf8("{\"employee\": {\"ssn\": "));
    FormatFiles.write(dir, "bundle.zip", FormatFiles.zip(members));
  }

  static List<ObjectResult> scanBundle(Path dir) throws IOException {
    writeBundle(dir);
    Scanner scanner =
        Scanner.builder(Detector.of(ManagedCatalog.recommended(), List.of()))
            .threads(2)
            .clock(ScanFixture.CLOCK)
            .build();
    List<ObjectResult> results = new ArrayList<>();
    scanner.scan(List.of(LocalSource.of(dir, null)), results::add);
    return results;
  }

  @Test
  void eachExtractedFile_hasItsOwnRecord_afterTheArchives() throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    List<ObjectResult> results = scanBundle(data);
    Path out = dir.resolve("results");
    Finding finding;
    try (DiscoveryResultsWriter writer =
        new DiscoveryResultsWriter(out, new FindingFactory(ScanFixture.CONTEXT))) {
      finding = writer.write(results.get(0)).orElseThrow();
    }
    List<JsonNode> records = new ArrayList<>();
    for (String line : DiscoveryResultsWriterTest.records(out)) {
      records.add(FindingWriter.JSON.readTree(line));
    }
    assertThat(records).hasSize(8);

    JsonNode archive = records.get(0);
    assertThat(archive.get("id").asText()).isEqualTo(finding.id());
    assertThat(archive.at("/resourcesAffected/s3Object").has("embeddedFileDetails")).isFalse();
    assertThat(archive.at("/classificationDetails/result/status/code").asText())
        .isEqualTo("PARTIAL");
    assertThat(archive.at("/classificationDetails/result/status/reason").asText())
        .isEqualTo("ARCHIVE_CONTAINS_UNPROCESSED_FILES");
    assertThat(ssnCount(archive)).isEqualTo(5);
    // As in the archive's finding, its own record has no per-file location.
    assertThat(archive.toString()).doesNotContain("lineRanges").doesNotContain("cells");

    Map<String, JsonNode> byPath = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode r : records) {
      assertThat(ids.add(r.get("id").asText())).as("ids are unique").isTrue();
      assertThat(r.at("/resourcesAffected/s3Object/key").asText()).isEqualTo("bundle.zip");
      assertThat(r.at("/classificationDetails/detailedResultsLocation").asText())
          .isEqualTo(finding.classificationDetails().detailedResultsLocation());
    }
    for (JsonNode r : records.subList(1, records.size())) {
      byPath.put(r.at("/resourcesAffected/s3Object/embeddedFileDetails/filePath").asText(), r);
    }
    assertThat(byPath.keySet())
        .containsExactly(
            "docs/notes.txt",
            "staff.csv",
            "inner.zip/deep/notes.txt",
            "logs.tar.gz/app.log",
            "photo.png",
            "clean.txt",
            "broken.json");

    JsonNode notes = byPath.get("docs/notes.txt");
    assertThat(notes.at("/resourcesAffected/s3Object/embeddedFileDetails/fileExtension").asText())
        .isEqualTo("txt");
    assertThat(notes.at("/resourcesAffected/s3Object/embeddedFileDetails/fileSize").asLong())
        .isEqualTo(NOTES.length);
    assertThat(notes.at("/classificationDetails/result/status/code").asText())
        .isEqualTo("COMPLETE");
    assertThat(notes.at("/classificationDetails/result/sizeClassified").asLong())
        .isEqualTo(NOTES.length);
    assertThat(notes.at("/classificationDetails/result/mimeType").asText()).isEqualTo("text/plain");
    assertThat(occurrences(notes).get("lineRanges").toString())
        .isEqualTo("[{\"end\":2,\"start\":2,\"startColumn\":15}]");
    assertThat(notes.get("type").asText()).isEqualTo("SensitiveData:S3Object/Personal");
    assertThat(notes.at("/severity/description").asText()).isNotEmpty();

    assertThat(occurrences(byPath.get("staff.csv")).get("cells").get(0).get("columnName").asText())
        .isEqualTo("ssn");
    assertThat(ssnCount(byPath.get("inner.zip/deep/notes.txt"))).isEqualTo(1);
    JsonNode log = byPath.get("logs.tar.gz/app.log");
    assertThat(ssnCount(log)).isEqualTo(2);
    assertThat(occurrences(log).get("lineRanges")).hasSize(2);

    JsonNode photo = byPath.get("photo.png");
    assertThat(photo.at("/classificationDetails/result/status/code").asText()).isEqualTo("SKIPPED");
    assertThat(photo.at("/classificationDetails/result/status/reason").asText())
        .isEqualTo("UNSUPPORTED_FILE_TYPE_EXCEPTION");
    assertThat(byPath.get("broken.json").at("/classificationDetails/result/status/reason").asText())
        .isEqualTo("UNABLE_TO_PARSE_FILE");

    JsonNode clean = byPath.get("clean.txt");
    assertThat(clean.at("/classificationDetails/result/status/code").asText())
        .isEqualTo("COMPLETE");
    assertThat(clean.at("/classificationDetails/result/sensitiveData")).isEmpty();
    assertThat(clean.has("type")).isFalse();
    assertThat(clean.has("severity")).isFalse();

    long perFile = 0;
    for (JsonNode r : byPath.values()) {
      perFile += ssnCount(r);
    }
    assertThat(perFile)
        .as("the files' counts add up to the archive's")
        .isEqualTo(ssnCount(archive));
  }

  @Test
  void findings_neverCarryEmbeddedFileDetails() throws IOException {
    List<ObjectResult> results = scanBundle(dir);
    Finding finding =
        new FindingFactory(ScanFixture.CONTEXT).toFinding(results.get(0)).orElseThrow();
    assertThat(FindingWriter.JSON.writeValueAsString(finding))
        .doesNotContain("embeddedFileDetails")
        .doesNotContain("notes.txt");
  }

  @Test
  void manyFiles_theFirstTenThousandGetRecords_andEveryOccurrenceIsCounted() throws IOException {
    int files = ArchiveMember.MAX_RECORDS_PER_ARCHIVE + 5;
    String text = ("SSN " + SSN + "\n").repeat(11);
    Map<String, byte[]> members = new LinkedHashMap<>();
    for (int i = 0; i < files; i++) {
      members.put(String.format("f%05d.txt", i), utf8(text));
    }
    FormatFiles.write(dir, "many.zip", FormatFiles.zip(members));
    Scanner scanner =
        Scanner.builder(Detector.of(ManagedCatalog.recommended(), List.of()))
            .threads(1)
            .clock(ScanFixture.CLOCK)
            .build();
    List<ObjectResult> results = new ArrayList<>();
    scanner.scan(List.of(LocalSource.of(dir, null)), results::add);
    ObjectResult archive = results.get(0);
    assertThat(archive.statusCode()).isEqualTo("COMPLETE");
    assertThat(archive.detections().get(0).count()).isEqualTo(11L * files);
    assertThat(archive.members()).hasSize(ArchiveMember.MAX_RECORDS_PER_ARCHIVE);
    long counted = 0;
    long located = 0;
    for (MemberResult m : archive.members()) {
      counted += m.detections().get(0).count();
      located += m.detections().get(0).locations().size();
    }
    assertThat(counted).isEqualTo(11L * ArchiveMember.MAX_RECORDS_PER_ARCHIVE);
    // 110,000 occurrences in the recorded files, locations kept for the first 100,000 of them.
    assertThat(located).isEqualTo(100_000);
    assertThat(archive.members().get(0).detections().get(0).locations()).hasSize(11);
  }

  private static JsonNode occurrences(JsonNode record) {
    return record.at("/classificationDetails/result/sensitiveData/0/detections/0/occurrences");
  }

  private static long ssnCount(JsonNode record) {
    long n = 0;
    for (JsonNode item : record.at("/classificationDetails/result/sensitiveData")) {
      for (JsonNode d : item.get("detections")) {
        if (d.get("type").asText().equals("USA_SOCIAL_SECURITY_NUMBER")) {
          n += d.get("count").asLong();
        }
      }
    }
    return n;
  }
}
