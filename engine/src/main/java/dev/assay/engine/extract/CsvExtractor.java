package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV or TSV (RFC 4180 quoting: fields in double quotes may hold delimiters and line breaks,
 * {@code ""} is a quote) and emits each cell as its own segment, with its 1-based row and column
 * and the column's header name, which Macie's proximity rule treats as near every value in the
 * column. The header row's cells are emitted as text at their line and column, since Macie reports
 * a hit in a column name in {@code lineRanges}.
 *
 * <p>Not thread-safe: one per object.
 */
final class CsvExtractor {
  /** Cells longer than this are cut: a CSV cell is a value, and memory must stay bounded. */
  static final int MAX_CELL_CHARS = 1 << 20;

  private final char delimiter;

  CsvExtractor(char delimiter) {
    this.delimiter = delimiter;
  }

  void extract(Reader reader, SegmentSink sink) throws IOException {
    PushbackSource in = new PushbackSource(reader);
    List<String> header = new ArrayList<>();
    List<FieldContext> fields = new ArrayList<>(); // one per column, shared by its cells
    StringBuilder cell = new StringBuilder();
    // Whether the cell is a plain one still in the reader's buffer; else it is in the builder.
    boolean direct = false;
    long row = 1;
    long column = 1;
    long line = 1;
    long lineStartOffset = 0;
    long cellLine = 1;
    long cellColumn = 1;
    boolean quoted = false;
    boolean cellStarted = false;
    boolean rowHasContent = false;
    int c;
    while (true) {
      c = in.read();
      if (c < 0) {
        if (cellStarted || cell.length() > 0 || rowHasContent) {
          emitPending(sink, in, direct, cell, header, fields, row, column, cellLine, cellColumn);
        }
        return;
      }
      if (quoted) {
        if (c == '"') {
          int next = in.read();
          if (next == '"') {
            append(cell, '"');
          } else {
            quoted = false;
            in.unread(next);
          }
        } else {
          if (c == '\n' || (c == '\r' && in.peek() != '\n')) {
            line++;
            lineStartOffset = in.offset();
          }
          append(cell, (char) c);
          in.copyRun(cell, '"', '\r', '\n');
        }
        continue;
      }
      if (c == '"' && !cellStarted) {
        quoted = true;
        cellStarted = true;
        cellLine = line;
        cellColumn = in.offset() - lineStartOffset + 1; // the value starts after the quote
        continue;
      }
      if (c == delimiter) {
        if (!cellStarted) {
          cellLine = line;
          cellColumn = in.offset() - lineStartOffset;
        }
        emitPending(sink, in, direct, cell, header, fields, row, column, cellLine, cellColumn);
        cell.setLength(0);
        direct = false;
        column++;
        cellStarted = false;
        rowHasContent = true;
        continue;
      }
      if (c == '\r' || c == '\n') {
        // The cell first: a peek past the buffer's end refills it, and a plain cell is there.
        if (cellStarted || cell.length() > 0 || rowHasContent) {
          emitPending(sink, in, direct, cell, header, fields, row, column, cellLine, cellColumn);
          row++;
        }
        if (c == '\r' && in.peek() == '\n') {
          in.read();
        }
        cell.setLength(0);
        direct = false;
        column = 1;
        cellStarted = false;
        rowHasContent = false;
        line++;
        lineStartOffset = in.offset();
        continue;
      }
      if (!cellStarted) {
        cellStarted = true;
        cellLine = line;
        cellColumn = in.offset() - lineStartOffset;
        // Most cells are plain and end in the buffer: handed over from there, not appended to a
        // builder and copied from it.
        direct = in.plainCell(delimiter, '\r', '\n');
        if (direct) {
          continue;
        }
      }
      append(cell, (char) c);
      in.copyRun(cell, delimiter, '\r', '\n');
    }
  }

