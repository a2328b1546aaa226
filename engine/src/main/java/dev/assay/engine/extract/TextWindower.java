package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.CharBuffer;

/**
 * Turns a stream of characters into overlapping {@link Segment}s of bounded size, so that memory
 * does not grow with the object and no match is lost at a window boundary.
 *
 * <p>Each window reports the matches that start in its own region. It keeps {@code headOverlap}
 * chars before that region (keywords that precede a match) and {@code tailOverlap} chars after it
 * (the rest of a match that starts near the end, and keywords that follow). A window is emitted
 * whenever the buffer is full, and once more at {@link #close()}.
 *
 * <p>Lines and columns are tracked so that each window knows the 1-based line and column of its
 * first char; {@code \n}, {@code \r\n} and a lone {@code \r} each end a line.
 *
 * <p>Not thread-safe: one per object being extracted. It is a {@link Writer}, so a Tika content
 * handler or a {@link Reader} can be pumped into it.
 */
public final class TextWindower extends Writer {
  private final int ownSize;
  private final int headOverlap;
  private final int tailOverlap;
  private final SegmentSink sink;
  private final long page;
  private char[] buf;
  private int filled;
  private int ownStart;
  private long line = 1;
  private long column = 1;
  private long total;
  private boolean closed;

  /**
   * @param ownSize chars each window reports (its own region)
   * @param headOverlap context kept before the own region
   * @param tailOverlap context kept after the own region
   * @param page the PDF page the text is on (1-based), or 0 when the object is not paged
   */
  public TextWindower(int ownSize, int headOverlap, int tailOverlap, long page, SegmentSink sink) {
    if (ownSize < 1 || headOverlap < 0 || tailOverlap < 0) {
      throw new IllegalArgumentException("window sizes");
    }
    this.ownSize = ownSize;
    this.headOverlap = headOverlap;
    this.tailOverlap = tailOverlap;
    this.page = page;
    this.sink = sink;
    char[] spare = SPARE.get();
    if (spare != null && spare.length <= ownSize + headOverlap + tailOverlap) {
      SPARE.set(null);
      this.buf = spare;
    } else {
      this.buf = new char[Math.min(ownSize + headOverlap + tailOverlap, 1 << 16)];
    }
  }

  /** Starts the text at the given 1-based line and column instead of 1, 1. */
  public TextWindower startingAt(long startLine, long startColumn) {
    this.line = startLine;
    this.column = startColumn;
    return this;
  }

  /** Chars written so far. */
  public long total() {
    return total;
  }

  @Override
  public void write(char[] chars, int off, int len) {
    total += len;
    while (len > 0) {
      makeRoom();
      int n = Math.min(len, buf.length - filled);
      System.arraycopy(chars, off, buf, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public void write(int c) {
    write(new char[] {(char) c}, 0, 1);
  }

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  @Override
  public void write(String s, int off, int len) {
    write(s.toCharArray(), off, len);
  }

  /** Emits a full window, or grows the buffer towards a window's size, so that it has room. */
  private void makeRoom() {
    int capacity = headOverlap + ownSize + tailOverlap;
    if (filled == capacity) {
      emit(false);
    }
    if (filled == buf.length) {
      grow(capacity);
    }
  }

  private void grow(int capacity) {
    char[] bigger = new char[Math.min(capacity, Math.max(buf.length * 2, 16))];
    System.arraycopy(buf, 0, bigger, 0, filled);
    buf = bigger;
  }

  /**
   * Pumps all of {@code reader} into this windower; does not close the reader. The reader fills the
   * window's own buffer: no chunk of its own to allocate for each object, and no copy.
   */
  public void pump(Reader reader) throws IOException {
    while (true) {
      makeRoom();
      int n = reader.read(buf, filled, buf.length - filled);
      if (n < 0) {
        return;
      }
      filled += n;
      total += n;
    }
  }

  private void emit(boolean last) {
    int ownEnd = last ? filled : Math.max(ownStart, filled - tailOverlap);
    if (ownEnd > ownStart) {
      sink.accept(
          new Segment(
              CharBuffer.wrap(buf, 0, filled),
              ownStart,
              ownEnd,
              new Segment.TextAt(line, column, page),
              FieldContext.NONE));
    }
    if (last) {
      return;
    }
    int keepFrom = Math.max(0, ownEnd - headOverlap);
    advance(0, keepFrom);
    System.arraycopy(buf, keepFrom, buf, 0, filled - keepFrom);
    filled -= keepFrom;
    ownStart = ownEnd - keepFrom;
  }

  /** Moves the line and column of buffer char 0 past {@code buf[from, to)}. */
  private void advance(int from, int to) {
    // Line ends first, in a loop whose one test rarely passes (most chars are above '\r'); then
    // the column, from the chars after the last line end.
    int lastEnd = from - 1;
    long ends = 0;
    for (int i = from; i < to; i++) {
      char c = buf[i];
      if (c <= '\r' && (c == '\n' || (c == '\r' && (i + 1 >= filled || buf[i + 1] != '\n')))) {
        ends++;
        lastEnd = i;
      }
    }
    if (ends > 0) {
      line += ends;
      column = 1;
    }
    for (int i = lastEnd + 1; i < to; i++) {
      if (buf[i] != '\r') {
        column++;
      }
    }
  }

  @Override
  public void flush() {}

  /** Emits the last window. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      emit(true);
      // Segments are handed over synchronously and not kept, so the buffer is free again: the
      // next object on this thread starts with it instead of growing a new one.
      char[] spare = SPARE.get();
      if (spare == null || spare.length < buf.length) {
        SPARE.set(buf);
      }
    }
  }

  /**
   * A buffer per thread left by a closed windower, for the next one (analysis threads take objects
   * one at a time).
   */
  private static final ThreadLocal<char[]> SPARE = new ThreadLocal<>();
}
