package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON path in a tree of the paths an extractor has met: its last element (a name, or an
 * array index) under its parent. Each path's field context and Macie JSON path are made once, not
 * once per value: the records of a JSON Lines, Avro or Parquet file, and the members of an
 * array, share them. Both are made on first use; children are kept up to a bound, so that a
 * document with ever new names cannot fill the heap.
 *
 * <p>Not thread-safe: one tree per extraction.
 */
final class JsonPathNode {
  private static final int MAX_CHILDREN = 1024;

  /** The empty path, {@code $}. */
  static JsonPathNode root() {
    return new JsonPathNode(null, null);
  }

  final JsonPathNode parent;
  final Object element;
  private final int depth;
  private FieldContext field;
  private String jsonPath;
  private Map<Object, JsonPathNode> children;

  private JsonPathNode(JsonPathNode parent, Object element) {
    this.parent = parent;
    this.element = element;
    this.depth = parent == null ? 0 : parent.depth + 1;
  }

  JsonPathNode child(Object element) {
    if (children == null) {
      children = new HashMap<>();
    }
    JsonPathNode c = children.get(element);
    if (c == null) {
      c = new JsonPathNode(this, element);
      if (children.size() < MAX_CHILDREN) {
        children.put(element, c);
      }
    }
    return c;
  }

  List<Object> elements() {
    Object[] out = new Object[depth];
    for (JsonPathNode n = this; n.parent != null; n = n.parent) {
      out[n.depth - 1] = n.element;
    }
    return Arrays.asList(out);
  }

  FieldContext field() {
    if (field == null) {
      // An index adds no name: a member of an array shares its array's context.
      field = parent != null && element instanceof Integer ? parent.field() : JsonExtractor.fieldContext(elements());
    }
    return field;
  }

  String jsonPath() {
    if (jsonPath == null) {
      jsonPath = JsonExtractor.jsonPath(elements());
    }
    return jsonPath;
  }
}
