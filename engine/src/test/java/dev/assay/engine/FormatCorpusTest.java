package dev.assay.engine;

import static dev.assay.engine.FormatFiles.SSN;
import static dev.assay.engine.FormatFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.extract.EmbeddedFile;
import dev.assay.engine.report.Finding;
import dev.assay.engine.report.FindingFactory;
import dev.assay.engine.source.LocalSource;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real file per format Macie analyses (the formats Macie analyses), made here with the formats'
 * own writers, scanned through the real {@link Scanner}: each must yield the SSN with the exact
 * location of its kind (Macie's Occurrences structures; Macie's location structure per file type).
 */
class FormatCorpusTest {
  @TempDir static Path dir;
  static Map<String, ObjectResult> results;

  @BeforeAll
  static void scanCorpus() throws IOException {
    FormatFiles.write(dir, "notes.txt", utf8("line one\nEmployee SSN: " + SSN + "\n"));
    FormatFiles.write(dir, "noext", utf8("first\r\nsecond SSN " + SSN + "\r\n"));
    FormatFiles.write(dir, "record.xml", utf8("<root>\n  <ssn>" + SSN + "</ssn>\n</root>\n"));
    FormatFiles.write(
        dir, "page.html", utf8("<html><body>\n<p>SSN " + SSN + "</p>\n</body></html>\n"));
    FormatFiles.write(dir, "config.yaml", utf8("person:\n  ssn: " + SSN + "\n"));
    FormatFiles.write(dir, "people.csv", utf8("name,ssn\nAna," + SSN + "\n"));
    FormatFiles.write(dir, "people.tsv", utf8("name\tid\tssn\nAna\t7\t" + SSN + "\n"));
    FormatFiles.write(
        dir, "doc.json", utf8("{\"employee\": {\"name\": \"Ana\", \"ssn\": \"" + SSN + "\"}}"));
    FormatFiles.write(
        dir, "lines.jsonl", utf8("{\"a\": 1}\n{\"ids\": [\"x\", {\"ssn\": \"" + SSN + "\"}]}\n"));
    FormatFiles.write(
        dir, "report.pdf", FormatFiles.pdf(List.of("Cover page", "Employee SSN: " + SSN), null));
    FormatFiles.write(dir, "memo.docx", FormatFiles.docx(List.of("Memo", "Employee SSN: " + SSN)));
    FormatFiles.write(dir, "memo.doc", FormatFiles.resource("memo.doc"));
    FormatFiles.write(dir, "memo.odt", FormatFiles.odt(List.of("Memo", "Employee SSN: " + SSN)));
    FormatFiles.write(
        dir, "odt-without-extension", FormatFiles.odt(List.of("Memo", "Employee SSN: " + SSN)));
    FormatFiles.write(dir, "staff.xlsx", FormatFiles.workbook(true, FormatFiles.staffSheets()));
    FormatFiles.write(dir, "staff.xls", FormatFiles.workbook(false, FormatFiles.staffSheets()));
    FormatFiles.write(
        dir,
        "header.xlsx",
        FormatFiles.workbook(
            true, Map.of("Data", List.of(List.of("Id", "SSN " + SSN), List.of("1", "x")))));
    FormatFiles.write(dir, "mail.eml", FormatFiles.eml());
    FormatFiles.write(dir, "people.avro", FormatFiles.avro());
    FormatFiles.parquet(dir.resolve("people.parquet"));
    byte[] notes = utf8("line one\nEmployee SSN: " + SSN + "\n");
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("docs/notes.txt", notes);
    members.put("people.csv", utf8("name,ssn\nAna," + SSN + "\n"));
    FormatFiles.write(dir, "bundle.zip", FormatFiles.zip(members));
    FormatFiles.write(dir, "bundle.tar", FormatFiles.tar(members));
    FormatFiles.write(dir, "bundle.tar.gz", FormatFiles.gzip(FormatFiles.tar(members)));
    FormatFiles.write(dir, "notes.txt.gz", FormatFiles.gzip(notes));
    FormatFiles.write(
        dir,
        "nested.zip",
        FormatFiles.zip(Map.of("inner.zip", FormatFiles.zip(Map.of("deep/notes.txt", notes)))));
    FormatFiles.write(dir, "photo.png", FormatFiles.png());

    Scanner scanner =
        Scanner.builder(Detector.of(ManagedCatalog.recommended(), List.of()))
            .threads(2)
            .clock(ScanFixture.CLOCK)
            .build();
    results = new TreeMap<>();
    scanner.scan(List.of(LocalSource.of(dir, null)), r -> results.put(r.object().key(), r));
  }