  /** Emits the cell just ended: the plain one in {@code in}'s buffer, or else {@code cell}'s. */
  private static void emitPending(
      SegmentSink sink,
      PushbackSource in,
      boolean direct,
      StringBuilder cell,
      List<String> header,
      List<FieldContext> fields,
      long row,
      long column,
      long line,
      long lineColumn) {
    if (row == 1) {
      String value = direct ? in.cellString() : cell.toString();
      header.add(value);
      fields.add(value.isEmpty() ? FieldContext.NONE : FieldContext.of(value));
      if (!value.isEmpty()) {
        sink.accept(
            Segment.whole(value, new Segment.TextAt(line, lineColumn, 0), FieldContext.NONE));
      }
      return;
    }
    if (!direct) {
      in.holdCell(cell);
    }
    if (in.cellLength == 0) {
      return;
    }
    String name = column <= header.size() ? header.get((int) column - 1) : null;
    sink.acceptCell(
        in.cellChars,
        in.cellFrom,
        in.cellLength,
        row,
        column,
        name,
        name == null ? FieldContext.NONE : fields.get((int) column - 1));
  }

  private static void append(StringBuilder cell, char c) {
    if (cell.length() < MAX_CELL_CHARS) {
      cell.append(c);
    }
  }

  /**
   * A reader with one char of pushback and a count of chars read, 1-based for the last one read.
   */
  private static final class PushbackSource {
    private final Reader reader;
    private final char[] buf = new char[16384];
    private int pos;
    private int len;
    private long offset;
    // The cell just ended: a plain one in buf, or one held from a builder in held.
    private char[] cellChars;
    private int cellFrom;
    private int cellLength;
    private char[] held = new char[64];

    PushbackSource(Reader reader) {
      this.reader = reader;
    }

    int read() throws IOException {
      if (pos == len) {
        len = reader.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return -1;
        }
      }
      offset++;
      return buf[pos++];
    }

    /**
     * Appends to {@code cell} the chars that follow in the buffer up to the first of {@code a},
     * {@code b} or {@code c} (left unread) or the buffer's end, as many {@link #read} calls and
     * appends would: a cell's plain chars cost one copy, not a call each.
     */
    void copyRun(StringBuilder cell, char a, char b, char c) {
      int i = runEnd(a, b, c);
      int n = i - pos;
      int room = MAX_CELL_CHARS - cell.length();
      if (room > 0) {
        cell.append(buf, pos, Math.min(n, room));
      }
      offset += n;
      pos = i;
    }

    /**
     * Reads the rest of the cell whose first char was just read, when the buffer holds it up to one
     * of {@code a}, {@code b} or {@code c} (left unread) and it is no longer than a cell may be,
     * and returns true: the cell is then {@code buf[cellFrom, cellFrom + cellLength)}, there until
     * the buffer is refilled, which no read does before the char left unread has been read. False
     * otherwise, nothing read.
     */
    boolean plainCell(char a, char b, char c) {
      int from = pos - 1;
      int i = runEnd(a, b, c);
      if (i == len || i - from > MAX_CELL_CHARS) {
        return false;
      }
      offset += i - pos;
      pos = i;
      cellChars = buf;
      cellFrom = from;
      cellLength = i - from;
      return true;
    }

    /** The cell {@link #plainCell} last read, as a String. */
    String cellString() {
      return new String(cellChars, cellFrom, cellLength);
    }

    /** Makes {@code cell}'s chars the cell just ended, in an array of this source's own. */
    void holdCell(StringBuilder cell) {
      int n = cell.length();
      if (held.length < n) {
        held = new char[Math.max(n, held.length * 2)];
      }
      cell.getChars(0, n, held, 0);
      cellChars = held;
      cellFrom = 0;
      cellLength = n;
    }

    /**
     * Where the first of {@code a}, {@code b} or {@code c} is in the buffer from here, or its end.
     */
    private int runEnd(char a, char b, char c) {
      int i = pos;
      int end = len;
      char[] chars = buf;
      while (i < end) {
        char ch = chars[i];
        if (ch == a || ch == b || ch == c) {
          break;
        }
        i++;
      }
      return i;
    }

    int peek() throws IOException {
      int c = read();
      unread(c);
      return c;
    }

    void unread(int c) {
      if (c >= 0) {
        pos--;
        offset--;
      }
    }

    /** How many chars have been read: the 1-based offset of the last one. */
    long offset() {
      return offset;
    }
  }
}
