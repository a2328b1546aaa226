package dev.assay.engine.extract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.assay.identifiers.FieldContext;
import java.io.BufferedReader;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads JSON and JSON Lines and emits every scalar value as a segment with its record index and
 * JSON path, and the names along that path as its field context (Macie's record-based proximity
 * rule: a keyword naming any element of the path is near the value). Element names are scanned too;
 * a hit in one is reported without a JSON path, as Macie omits the path when a name holds sensitive
 * data.
 *
 * <p>Paths follow Macie's form: {@code $.a.b[2]}, with bracket notation {@code $['a b']} for names
 * that are not plain identifiers; an element name over 240 chars is cut from its beginning and
 * shown with a leading {@code ...}, and a path over 250 chars is cut from the first element onward
 * and shown with a leading {@code $..}.
 *
 * <p>Not thread-safe: one per object.
 */
final class JsonExtractor {
  /** Macie's limit: JSON nested deeper than this is not analysed. */
  static final int MAX_NESTING = 256;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNumberLength(100_000)
                  .maxNameLength(1_000_000)
                  .build())
          .build();

  /** The document could not be parsed as JSON; the caller falls back to plain text. */
  static final class MalformedJson extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedJson(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A JSON document: one record, index 0. */
  void extractDocument(Reader reader, SegmentSink sink)
      throws IOException, MalformedJson, ExtractionException {
    try (JsonParser parser = FACTORY.createParser(reader)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return;
      }
      walk(parser, 0, root, sink);
      if (parser.nextToken() != null) {
        throw new MalformedJson(
            "trailing content after the JSON value at line " + parser.currentLocation().getLineNr(),
            null);
      }
    } catch (StreamConstraintsException e) {
      throw nestingOrLimit(e);
    } catch (JacksonException e) {
      throw new MalformedJson(e.getOriginalMessage(), e);
    }
  }

  /**
   * JSON Lines: each non-blank line is one record, indexed by its 0-based line number. A line that
   * is not JSON is scanned as text at its line, and counted in {@code malformedLines}.
   *
   * <p>The lines are read in blocks, and one parser reads a block's records in turn: a parser per
   * line cost a sixth of the extraction. A record is handed on only once the next one is seen to
   * start on a later line, so a block whose lines are not one whole value each (two values on a
   * line, a value over several lines, a line that is not JSON) is read again from its first record
   * not handed on, line by line, and yields what reading it line by line always yields.
   */
  void extractLines(Reader reader, SegmentSink sink, long[] malformedLines)
      throws IOException, ExtractionException {
    char[] buffer = new char[LINES_BLOCK];
    int filled = 0;
    long firstLine = 0;
    while (true) {
      int unread = filled;
      int read = reader.read(buffer, filled, buffer.length - filled);
      if (read > 0) {
        filled += read;
      }
      boolean atEnd = read < 0;
      // Chars before the last one already held end no line: only the new ones need looking at.
      int end = atEnd ? filled : blockEnd(buffer, Math.max(unread - 1, 0), filled);
      if (end < 0) {
        if (filled == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        continue;
      }
      if (end > 0) {
        firstLine += extractBlock(buffer, end, firstLine, sink, malformedLines);
      }
      System.arraycopy(buffer, end, buffer, 0, filled - end);
      filled -= end;
      if (atEnd) {
        return;
      }
    }
  }

  /** Chars of JSON Lines read at a time; a longer line grows the buffer to hold it. */
  static final int LINES_BLOCK = 1 << 16;

  /**
   * The end of the last whole line in {@code chars[from, filled)}, or -1 if there is none. A CR is
   * an end only when the char after it is known not to be LF, so a CR LF pair is never split.
   */
  private static int blockEnd(char[] chars, int from, int filled) {
    for (int i = filled - 1; i >= from; i--) {
      char c = chars[i];
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r' && i + 1 < filled) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Extracts the records of the whole lines {@code chars[0, end)}, the first at 0-based line {@code
   * firstLine}, and returns how many lines they are (CR, LF and CR LF each end one, as for {@link
   * BufferedReader#readLine}).
   */
  private long extractBlock(
      char[] chars, int end, long firstLine, SegmentSink sink, long[] malformedLines)
      throws IOException, ExtractionException {
    RecordBuffer pending = new RecordBuffer();
    // The 0-based line of the first line whose record is not yet handed on.
    long resume = firstLine;
    try (JsonParser parser = FACTORY.createParser(chars, 0, end)) {
      long pendingLine = -1;
      while (parser.nextToken() != null) {
        long line = firstLine + parser.currentTokenLocation().getLineNr() - 1;
        if (pendingLine >= 0) {
          if (line <= pendingLine) {
            throw new MalformedJson("two values on a line", null);
          }
          pending.replayTo(sink);
          resume = pendingLine + 1;
        }
        pendingLine = line;
        walk(parser, line, root, pending);
        if (firstLine + parser.currentLocation().getLineNr() - 1 != line) {
          throw new MalformedJson("a value over several lines", null);
        }
      }
      pending.replayTo(sink);
      // At the end of input the parser has counted the line ends as readLine does.
      return parser.currentLocation().getLineNr() - 1;
    } catch (StreamConstraintsException e) {
      throw nestingOrLimit(e);
    } catch (JacksonException | MalformedJson e) {
      return extractLinesOneByOne(chars, end, firstLine, resume, sink, malformedLines);
    }
  }

  /**
   * Line by line, the lines of {@code chars[0, end)} from 0-based line {@code from} on; returns how
   * many lines {@code chars[0, end)} holds.
   */
  long extractLinesOneByOne(
      char[] chars, int end, long firstLine, long from, SegmentSink sink, long[] malformedLines)
      throws IOException, ExtractionException {
    BufferedReader lines = new BufferedReader(new CharArrayReader(chars, 0, end), 65536);
    String line;
    long index = firstLine;
    while ((line = lines.readLine()) != null) {
      if (index >= from && !line.isBlank()) {
        RecordBuffer buffered = new RecordBuffer();
        try (JsonParser parser = FACTORY.createParser(line)) {
          if (parser.nextToken() != null) {
            walk(parser, index, root, buffered);
            if (parser.nextToken() != null) {
              throw new MalformedJson("trailing content", null);
            }
          }
          buffered.replayTo(sink);
        } catch (StreamConstraintsException e) {
          throw nestingOrLimit(e);
        } catch (JacksonException | MalformedJson e) {
          malformedLines[0]++;
          sink.accept(Segment.whole(line, new Segment.TextAt(index + 1, 1, 0), FieldContext.NONE));
        }
      }
      index++;
    }
    return index - firstLine;
  }

  private static ExtractionException nestingOrLimit(StreamConstraintsException e) {
    if (e.getMessage() != null && e.getMessage().contains("nesting")) {
      return ExtractionException.skipped(
          "JSON_NESTING_LEVEL_OVER_LIMIT",
          "JSON nesting deeper than Macie's limit of " + MAX_NESTING + " levels",
          e);
    }
    return ExtractionException.skipped("UNABLE_TO_PARSE_FILE", e.getOriginalMessage(), e);
  }

  /** The paths met so far: the records of a JSON Lines file share them. */
  private final JsonPathNode root = JsonPathNode.root();

  /** Walks the value at the parser's current token, at {@code path}. */
  private void walk(JsonParser parser, long record, JsonPathNode path, SegmentSink sink)
      throws IOException, MalformedJson {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (!name.isEmpty()) {
            sink.acceptName(name, record, path.field());
          }
          parser.nextToken();
          walk(parser, record, path.child(name), sink);
        }
      }
      case START_ARRAY -> {
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (parser.currentToken() == null) {
            throw new MalformedJson("unexpected end of input", null);
          }
          walk(parser, record, path.child(i++), sink);
        }
      }
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String text = parser.getText();
        if (!text.isEmpty()) {
          sink.acceptRecordValue(text, record, path, path.field());
        }
      }
      case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
        // Nothing to scan.
      }
      default -> throw new MalformedJson("unexpected token " + token, null);
    }
  }

  static FieldContext fieldContext(List<Object> path) {
    List<String> names = new ArrayList<>(path.size());
    for (Object element : path) {
      if (element instanceof String name) {
        names.add(name);
      }
    }
    return names.isEmpty() ? FieldContext.NONE : new FieldContext(names);
  }

  /** The step to member {@code name}: {@code .name}, or {@code ['name']} when it is not plain. */
  static String step(String name) {
    return plainName(name) ? "." + name : "['" + name.replace("'", "\\'") + "']";
  }

  /** Whether {@code name} matches {@code [A-Za-z_$][A-Za-z0-9_$-]*}. */
  private static boolean plainName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
      if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '-'))) {
        return false;
      }
    }
    return true;
  }

  static String jsonPath(List<Object> path) {
    List<String> parts = new ArrayList<>(path.size());
    for (Object element : path) {
      if (element instanceof Integer i) {
        parts.add("[" + i + "]");
      } else {
        String name = (String) element;
        if (name.length() > 240) {
          name = "..." + name.substring(name.length() - 237);
        }
        parts.add(step(name));
      }
    }
    String full = "$" + String.join("", parts);
    if (full.length() <= 250) {
      return full;
    }
    int from = 0;
    String cut;
    do {
      from++;
      cut = "$.." + String.join("", parts.subList(from, parts.size())).replaceFirst("^\\.", "");
    } while (cut.length() > 250 && from < parts.size() - 1);
    return cut.length() <= 250 ? cut : cut.substring(0, 250);
  }
}