  /** The SSN locations of one object, after checking it was analysed completely. */
  private static List<Location> ssn(String key) {
    ObjectResult r = results.get(key);
    assertThat(r).as(key).isNotNull();
    assertThat(r.statusCode()).as(key + " " + r.problem()).isEqualTo("COMPLETE");
    List<Location> out = new ArrayList<>();
    for (Detection d : r.detections()) {
      if (d.identifier().id().equals("USA_SOCIAL_SECURITY_NUMBER")) {
        out.addAll(d.locations());
      }
    }
    return out;
  }

  @Test
  void word97_andOpenDocument_areDocuments_notArchives() {
    // Tika's text of the .doc starts with an empty line: the SSN is on its line 3.
    assertThat(ssn("memo.doc")).containsExactly(new Location.Line(3, 3, 15));
    assertThat(results.get("memo.doc").mimeType()).isEqualTo("application/msword");
    for (String odt : List.of("memo.odt", "odt-without-extension")) {
      // Regression: an OpenDocument file was expanded as a ZIP, and its thumbnail made it PARTIAL.
      assertThat(ssn(odt)).as(odt).hasSize(1);
      assertThat(results.get(odt).mimeType()).isEqualTo("application/vnd.oasis.opendocument.text");
      assertThat(results.get(odt).members()).isEmpty();
    }
  }

  @Test
  void sizeClassified_isTheWholeObject_evenWhenAParserResetsTheStream() {
    // Regression: Tika marks an OLE2 stream, reads it all and resets it; the .doc reported 0 bytes.
    for (ObjectResult r : results.values()) {
      if (r.statusCode().equals("COMPLETE")) {
        assertThat(r.sizeClassified()).as(r.object().key()).isEqualTo(r.object().size());
      }
    }
  }

  @Test
  void text_linesAndColumns() {
    assertThat(ssn("notes.txt")).containsExactly(new Location.Line(2, 2, 15));
    assertThat(ssn("noext")).containsExactly(new Location.Line(2, 2, 12));
  }

  @Test
  void xmlHtmlYaml_scannedAsTheirRawText_soAnElementNameIsAKeyword() {
    assertThat(ssn("record.xml")).containsExactly(new Location.Line(2, 2, 8));
    assertThat(ssn("page.html")).containsExactly(new Location.Line(2, 2, 8));
    assertThat(ssn("config.yaml")).containsExactly(new Location.Line(2, 2, 8));
  }

  @Test
  void csvAndTsv_cellsWithColumnNames() {
    assertThat(ssn("people.csv")).containsExactly(new Location.Cell(2, 2, "ssn", null));
    assertThat(ssn("people.tsv")).containsExactly(new Location.Cell(2, 3, "ssn", null));
  }

  @Test
  void jsonAndJsonLines_recordsWithJsonPaths() {
    assertThat(ssn("doc.json")).containsExactly(new Location.Record(0, "$.employee.ssn"));
    assertThat(ssn("lines.jsonl")).containsExactly(new Location.Record(1, "$.ids[1].ssn"));
  }

  @Test
  void pdf_pages() {
    assertThat(ssn("report.pdf")).containsExactly(new Location.Page(2));
    assertThat(results.get("report.pdf").mimeType()).isEqualTo("application/pdf");
  }

  @Test
  void word_lineRangesOfItsText() {
    assertThat(ssn("memo.docx")).containsExactly(new Location.Line(2, 2, 15));
  }

  @Test
  void excel_everySheet_cellReferencesAndColumnNamesFromTheFirstRow() {
    List<Location> expected =
        List.of(
            new Location.Cell(2, 2, "SSN", "Sheet1!B2"),
            new Location.Cell(5, 3, "SSN number", "Staff!C5"));
    assertThat(ssn("staff.xlsx")).containsExactlyElementsOf(expected);
    assertThat(ssn("staff.xls")).containsExactlyElementsOf(expected);
  }

  @Test
  void excel_aHitInTheFirstRow_isThatCell_withoutAColumnName() {
    assertThat(ssn("header.xlsx")).containsExactly(new Location.Cell(1, 2, null, "Data!B1"));
  }

  @Test
  void email_subjectBodyAndTextAttachment() {
    // The rendering: From, To, Subject, MIME-Version, Content-Type (lines 1-5), a blank line, the
    // body (lines 7-8, its last line end belongs to the boundary), then the decoded attachment.
    assertThat(ssn("mail.eml"))
        .containsExactly(
            new Location.Line(3, 3, 14), new Location.Line(8, 8, 12), new Location.Line(10, 10, 5));
  }

