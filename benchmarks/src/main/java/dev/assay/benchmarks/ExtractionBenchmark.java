package dev.assay.benchmarks;

import dev.assay.engine.extract.Extraction;
import dev.assay.engine.extract.ExtractionLimits;
import dev.assay.engine.extract.Segment;
import dev.assay.engine.source.ScanObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction throughput per format: one generated file of each format (about 4 MB of records where
 * the format allows, fewer pages for PDF and Word) is extracted whole, without detection. Each
 * invocation checks its answer: the planted marker value must be found, in the segments' own
 * regions, exactly as many times as it was planted.
 *
 * <p>MB/s = ops/s × the file size printed at setup ({@code size=... bytes}).
 *
 * <p>Run: {@code ./mvnw -o -q -pl benchmarks -am package -DskipTests} then {@code java -jar
 * benchmarks/target/benchmarks.jar ExtractionBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(time = 2)
@Measurement(time = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
public class ExtractionBenchmark {
  private static final String MARKER = "512-23-4411";

  @Param({"txt", "csv", "json", "jsonl", "pdf", "docx", "xlsx", "avro", "parquet", "zip", "tar.gz"})
  public String format;

  private byte[] bytes;
  private int planted;
  private Extraction extraction;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    extraction = new Extraction(1 << 20, 1024, 9216, ExtractionLimits.DEFAULT);
    int rows = 60_000;
    switch (format) {
      case "txt" -> bytes = utf8(lines(rows));
      case "csv" -> bytes = utf8(csv(rows));
      case "json" -> bytes = utf8(json(rows));
      case "jsonl" -> bytes = utf8(jsonl(rows));
      case "pdf" -> bytes = pdf(200);
      case "docx" -> bytes = docx(rows / 10);
      case "xlsx" -> bytes = xlsx(rows / 4);
      case "avro" -> bytes = avro(rows);
      case "parquet" -> bytes = parquet(rows);
      case "zip" -> bytes = zip(utf8(lines(rows)));
      case "tar.gz" -> bytes = tarGz(utf8(lines(rows)));
      default -> throw new IllegalArgumentException(format);
    }
    System.out.println("format=" + format + " size=" + bytes.length + " bytes planted=" + planted);
  }

  @Benchmark
  public long extract() throws Exception {
    long[] found = new long[1];
    ScanObject object =
        new ScanObject(
            "bench",
            "file." + format,
            bytes.length,
            null,
            null,
            () -> new ByteArrayInputStream(bytes),
            null);
    extraction.extract(object, segment -> found[0] += count(segment), () -> found[0] = 0);
    if (found[0] != planted) {
      throw new IllegalStateException(
          format + ": found " + found[0] + " markers, planted " + planted);
    }
    return found[0];
  }

  private static long count(Segment segment) {
    String text = segment.text().toString();
    long n = 0;
    for (int at = text.indexOf(MARKER, segment.reportFrom());
        at >= 0 && at < segment.reportTo();
        at = text.indexOf(MARKER, at + 1)) {
      n++;
    }
    return n;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Row i's value: the marker every 100th row, otherwise a number. */
  private String value(int i) {
    if (i % 100 == 0) {
      planted++;
      return MARKER;
    }
    return Integer.toString(1_000_000 + i);
  }

  private String lines(int rows) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      b.append("row ").append(i).append(" customer record ssn ").append(value(i)).append(" ok\n");
    }
    return b.toString();
  }

  private String csv(int rows) {
    StringBuilder b = new StringBuilder("id,name,ssn,city\n");
    for (int i = 0; i < rows; i++) {
      b.append(i).append(",name ").append(i).append(',').append(value(i)).append(",Springfield\n");
    }
    return b.toString();
  }

  private String json(int rows) {
    StringBuilder b = new StringBuilder("{\"people\": [");
    for (int i = 0; i < rows; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"id\": ")
          .append(i)
          .append(", \"name\": \"n")
          .append(i)
          .append("\", \"ssn\": \"")
          .append(value(i))
          .append("\"}");
    }
    return b.append("]}").toString();
  }

  private String jsonl(int rows) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      b.append("{\"id\": ")
          .append(i)
          .append(", \"name\": \"n")
          .append(i)
          .append("\", \"ssn\": \"")
          .append(value(i))
          .append("\"}\n");
    }
    return b.toString();
  }

  private byte[] pdf(int pages) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      int row = 0;
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.setLeading(12);
          content.newLineAtOffset(40, 750);
          for (int l = 0; l < 50; l++, row++) {
            content.showText("row " + row + " customer record ssn " + value(row) + " ok");
            content.newLine();
          }
          content.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  private byte[] docx(int paragraphs) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < paragraphs; i++) {
        doc.createParagraph()
            .createRun()
            .setText("row " + i + " customer record ssn " + value(i) + " ok");
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  private byte[] xlsx(int rows) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Data");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("id");
      header.createCell(1).setCellValue("ssn");
      for (int i = 1; i <= rows; i++) {
        Row row = sheet.createRow(i);
        row.createCell(0).setCellValue("id " + i);
        row.createCell(1).setCellValue(value(i));
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  private byte[] avro(int rows) throws IOException {
    Schema schema =
        SchemaBuilder.record("Person")
            .fields()
            .requiredLong("id")
            .requiredString("name")
            .requiredString("ssn")
            .endRecord();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataFileWriter<GenericRecord> writer =
            new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.create(schema, out);
      for (int i = 0; i < rows; i++) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("id", (long) i);
        r.put("name", "n" + i);
        r.put("ssn", value(i));
        writer.append(r);
      }
      writer.flush();
      return out.toByteArray();
    }
  }

  private byte[] parquet(int rows) throws IOException {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message Person { required int64 id; required binary name (UTF8); required binary ssn (UTF8); }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    Path file = Files.createTempFile("assay-bench", ".parquet");
    Files.delete(file);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withConf(new Configuration(false))
            .build()) {
      for (int i = 0; i < rows; i++) {
        writer.write(
            groups
                .newGroup()
                .append("id", (long) i)
                .append("name", "n" + i)
                .append("ssn", value(i)));
      }
    }
    try {
      return Files.readAllBytes(file);
    } finally {
      Files.delete(file);
    }
  }

  private static byte[] zip(byte[] text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("data/rows.txt"));
      zip.write(text);
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] tarGz(byte[] text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      TarArchiveEntry entry = new TarArchiveEntry("data/rows.txt");
      entry.setSize(text.length);
      tar.putArchiveEntry(entry);
      tar.write(text);
      tar.closeArchiveEntry();
    }
    return out.toByteArray();
  }
}
