package dev.assay.engine.extract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.assay.identifiers.FieldContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
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
   */
  void extractLines(Reader reader, SegmentSink sink, long[] malformedLines)
      throws IOException, ExtractionException {
    BufferedReader lines = new BufferedReader(reader, 65536);
    String line;
    long index = 0;
    while ((line = lines.readLine()) != null) {
      if (!line.isBlank()) {
        List<Segment> buffered = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(line)) {
          if (parser.nextToken() != null) {
            walk(parser, index, root, buffered::add);
            if (parser.nextToken() != null) {
              throw new MalformedJson("trailing content", null);
            }
          }
          buffered.forEach(sink::accept);
        } catch (StreamConstraintsException e) {
          throw nestingOrLimit(e);
        } catch (JacksonException | MalformedJson e) {
          malformedLines[0]++;
          sink.accept(Segment.whole(line, new Segment.TextAt(index + 1, 1, 0), FieldContext.NONE));
        }
      }
      index++;
    }
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
            sink.accept(Segment.whole(name, new Segment.RecordAt(record, null), path.field()));
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
          sink.accept(
              Segment.whole(text, new Segment.RecordAt(record, path.jsonPath()), path.field()));
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
