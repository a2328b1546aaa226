package dev.assay.engine.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Extracts an RFC 822 message (.eml) with mime4j as one text, reported as {@code lineRanges}
 * (Macie's location structure per file type). The text is the message as we render it: each message
 * header as {@code Name: value} (encoded words decoded), a blank line, then every part in order:
 * text parts decoded by their transfer encoding and charset, other attachments as the text Tika
 * extracts from them. Line numbers count lines of that rendering, which equal the file's own lines
 * for a plain single-part message. Headers of body parts (Content-Type and such) are not rendered.
 *
 * <p>Stateless. Consumes but does not close the stream.
 */
final class EmailExtractor {
  private EmailExtractor() {}

  static void extract(InputStream in, TextWindower text) throws IOException, ExtractionException {
    MimeConfig config =
        new MimeConfig.Builder()
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .build();
    MimeStreamParser parser = new MimeStreamParser(config);
    parser.setContentDecoding(true);
    parser.setContentHandler(
        new AbstractContentHandler() {
          private boolean messageStarted;
          private boolean inMessageHeader;

          @Override
          public void startMessage() {
            messageStarted = true;
          }

          @Override
          public void startHeader() {
            inMessageHeader = messageStarted;
            messageStarted = false;
          }

          @Override
          public void field(Field field) {
            if (inMessageHeader) {
              String body = DecoderUtil.decodeEncodedWords(field.getBody(), DecodeMonitor.SILENT);
              text.write(
                  field.getName() + ": " + body.replace("\r\n", " ").replace('\n', ' ') + "\n");
            }
          }

          @Override
          public void endHeader() {
            if (inMessageHeader) {
              text.write("\n");
              inMessageHeader = false;
            }
          }

          @Override
          public void body(BodyDescriptor body, InputStream content) throws IOException {
            String type =
                body.getMimeType() == null
                    ? "text/plain"
                    : body.getMimeType().toLowerCase(Locale.ROOT);
            if (type.startsWith("text/")) {
              try (Reader reader = new InputStreamReader(content, charset(body.getCharset()))) {
                text.pump(reader);
              }
            } else {
              try {
                TikaExtractor.extract(content, "attachment", text);
              } catch (ExtractionException e) {
                // An attachment that cannot be read leaves the rest of the message analysed.
              }
            }
            text.write("\n");
          }
        });
    try {
      parser.parse(in);
    } catch (MimeException e) {
      throw ExtractionException.skipped(
          "MALFORMED_FILE", "cannot parse as an email message: " + e.getMessage(), e);
    }
  }

  private static Charset charset(String name) {
    try {
      return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.ISO_8859_1;
    }
  }
}
