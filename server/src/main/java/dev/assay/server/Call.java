package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One API request as an operation sees it: the path labels, the query string and the JSON body (an
 * empty object when the request has none). Immutable.
 */
record Call(
    String operation,
    Map<String, String> labels,
    Map<String, List<String>> query,
    ObjectNode body) {

  String label(String name) {
    return labels.get(name);
  }

  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** A string member of the body, or null; a value of another type is a validation error. */
  String text(String member) {
    JsonNode n = body.get(member);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw ApiException.validation(member + ": must be a string");
    }
    return n.asText();
  }

  String required(String member) {
    String v = text(member);
    if (v == null) {
      throw ApiException.validation(member + ": is required");
    }
    return v;
  }

  /** An integer member of the body or, failing that, of the query string; null when absent. */
  Integer integer(String member) {
    JsonNode n = body.get(member);
    String q = query(member);
    if ((n == null || n.isNull()) && q == null) {
      return null;
    }
    if (n != null && !n.isNull()) {
      if (!n.isIntegralNumber()) {
        throw ApiException.validation(member + ": must be an integer");
      }
      return n.intValue();
    }
    try {
      return Integer.parseInt(q);
    } catch (NumberFormatException e) {
      throw ApiException.validation(member + ": must be an integer, got '" + q + "'");
    }
  }
}
