package dev.assay.engine.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Extracts the text of documents Tika parses (office files, PDF, email, archives) as line-located
 * text. Tika is loaded on first use only, so that scans of plain text start fast.
 *
 * <p>The shared parser is thread-safe (Tika's AutoDetectParser is); each call uses its own handler
 * and context. Consumes but does not close the stream.
 */
final class TikaExtractor {
  private TikaExtractor() {}

  /** Holder idiom: the parser (and Tika's configuration) is built on first use. */
  private static final class Holder {
    static final AutoDetectParser PARSER = new AutoDetectParser();
  }

  /**
   * Parses {@code in} into {@code text}, returning the detected MIME type.
   *
   * @throws ExtractionException SKIPPED with UNSUPPORTED_FILE_TYPE_EXCEPTION for media and unknown
   *     binary types, MALFORMED_FILE for documents Tika cannot parse or that are encrypted
   */
  static String extract(InputStream in, String fileName, TextWindower text)
      throws IOException, ExtractionException {
    AutoDetectParser parser = Holder.PARSER;
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    ParseContext context = new ParseContext();
    context.set(
        Parser.class, parser); // parse embedded documents (attachments, archive entries) too
    try {
      parser.parse(in, new BodyContentHandler(text), metadata, context);
    } catch (EncryptedDocumentException e) {
      throw ExtractionException.skipped(
          "MALFORMED_FILE", "encrypted document; no password to open it", e);
    } catch (TikaException | SAXException e) {
      String type = mimeType(metadata);
      if (isUnsupported(type)) {
        throw ExtractionException.skipped(
            "UNSUPPORTED_FILE_TYPE_EXCEPTION", "unsupported type " + type);
      }
      throw ExtractionException.skipped(
          "MALFORMED_FILE", "cannot parse as " + type + ": " + rootMessage(e), e);
    }
    String type = mimeType(metadata);
    if (isUnsupported(type) || (type.equals("application/octet-stream") && text.total() == 0)) {
      throw ExtractionException.skipped(
          "UNSUPPORTED_FILE_TYPE_EXCEPTION", "unsupported type " + type);
    }
    return type;
  }

  private static boolean isUnsupported(String type) {
    return type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/");
  }

  private static String mimeType(Metadata metadata) {
    String type = metadata.get(Metadata.CONTENT_TYPE);
    if (type == null) {
      return "application/octet-stream";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }
}
