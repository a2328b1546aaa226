package dev.assay.engine.extract;

import java.io.Reader;

/**
 * A reader of a string that hands over at most {@code chunk} chars a call, as a slow stream does.
 */
final class ChunkedReader extends Reader {
  private final String text;
  private final int chunk;
  private int pos;

  ChunkedReader(String text, int chunk) {
    this.text = text;
    this.chunk = chunk;
  }

  @Override
  public int read(char[] buf, int off, int len) {
    if (pos >= text.length()) {
      return -1;
    }
    int n = Math.min(Math.min(len, chunk), text.length() - pos);
    text.getChars(pos, pos + n, buf, off);
    pos += n;
    return n;
  }

  @Override
  public void close() {}
}
