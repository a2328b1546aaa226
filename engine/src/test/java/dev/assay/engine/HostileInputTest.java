package dev.assay.engine;

import static dev.assay.engine.FormatFiles.SSN;
import static dev.assay.engine.FormatFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.extract.ExtractionLimits;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs (issue 3): each object ends with its own status and reason, within the time limit,
 * under the surefire heap (-Xmx512m), and every other object of the scan is still reported (each
 * scan here includes a clean control file with the SSN).
 */
@Timeout(120)
class HostileInputTest {
  private static final byte[] NOTES = utf8("line one\nEmployee SSN: " + SSN + "\n");

  /** Objects made in memory, streams included, so that nothing large is written to disk. */
  private record Objects(List<ScanObject> objects) implements ObjectSource {
    @Override
    public String describe() {
      return "memory";
    }

    @Override
    public void enumerate(Consumer<ScanObject> sink) {
      objects.forEach(sink);
    }
  }

  private static ScanObject object(String key, long size, ScanObject.Content content) {
    return new ScanObject("test", key, size, null, null, content, null);
  }

  private static ScanObject bytes(String key, byte[] b) {
    return object(key, b.length, () -> new ByteArrayInputStream(b));
  }

  /** Scans the objects plus a clean control file, returning results by key. */
  private static Map<String, ObjectResult> scan(ExtractionLimits limits, ScanObject... objects)
      throws IOException {
    return scan(2, limits, objects);
  }

  private static Map<String, ObjectResult> scan(
      int threads, ExtractionLimits limits, ScanObject... objects) throws IOException {
    List<ScanObject> all = new ArrayList<>(Arrays.asList(objects));
    all.add(bytes("control.txt", NOTES));
    Scanner scanner =
        Scanner.builder(Detector.of(ManagedCatalog.recommended(), List.of()))
            .threads(threads)
            .limits(limits)
            .clock(ScanFixture.CLOCK)
            .build();
    Map<String, ObjectResult> results = new TreeMap<>();
    scanner.scan(List.of(new Objects(all)), r -> results.put(r.object().key(), r));
    assertThat(results).hasSize(all.size());
    assertThat(results.get("control.txt").statusCode()).isEqualTo("COMPLETE");
    assertThat(results.get("control.txt").detections()).hasSize(1);
    return results;
  }

  private static void assertStatus(ObjectResult r, String code, String reason) {
    assertThat(r.statusCode()).as(r.object().key() + ": " + r.problem()).isEqualTo(code);
    assertThat(r.statusReason()).as(r.object().key() + ": " + r.problem()).isEqualTo(reason);
  }

  private static long ssnCount(ObjectResult r) {
    return r.detections().stream()
        .filter(d -> d.identifier().id().equals("USA_SOCIAL_SECURITY_NUMBER"))
        .mapToLong(Detection::count)
        .sum();
  }

  /** A ZIP with one entry of {@code size} zero bytes: it deflates about 1000 to 1. */
  private static byte[] zipBomb(String name, long size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      byte[] zeros = new byte[1 << 16];
      for (long n = 0; n < size; n += zeros.length) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static final ExtractionLimits SMALL_ARCHIVES =
      ExtractionLimits.DEFAULT.withArchiveLimits(10, 1000, 16 << 20, 8 << 20);

  @Test
  void zipBomb_stopsAtTheBytesActuallyInflated() throws IOException {
    byte[] bomb = zipBomb("zeros.txt", 64 << 20);
    assertThat(bomb.length).isLessThan(1 << 20);
    Map<String, byte[]> withNotes = new LinkedHashMap<>();
    withNotes.put("notes.txt", NOTES);
    withNotes.put("zeros.zip", bomb);
    withNotes.put("zeros2.zip", bomb);
    withNotes.put("zeros3.zip", bomb);
    Map<String, ObjectResult> r =
        scan(
            SMALL_ARCHIVES,
            bytes("bomb.zip", bomb),
            bytes("nested-bomb.zip", FormatFiles.zip(withNotes)));
    assertStatus(r.get("bomb.zip"), "PARTIAL", "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT");
    ObjectResult nested = r.get("nested-bomb.zip");
    assertStatus(nested, "PARTIAL", "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT");
    // What was extracted before the limit is still reported.
    assertThat(ssnCount(nested)).isEqualTo(1);
  }

  @Test
  void nestedZipBomb_totalLimitAcrossManyFilesUnderThePerFileLimit() throws IOException {
    byte[] bomb = zipBomb("zeros.txt", 6 << 20); // under the 8 MB per-file limit
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      many.put("b" + i + ".zip", bomb);
    }
    Map<String, ObjectResult> r = scan(SMALL_ARCHIVES, bytes("many.zip", FormatFiles.zip(many)));
    assertStatus(r.get("many.zip"), "PARTIAL", "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT");
  }

