package dev.assay.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
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
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes real files of each format Macie analyses, for tests, with the writers of the libraries we
 * read them with (PDFBox, POI, Avro, Parquet, java.util.zip, commons-compress). Each holds the test
 * SSN {@value #SSN} next to a keyword, in a known place.
 */
public final class FormatFiles {
  /** A valid-looking SSN used only in tests (as in the identifier's own examples). */
  public static final String SSN = "512-23-4411";

  private FormatFiles() {}

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A PDF with one line of text per page. */
  public static byte[] pdf(List<String> pages, String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          content.newLineAtOffset(50, 700);
          content.showText(text);
          content.endText();
        }
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy(
                "owner-" + userPassword, userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  public static byte[] docx(List<String> paragraphs) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  /**
   * An OpenDocument text (.odt) as office suites write one: a ZIP whose first entry, stored, is
   * {@code mimetype}, then the content, the manifest and a thumbnail image.
   */
  public static byte[] odt(List<String> paragraphs) throws IOException {
    StringBuilder content =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text>");
    for (String p : paragraphs) {
      content.append("<text:p>").append(p).append("</text:p>");
    }
    content.append("</office:text></office:body></office:document-content>");
    String manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest"
            + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
            + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
            + "</manifest:manifest>";
    Map<String, byte[]> rest = new LinkedHashMap<>();
    rest.put("content.xml", utf8(content.toString()));
    rest.put("META-INF/manifest.xml", utf8(manifest));
    rest.put("Thumbnails/thumbnail.png", png());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] type = utf8("application/vnd.oasis.opendocument.text");
      ZipEntry mimetype = new ZipEntry("mimetype");
      mimetype.setMethod(ZipEntry.STORED);
      mimetype.setSize(type.length);
      CRC32 crc = new CRC32();
      crc.update(type);
      mimetype.setCrc(crc.getValue());
      zip.putNextEntry(mimetype);
      zip.write(type);
      zip.closeEntry();
      for (Map.Entry<String, byte[]> e : rest.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A file kept in the test resources (see {@code formats/README.md} there), as bytes. */
  public static byte[] resource(String name) throws IOException {
    try (InputStream in = FormatFiles.class.getResourceAsStream("/formats/" + name)) {
      if (in == null) {
        throw new IOException("no test resource formats/" + name);
      }
      return in.readAllBytes();
    }
  }

  /** A workbook: sheet name to rows of cell values (null leaves a cell empty). */
  public static byte[] workbook(boolean xlsx, Map<String, List<List<String>>> sheets)
      throws IOException {
    try (Workbook book = xlsx ? new SXSSFWorkbook() : new HSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (Map.Entry<String, List<List<String>>> s : sheets.entrySet()) {
        Sheet sheet = book.createSheet(s.getKey());
        List<List<String>> rows = s.getValue();
        for (int r = 0; r < rows.size(); r++) {
          if (rows.get(r) == null) {
            continue;
          }
          Row row = sheet.createRow(r);
          for (int c = 0; c < rows.get(r).size(); c++) {
            String v = rows.get(r).get(c);
            if (v != null) {
              row.createCell(c).setCellValue(v);
            }
          }
        }
      }
      book.write(out);
      if (book instanceof SXSSFWorkbook streaming) {
        streaming.close();
      }
      return out.toByteArray();
    }
  }

  /**
   * Sheets for {@link #workbook}: the SSN is at Sheet1!B2 (column "SSN") and Staff!C5 ("Tax id").
   */
  public static Map<String, List<List<String>>> staffSheets() {
    Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
    sheets.put("Sheet1", List.of(List.of("Name", "SSN"), List.of("Ana", SSN)));
    sheets.put(
        "Staff",
        List.of(
            List.of("Id", "Name", "SSN number"),
            List.of("1", "Bo", "n/a"),
            List.of("2", "Cy", "n/a"),
            List.of("3", "Di", "n/a"),
            List.of("4", "Ed", SSN)));
    return sheets;
  }

  /** A multipart message: the SSN is in the Subject, the body and a base64 text attachment. */
  public static byte[] eml() {
    String attachment =
        Base64.getMimeEncoder().encodeToString(utf8("Attached record\nssn " + SSN + "\n"));
    return utf8(
        "From: hr@example.com\r\n"
            + "To: payroll@example.com\r\n"
            + "Subject: SSN "
            + SSN
            + " for onboarding\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
            + "\r\n"
            + "--b1\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "\r\n"
            + "Hello,\r\n"
            + "her SSN is "
            + SSN
            + ".\r\n"
            + "--b1\r\n"
            + "Content-Type: text/plain; name=\"record.txt\"\r\n"
            + "Content-Disposition: attachment; filename=\"record.txt\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + attachment
            + "\r\n"
            + "--b1--\r\n");
  }

  /**
   * Avro records {name, ssn, tags[]}: the SSN is in record 1, {@code $.ssn}, and in its tags[1].
   */
  public static byte[] avro() throws IOException {
    Schema schema =
        SchemaBuilder.record("Person")
            .fields()
            .requiredString("name")
            .requiredString("ssn")
            .name("tags")
            .type()
            .array()
            .items()
            .stringType()
            .noDefault()
            .endRecord();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataFileWriter<GenericRecord> writer =
            new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.create(schema, out);
      for (int i = 0; i < 3; i++) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("name", "person " + i);
        r.put("ssn", i == 1 ? SSN : "none");
        r.put("tags", i == 1 ? List.of("x", "ssn " + SSN) : List.of());
        writer.append(r);
      }
      writer.flush();
      return out.toByteArray();
    }
  }

  /** Parquet with the same records as {@link #avro()}. */
  public static void parquet(Path file) throws IOException {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message Person { required binary name (UTF8); required binary ssn (UTF8); repeated binary tags (UTF8); }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withConf(new Configuration(false))
            .build()) {
      for (int i = 0; i < 3; i++) {
        Group g =
            groups.newGroup().append("name", "person " + i).append("ssn", i == 1 ? SSN : "none");
        if (i == 1) {
          g.append("tags", "x").append("tags", "ssn " + SSN);
        }
        writer.write(g);
      }
    }
  }

  /** A ZIP of name to bytes, in order. */
  public static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /**
   * A ZIP whose entries are stored with their sizes and CRC in the local headers (no data
   * descriptors), as archivers write files they can seek back into.
   */
  public static byte[] storedZip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(e.getValue().length);
        entry.setCompressedSize(e.getValue().length);
        CRC32 crc = new CRC32();
        crc.update(e.getValue());
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  public static byte[] tar(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  public static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  /** The smallest PNG header: enough to be recognised as an image. */
  public static byte[] png() {
    return new byte[] {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
  }

  public static void write(Path dir, String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
