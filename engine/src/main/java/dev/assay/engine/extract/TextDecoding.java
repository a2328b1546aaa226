package dev.assay.engine.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
    BufferedInputStream buffered = new BufferedInputStream(in, 65536);
    buffered.mark(4);
    int b0 = buffered.read();
    int b1 = buffered.read();
    int b2 = buffered.read();
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
    buffered.reset();
    for (int i = 0; i < skip; i++) {
      buffered.read();
    }
    return new InputStreamReader(
        buffered,
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
  }
}