  @Test
  void avroAndParquet_recordIndexAndJsonPath() {
    List<Location> expected =
        List.of(new Location.Record(1, "$.ssn"), new Location.Record(1, "$.tags[1]"));
    assertThat(ssn("people.avro")).containsExactlyElementsOf(expected);
    assertThat(ssn("people.parquet")).containsExactlyElementsOf(expected);
  }

  @Test
  void archives_membersKeepTheirOwnLocationAndPath() {
    for (String archive : List.of("bundle.zip", "bundle.tar", "bundle.tar.gz")) {
      List<Location> found = ssn(archive);
      assertThat(found).as(archive).hasSize(2);
      Location.Embedded text = (Location.Embedded) found.get(0);
      assertThat(text.file().filePath()).isEqualTo("docs/notes.txt");
      assertThat(text.file().fileExtension()).isEqualTo("txt");
      assertThat(text.at()).isEqualTo(new Location.Line(2, 2, 15));
      Location.Embedded cell = (Location.Embedded) found.get(1);
      assertThat(cell.file().filePath()).isEqualTo("people.csv");
      assertThat(cell.at()).isEqualTo(new Location.Cell(2, 2, "ssn", null));
    }
    Location.Embedded gz = (Location.Embedded) ssn("notes.txt.gz").get(0);
    assertThat(gz.file()).isEqualTo(new EmbeddedFile("notes.txt", "txt", -1, null));
    assertThat(gz.at()).isEqualTo(new Location.Line(2, 2, 15));
    Location.Embedded deep = (Location.Embedded) ssn("nested.zip").get(0);
    assertThat(deep.file().filePath()).isEqualTo("inner.zip/deep/notes.txt");
  }

  @Test
  void archives_eachFileHasItsOwnResult() {
    long notes = utf8("line one\nEmployee SSN: " + SSN + "\n").length;
    for (String archive : List.of("bundle.zip", "bundle.tar", "bundle.tar.gz")) {
      List<MemberResult> members = results.get(archive).members();
      assertThat(members)
          .as(archive)
          .extracting(m -> m.member().file().filePath())
          .containsExactly("docs/notes.txt", "people.csv");
      MemberResult text = members.get(0);
      assertThat(text.member().statusCode()).isEqualTo("COMPLETE");
      assertThat(text.member().statusReason()).isNull();
      assertThat(text.member().mimeType()).isEqualTo("text/plain");
      // The size is the header's for TAR, and the bytes read for a ZIP entry with a data
      // descriptor.
      assertThat(text.member().file().fileSize()).as(archive).isEqualTo(notes);
      assertThat(text.member().sizeClassified()).isEqualTo(notes);
      assertThat(text.detections())
          .extracting(d -> d.identifier().id())
          .containsExactly("USA_SOCIAL_SECURITY_NUMBER");
      assertThat(text.detections().get(0).locations()).containsExactly(new Location.Line(2, 2, 15));
      assertThat(members.get(1).detections().get(0).locations())
          .containsExactly(new Location.Cell(2, 2, "ssn", null));
    }
    assertThat(results.get("notes.txt.gz").members())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.member().file())
                    .isEqualTo(new EmbeddedFile("notes.txt", "txt", notes, null)));
    assertThat(results.get("nested.zip").members())
        .singleElement()
        .satisfies(
            m -> assertThat(m.member().file().filePath()).isEqualTo("inner.zip/deep/notes.txt"))
        .satisfies(m -> assertThat(m.detections().get(0).count()).isEqualTo(1));
    assertThat(results.get("notes.txt").members()).isEmpty();
  }

  @Test
  void archive_isOneFinding_withNoPerFileLocation() {
    FindingFactory factory = new FindingFactory(ScanFixture.CONTEXT);
    Finding finding = factory.toFinding(results.get("bundle.zip")).orElseThrow();
    String json = finding.toString();
    assertThat(json).doesNotContain("notes.txt");
    assertThat(finding.classificationDetails().result().sensitiveData()).isNotEmpty();
  }

  @Test
  void media_isSkippedAsUnsupported() {
    ObjectResult png = results.get("photo.png");
    assertThat(png.statusCode()).isEqualTo("SKIPPED");
    assertThat(png.statusReason()).isEqualTo("UNSUPPORTED_FILE_TYPE_EXCEPTION");
    assertThat(png.detections()).isEmpty();
  }
}
