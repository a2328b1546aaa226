package dev.assay.engine.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text bytes: a byte order mark picks UTF-8 or UTF-16, anything else is read as UTF-8 with
 * malformed bytes replaced (so a Latin-1 file keeps its ASCII digits and words). Stateless.
 */
final class TextDecoding {
  private TextDecoding() {}

  /** A reader over {@code in}, which it wraps and does not close until the reader is closed. */
  static Reader reader(InputStream in) throws IOException {
    // The caller's stream is buffered already; three bytes of push-back are enough to look for a
    // byte-order mark.
    PushbackInputStream buffered =
        new PushbackInputStream(in, 3) {
          // The decoder asks, between two reads, whether more bytes are ready without blocking; on
          // a
          // file that question costs two system calls (fstat and lseek), about 16 times a 250 KB
          // file. Answering "none" makes it return the chars it has, and the next read goes on.
          @Override
          public int available() {
            return 0;
          }
        };
    byte[] head = new byte[3];
    int n = buffered.readNBytes(head, 0, 3);
    int b0 = n > 0 ? head[0] & 0xff : -1;
    int b1 = n > 1 ? head[1] & 0xff : -1;
    int b2 = n > 2 ? head[2] & 0xff : -1;
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
      skip = 3;
    } else if (b0 == 0xfe && b1 == 0xff) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (b0 == 0xff && b1 == 0xfe) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    if (n > skip) {
      buffered.unread(head, skip, n - skip);
    }
    return new InputStreamReader(
        buffered,
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }
}