  private static byte[] nestedZips(int levels) throws IOException {
    byte[] inner = FormatFiles.zip(Map.of("notes.txt", NOTES));
    for (int level = 2; level <= levels; level++) {
      inner = FormatFiles.zip(Map.of("level" + level + ".zip", inner));
    }
    return inner;
  }

  @Test
  void nesting_tenLevelsAreRead_elevenAreOverTheLimit() throws IOException {
    Map<String, ObjectResult> r =
        scan(
            ExtractionLimits.DEFAULT,
            bytes("ten.zip", nestedZips(10)),
            bytes("eleven.zip", nestedZips(11)));
    assertStatus(r.get("ten.zip"), "COMPLETE", null);
    assertThat(ssnCount(r.get("ten.zip"))).isEqualTo(1);
    Location.Embedded at =
        (Location.Embedded) r.get("ten.zip").detections().get(0).locations().get(0);
    assertThat(at.file().filePath())
        .startsWith("level10.zip/level9.zip/")
        .endsWith("level2.zip/notes.txt");
    assertStatus(r.get("eleven.zip"), "PARTIAL", "ARCHIVE_NESTING_LEVEL_OVER_LIMIT");
    assertThat(ssnCount(r.get("eleven.zip"))).isZero();
  }

  @Test
  void fileCount_overTheLimit() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      files.put("f" + i + ".txt", utf8("file " + i));
    }
    ExtractionLimits twenty = ExtractionLimits.DEFAULT.withArchiveLimits(10, 20, 1 << 30, 1 << 30);
    Map<String, ObjectResult> r =
        scan(
            twenty,
            bytes("thirty.zip", FormatFiles.zip(files)),
            bytes("ten.tar", FormatFiles.tar(Map.of("a.txt", NOTES))));
    assertStatus(r.get("thirty.zip"), "PARTIAL", "ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT");
    assertStatus(r.get("ten.tar"), "COMPLETE", null);
  }

  @Test
  void sizeQuotas_overQuotaIsNotAnalysedAtAll() throws IOException {
    ExtractionLimits tiny = ExtractionLimits.DEFAULT.withSizeQuotas(1000);
    byte[] big = utf8("SSN " + SSN + "\n" + "x".repeat(2000));
    byte[] noise = new byte[4000];
    new Random(7).nextBytes(noise); // incompressible: the ZIP itself is over the quota
    byte[] zip = FormatFiles.zip(Map.of("big.txt", big, "filler.bin", noise));
    Map<String, ObjectResult> r =
        scan(
            tiny,
            bytes("big.txt", big),
            // size unknown up front: the quota is enforced while reading, and what was found is
            // dropped
            object("unknown-size.txt", -1, () -> new ByteArrayInputStream(big)),
            bytes("big.zip", zip));
    assertStatus(r.get("big.txt"), "SKIPPED", "FILE_EXCEEDS_SIZE_LIMIT");
    assertStatus(r.get("unknown-size.txt"), "SKIPPED", "FILE_EXCEEDS_SIZE_LIMIT");
    assertThat(r.get("unknown-size.txt").detections()).isEmpty();
    assertStatus(r.get("big.zip"), "SKIPPED", "ARCHIVE_EXCEEDS_SIZE_LIMIT");
  }

  /**
   * Generates one line of {@code length} bytes ending with a keyword and the SSN, without storing
   * it.
   */
  private static InputStream oneLine(long length) {
    byte[] tail = utf8(" SSN " + SSN);
    byte[] filler = utf8("lorem ipsum dolor sit amet ");
    return new InputStream() {
      private long pos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= length) {
          return -1;
        }
        int n = (int) Math.min(len, length - pos);
        long tailStart = length - tail.length;
        for (int i = 0; i < n; i++, pos++) {
          b[off + i] =
              pos >= tailStart
                  ? tail[(int) (pos - tailStart)]
                  : filler[(int) (pos % filler.length)];
        }
        return n;
      }
    };
  }

  @Test
  void oneEnormousLine_isStreamedInBoundedMemory() throws IOException {
    long length = 300L << 20; // 300 MB in one line, under a 512 MB heap
    Map<String, ObjectResult> r =
        scan(ExtractionLimits.DEFAULT, object("one-line.txt", length, () -> oneLine(length)));
    ObjectResult line = r.get("one-line.txt");
    assertStatus(line, "COMPLETE", null);
    assertThat(line.sizeClassified()).isEqualTo(length);
    assertThat(line.detections().get(0).locations())
        .containsExactly(new Location.Line(1, 1, length - SSN.length() + 1));
  }

  @Test
  void brokenFiles_endAsMalformed() throws IOException {
    byte[] gz = FormatFiles.gzip(NOTES);
    byte[] truncatedGz = Arrays.copyOf(gz, gz.length / 2);
    byte[] pdf = FormatFiles.pdf(List.of("Employee SSN: " + SSN), null);
    byte[] corruptPdf = Arrays.copyOf(pdf, 40);
    byte[] encryptedPdf = FormatFiles.pdf(List.of("Employee SSN: " + SSN), "secret");
    byte[] corruptXlsx = utf8("PK\u0003\u0004 not really a workbook");
    Map<String, ObjectResult> r =
        scan(
            ExtractionLimits.DEFAULT,
            bytes("truncated.txt.gz", truncatedGz),
            bytes("corrupt.pdf", corruptPdf),
            bytes("encrypted.pdf", encryptedPdf),
            bytes("corrupt.xlsx", corruptXlsx),
            bytes("corrupt.avro", utf8("Obj\u0001 garbage")),
            bytes("corrupt.parquet", utf8("PAR1 garbage PAR1")));
    for (String key :
        List.of(
            "truncated.txt.gz",
            "corrupt.pdf",
            "encrypted.pdf",
            "corrupt.xlsx",
            "corrupt.avro",
            "corrupt.parquet")) {
      assertStatus(r.get(key), "SKIPPED", "MALFORMED_FILE");
      assertThat(r.get(key).detections()).as(key).isEmpty();
    }
  }

  /** Sets the "encrypted" flag of every entry, as a ZipCrypto archive has it. */
  private static byte[] markEncrypted(byte[] zip, String name) {
    byte[] out = zip.clone();
    byte[] n = utf8(name);
    for (int i = 0; i + 4 < out.length; i++) {
      boolean local = out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 3 && out[i + 3] == 4;
      boolean central = out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 1 && out[i + 3] == 2;
      int nameAt = local ? i + 30 : i + 46;
      if ((local || central)
          && nameAt + n.length <= out.length
          && Arrays.equals(out, nameAt, nameAt + n.length, n, 0, n.length)) {
        out[local ? i + 6 : i + 8] |= 1;
      }
    }
    return out;
  }

  @Test
  void encryptedZipEntry_isUnprocessed_theRestIsRead() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("secret.txt", NOTES);
    files.put("open.txt", NOTES);
    byte[] zip = markEncrypted(FormatFiles.storedZip(files), "secret.txt");
    Map<String, ObjectResult> r = scan(ExtractionLimits.DEFAULT, bytes("encrypted.zip", zip));
    ObjectResult encrypted = r.get("encrypted.zip");
    assertStatus(encrypted, "PARTIAL", "ARCHIVE_CONTAINS_UNPROCESSED_FILES");
    assertThat(encrypted.problem()).contains("secret.txt").contains("encrypted");
    assertThat(ssnCount(encrypted)).isEqualTo(1);
  }

  @Test
  void unsupportedOrMalformedMembers_makeTheArchivePartial() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("photo.png", FormatFiles.png());
    files.put("broken.json", utf8("{\"ssn\": "));
    files.put("notes.txt", NOTES);
    Map<String, ObjectResult> r =
        scan(ExtractionLimits.DEFAULT, bytes("mixed.zip", FormatFiles.zip(files)));
    assertStatus(r.get("mixed.zip"), "PARTIAL", "ARCHIVE_CONTAINS_UNPROCESSED_FILES");
    assertThat(r.get("mixed.zip").problem()).startsWith("2 file(s) not analysed");
    assertThat(ssnCount(r.get("mixed.zip"))).isEqualTo(1);
  }

  @Test
  void pathLikeEntryNames_areLabelsOnly_nothingIsWrittenToDisk(@TempDir Path dir)
      throws IOException {
    String escape = "../../assay-escape-" + ProcessHandle.current().pid() + ".txt";
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(escape, NOTES);
    files.put("/etc/assay-absolute-" + ProcessHandle.current().pid() + ".txt", NOTES);
    byte[] zip = FormatFiles.zip(files);
    byte[] tar = FormatFiles.tar(files);
    Map<String, ObjectResult> r =
        scan(ExtractionLimits.DEFAULT, bytes("slip.zip", zip), bytes("slip.tar", tar));
    for (String key : List.of("slip.zip", "slip.tar")) {
      assertStatus(r.get(key), "COMPLETE", null);
      Location.Embedded at = (Location.Embedded) r.get(key).detections().get(0).locations().get(0);
      assertThat(at.file().filePath()).isEqualTo(escape);
    }
    assertThat(Path.of(escape)).doesNotExist();
    assertThat(Path.of(System.getProperty("java.io.tmpdir")).resolve(escape).normalize())
        .doesNotExist();
    assertThat(Path.of("/etc/assay-absolute-" + ProcessHandle.current().pid() + ".txt"))
        .doesNotExist();
    try (var files2 = Files.list(dir)) {
      assertThat(files2).isEmpty();
    }
  }

  /**
   * A read that never returns (until {@code release}) and ignores interrupts: the worst a parser or
   * a source can do.
   */
  private static ScanObject.Content hangingUntil(CountDownLatch release) {
    return () ->
        new InputStream() {
          @Override
          public int read() {
            while (release.getCount() > 0) {
              try {
                release.await();
              } catch (InterruptedException e) {
                // ignored on purpose
              }
            }
            return -1;
          }
        };
  }

  @Test
  void parserHang_endsAsTimeCutOff_andTheScanGoesOn() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    ScanObject.Content hangs = hangingUntil(release);
    // A stream that trickles forever: stopped by the cancellation its reads poll.
    ScanObject.Content endless =
        () ->
            new InputStream() {
              @Override
              public int read() {
                return 'a';
              }

              @Override
              public int read(byte[] b, int off, int len) {
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                Arrays.fill(b, off, off + Math.min(len, 64), (byte) 'a');
                return Math.min(len, 64);
              }
            };
    ExtractionLimits twoSeconds = ExtractionLimits.DEFAULT.withPerObjectTime(Duration.ofSeconds(2));
    try {
      Map<String, ObjectResult> r =
          scan(
              twoSeconds,
              object("hangs.txt", -1, hangs),
              object("endless.txt", -1, endless),
              bytes("after.txt", NOTES));
      assertStatus(r.get("hangs.txt"), "PARTIAL", "TIME_CUT_OFF_REACHED");
      assertStatus(r.get("endless.txt"), "PARTIAL", "TIME_CUT_OFF_REACHED");
      assertStatus(r.get("after.txt"), "COMPLETE", null);
      assertThat(ssnCount(r.get("after.txt"))).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  @Timeout(
      value = 60,
      threadMode =
          Timeout.ThreadMode.SEPARATE_THREAD) // without a new worker the scan waits for ever
  void hungObjects_doNotTakeTheOnlyWorker() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    ScanObject.Content hangs = hangingUntil(release);
    ExtractionLimits oneSecond = ExtractionLimits.DEFAULT.withPerObjectTime(Duration.ofSeconds(1));
    try {
      // One worker, and two objects that each hold theirs for ever: the rest is still scanned only
      // if the watchdog puts a new worker in the place of each one it gives up on.
      Map<String, ObjectResult> r =
          scan(
              1,
              oneSecond,
              object("hangs-1.txt", -1, hangs),
              object("hangs-2.txt", -1, hangs),
              bytes("after.txt", NOTES));
      assertStatus(r.get("hangs-1.txt"), "PARTIAL", "TIME_CUT_OFF_REACHED");
      assertStatus(r.get("hangs-2.txt"), "PARTIAL", "TIME_CUT_OFF_REACHED");
      assertStatus(r.get("after.txt"), "COMPLETE", null);
      assertThat(ssnCount(r.get("after.txt"))).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }
}
