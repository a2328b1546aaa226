package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One JSON path in a tree of the paths an extractor has met: its last element (a name, or an array
 * index) under its parent. Each path's field context and Macie JSON path are made once, not once
 * per value: the records of a JSON Lines, Avro or Parquet file, and the members of an array, share
 * them. Both are made on first use; children are kept up to a bound, so that a document with ever
 * new names cannot fill the heap.
 *
 * <p>The field context comes from a second tree of names alone ({@link #names}): {@code $[7].user}
 * and {@code $[70000].user} have the same names, so they share one {@link FieldContext} object even
 * when the first path is no longer kept, and the detector's cache of field keywords finds it by
 * identity. A path's JSON path is its parent's plus one step, so a record seen once costs one short
 * concatenation per value, not a walk of the path.
 *
 * <p>Not thread-safe: one tree per extraction.
 */
final class JsonPathNode implements Supplier<String> {
  private static final int MAX_CHILDREN = 1024;

  /** Macie's limit on the length of a JSON path in a finding's record location. */
  private static final int MAX_PATH = 250;

  /** The empty path, {@code $}. */
  static JsonPathNode root() {
    return new JsonPathNode(null, null, null);
  }

  final JsonPathNode parent;
  final Object element;

  /** The path of this one's names without its indexes: a node of the names tree, maybe this. */
  private final JsonPathNode names;

  private FieldContext field;
  private String jsonPath;
  private Map<Object, JsonPathNode> children;

  private JsonPathNode(JsonPathNode parent, Object element, JsonPathNode names) {
    this.parent = parent;
    this.element = element;
    this.names = names == null ? this : names;
  }

  JsonPathNode child(Object element) {
    if (children == null) {
      children = new HashMap<>();
    }
    JsonPathNode c = children.get(element);
    if (c == null) {
      JsonPathNode childNames;
      if (element instanceof Integer) {
        childNames =
            names; // an index adds no name: a member of an array shares its array's context
      } else if (names == this) {
        childNames = null; // a path of names alone is its own node of the names tree
      } else {
        childNames = names.child(element);
      }
      c = new JsonPathNode(this, element, childNames);
      if (children.size() < MAX_CHILDREN) {
        children.put(element, c);
      }
    }
    return c;
  }

  List<Object> elements() {
    List<Object> out = new ArrayList<>();
    for (JsonPathNode n = this; n.parent != null; n = n.parent) {
      out.add(n.element);
    }
    Collections.reverse(out);
    return out;
  }

  FieldContext field() {
    if (names != this) {
      return names.field();
    }
    if (field == null) {
      field = JsonExtractor.fieldContext(elements());
    }
    return field;
  }

  /** The same as {@link #jsonPath}: a value's path, made when a sink asks for it. */
  @Override
  public String get() {
    return jsonPath();
  }

  String jsonPath() {
    if (jsonPath == null) {
      String above = parent == null ? null : parent.jsonPath();
      if (above == null) {
        jsonPath = "$";
      } else if (above.length() < MAX_PATH
          && !above.startsWith("$..")
          && element instanceof Integer i) {
        jsonPath = withinLimit(above + "[" + i + "]");
      } else if (above.length() < MAX_PATH
          && !above.startsWith("$..")
          && ((String) element).length() <= 240) {
        jsonPath = withinLimit(above + JsonExtractor.step((String) element));
      } else {
        jsonPath = JsonExtractor.jsonPath(elements()); // a long path: shortened as a whole
      }
    }
    return jsonPath;
  }

  private String withinLimit(String path) {
    return path.length() <= MAX_PATH ? path : JsonExtractor.jsonPath(elements());
  }
}
