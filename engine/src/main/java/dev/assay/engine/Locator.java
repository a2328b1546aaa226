package dev.assay.engine;

import dev.assay.engine.extract.Segment;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * Maps char offsets in one segment to Macie locations. For text, line ends are indexed on first
 * use, so a segment with many matches costs one pass plus a binary search per match. Offsets are
 * UTF-16 char offsets into the segment text, 0-based, end exclusive. Not thread-safe: one per
 * segment.
 */
public final class Locator {
  private final Segment segment;
  private int[]
      lineStarts; // offsets at which a new line begins (after each line end), lineCount of them
  private int lineCount;

  public Locator(Segment segment) {
    this.segment = segment;
  }

  public Location locate(int start, int end) {
    Segment.Origin origin = segment.origin();
    if (origin instanceof Segment.InFile f) {
      return new Location.Embedded(f.file(), locate(f.at(), start, end));
    }
    return locate(origin, start, end);
  }

  private Location locate(Segment.Origin origin, int start, int end) {
    if (origin instanceof Segment.CellAt c) {
      return new Location.Cell(c.row(), c.column(), c.columnName(), c.cellReference());
    }
    if (origin instanceof Segment.RecordAt r) {
      return new Location.Record(r.recordIndex(), r.jsonPath());
    }
    Segment.TextAt t = (Segment.TextAt) origin;
    if (t.page() > 0) {
      return new Location.Page(t.page());
    }
    int startLines = linesBefore(start);
    int endLines = linesBefore(Math.max(start, end - 1));
    long column = startLines == 0 ? t.column() + start : start - lineStarts[startLines - 1] + 1;
    return new Location.Line(t.line() + startLines, t.line() + endLines, column);
  }

  /** How many line ends there are before {@code offset}. */
  private int linesBefore(int offset) {
    if (lineStarts == null) {
      index(segment.text());
    }
    int i = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Fills {@link #lineStarts} and {@link #lineCount} from the text's line ends. */
  private void index(CharSequence text) {
    // A text window is read in its own array (measured: through CharBuffer.charAt, a tenth of a
    // scan of log lines dense with matches went to this index); other texts (cells, values) are
    // short and copied.
    char[] chars;
    int offset;
    if (text instanceof CharBuffer buffer && buffer.hasArray()) {
      chars = buffer.array();
      offset = buffer.arrayOffset() + buffer.position();
    } else {
      chars = text.toString().toCharArray();
      offset = 0;
    }
    // Sized for lines of 64 chars, so that a log window grows it once or not at all.
    int[] starts = new int[Math.max(16, text.length() >>> 6)];
    int n = 0;
    int end = offset + text.length();
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      // One test that rarely passes (most chars are above '\r'), then the exact one.
      if (c <= '\r' && (c == '\n' || (c == '\r' && (i + 1 >= end || chars[i + 1] != '\n')))) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1 - offset;
      }
    }
    lineStarts = starts;
    lineCount = n;
  }
}
