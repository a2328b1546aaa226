package dev.assay.engine.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides an object's {@link Format} and MIME type from its name and its first bytes, without
 * loading Tika: common text formats are recognised here so that a scan of a few text files starts
 * fast, and anything else is left to Tika. Stateless.
 */
final class FormatDetector {
  private FormatDetector() {}

  record Detected(Format format, String mimeType) {}

  private static final Map<String, Detected> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("csv", new Detected(Format.CSV, "text/csv")),
          Map.entry("tsv", new Detected(Format.TSV, "text/tab-separated-values")),
          Map.entry("tab", new Detected(Format.TSV, "text/tab-separated-values")),
          Map.entry("json", new Detected(Format.JSON, "application/json")),
          Map.entry("jsonl", new Detected(Format.JSON_LINES, "application/jsonl")),
          Map.entry("ndjson", new Detected(Format.JSON_LINES, "application/jsonl")),
          Map.entry("xml", new Detected(Format.TEXT, "application/xml")),
          Map.entry("html", new Detected(Format.TEXT, "text/html")),
          Map.entry("htm", new Detected(Format.TEXT, "text/html")),
          Map.entry("yaml", new Detected(Format.TEXT, "application/yaml")),
          Map.entry("yml", new Detected(Format.TEXT, "application/yaml")));

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /**
   * Binary formats Macie names (the formats Macie analyses), by extension: the extension wins over
   * the content.
   */
  private static final Map<String, Detected> BINARY_BY_EXTENSION =
      Map.ofEntries(
          Map.entry("pdf", new Detected(Format.PDF, "application/pdf")),
          Map.entry("doc", new Detected(Format.WORD, "application/msword")),
          Map.entry("docx", new Detected(Format.WORD, DOCX)),
          Map.entry("xls", new Detected(Format.EXCEL, "application/vnd.ms-excel")),
          Map.entry("xlsx", new Detected(Format.EXCEL, XLSX)),
          Map.entry(
              "xlsm", new Detected(Format.EXCEL, "application/vnd.ms-excel.sheet.macroenabled.12")),
          Map.entry("eml", new Detected(Format.EMAIL, "message/rfc822")),
          Map.entry("avro", new Detected(Format.AVRO, "application/avro")),
          Map.entry("parquet", new Detected(Format.PARQUET, "application/parquet")),
          Map.entry("zip", new Detected(Format.ZIP, "application/zip")),
          Map.entry("tar", new Detected(Format.TAR, "application/x-tar")),
          Map.entry("gz", new Detected(Format.GZIP, "application/gzip")),
          Map.entry("gzip", new Detected(Format.GZIP, "application/gzip")),
          Map.entry("tgz", new Detected(Format.GZIP, "application/gzip")));

  /** Other formats left to Tika: its type is reported. */
  private static final Set<String> DOCUMENT_EXTENSIONS =
      Set.of("ppt", "pptx", "odt", "ods", "odp", "rtf", "msg", "jar", "7z", "bz2", "xz", "epub");

  private static final Set<String> MEDIA_EXTENSIONS =
      Set.of(
          "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "ico", "heic", "svgz", "psd",
          "mp3", "wav", "flac", "ogg", "oga", "m4a", "aac", "wma", "mp4", "m4v", "mov", "avi",
          "mkv", "webm", "wmv", "flv", "mpg", "mpeg", "3gp");

  static Detected detect(String extension, byte[] head, int length) {
    String ext = extension.toLowerCase(Locale.ROOT);
    if (MEDIA_EXTENSIONS.contains(ext) || isMediaMagic(head, length)) {
      return new Detected(Format.MEDIA, mediaType(ext, head, length));
    }
    Detected binary = BINARY_BY_EXTENSION.get(ext);
    if (binary != null) {
      return binary;
    }
    if (DOCUMENT_EXTENSIONS.contains(ext)) {
      // Before the content: an OpenDocument or EPUB file is a ZIP too, but a document, not an
      // archive.
      return new Detected(Format.DOCUMENT, null);
    }
    Detected byMagic = byMagic(head, length);
    if (byMagic != null) {
      return byMagic;
    }
    Detected known = BY_EXTENSION.get(ext);
    if (looksLikeText(head, length)) {
      return known != null ? known : new Detected(Format.TEXT, "text/plain");
    }
    return new Detected(Format.DOCUMENT, null);
  }

  /** Binary formats recognised by their first bytes, for objects without a telling extension. */
  private static Detected byMagic(byte[] head, int length) {
    if (startsWith(head, length, '%', 'P', 'D', 'F')) {
      return BINARY_BY_EXTENSION.get("pdf");
    }
    if (startsWith(head, length, 'P', 'K', 3, 4) || startsWith(head, length, 'P', 'K', 5, 6)) {
      // Office Open XML is a ZIP too: its parts name the application.
      String names = new String(head, 0, length, StandardCharsets.ISO_8859_1);
      if (names.contains("[Content_Types].xml") || names.contains("_rels/.rels")) {
        if (names.contains("xl/")) {
          return BINARY_BY_EXTENSION.get("xlsx");
        }
        if (names.contains("word/")) {
          return BINARY_BY_EXTENSION.get("docx");
        }
        return new Detected(Format.DOCUMENT, null);
      }
      if (isPackagedDocument(head, length)) {
        return new Detected(Format.DOCUMENT, null);
      }
      return BINARY_BY_EXTENSION.get("zip");
    }
    if (startsWith(head, length, 0x1f, 0x8b)) {
      return BINARY_BY_EXTENSION.get("gz");
    }
    if (startsWith(head, length, 'O', 'b', 'j', 1)) {
      return BINARY_BY_EXTENSION.get("avro");
    }
    if (startsWith(head, length, 'P', 'A', 'R', '1')) {
      return BINARY_BY_EXTENSION.get("parquet");
    }
    if (length > 262
        && head[257] == 'u'
        && head[258] == 's'
        && head[259] == 't'
        && head[260] == 'a'
        && head[261] == 'r') {
      return BINARY_BY_EXTENSION.get("tar");
    }
    if (startsWith(head, length, 0xd0, 0xcf, 0x11, 0xe0)
        || startsWith(head, length, '{', '\\', 'r', 't', 'f')) {
      return new Detected(Format.DOCUMENT, null); // OLE2 without a telling name, RTF: Tika decides
    }
    return null;
  }

  /**
   * OpenDocument and EPUB: a ZIP whose first entry, stored, is named {@code mimetype} and holds the
   * document's type (OASIS ODF 1.2 part 3 §3.3; EPUB OCF §4.3), so the type sits at byte 38.
   */
  private static boolean isPackagedDocument(byte[] head, int length) {
    if (length < 38 + 20) {
      return false;
    }
    String start = new String(head, 30, Math.min(length, 120) - 30, StandardCharsets.ISO_8859_1);
    return start.startsWith("mimetypeapplication/vnd.oasis.opendocument.")
        || start.startsWith("mimetypeapplication/epub+zip");
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMediaMagic(byte[] head, int length) {
    return startsWith(head, length, 0x89, 'P', 'N', 'G')
        || startsWith(head, length, 0xff, 0xd8, 0xff)
        || startsWith(head, length, 'G', 'I', 'F', '8')
        || startsWith(head, length, 'I', 'D', '3')
        || (length > 12
            && startsWith(head, length, 'R', 'I', 'F', 'F')
            && head[8] == 'W'
            && head[9] == 'E')
        || (length > 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p');
  }

  private static String mediaType(String ext, byte[] head, int length) {
    if (startsWith(head, length, 0x89, 'P', 'N', 'G') || ext.equals("png")) {
      return "image/png";
    }
    if (startsWith(head, length, 0xff, 0xd8, 0xff) || ext.equals("jpg") || ext.equals("jpeg")) {
      return "image/jpeg";
    }
    if (startsWith(head, length, 'G', 'I', 'F', '8') || ext.equals("gif")) {
      return "image/gif";
    }
    return "application/octet-stream";
  }

  /**
   * Whether the head looks like text: a UTF-16 byte order mark, or no NUL byte and few control
   * characters other than tab, line ends and form feed.
   */
  static boolean looksLikeText(byte[] head, int length) {
    if (startsWith(head, length, 0xfe, 0xff) || startsWith(head, length, 0xff, 0xfe)) {
      return true;
    }
    int control = 0;
    for (int i = 0; i < length; i++) {
      int b = head[i] & 0xff;
      if (b == 0) {
        return false;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    return control * 20 <= length;
  }
}
