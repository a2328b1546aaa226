package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code FindingCriteria} (Macie's FindingCriteria operators): terms on field paths, AND-ed.
 * {@code eq} matches any of its values, {@code neq} none, {@code eqExactMatch} when the field's set
 * of values is exactly the given set; {@code gt}, {@code gte}, {@code lt}, {@code lte} compare
 * numbers, and dates as epoch milliseconds. Values are case-sensitive and whole; booleans are
 * {@code "true"} and {@code "false"}. Terms on the fields the store keeps as columns become SQL;
 * the others are checked on each finding's JSON. Immutable.
 */
final class FindingCriteria {
  /** A field the findings table keeps as a column: its name and whether it holds numbers. */
  record Column(String name, boolean numeric, boolean date) {}

  static final Map<String, Column> COLUMNS =
      Map.ofEntries(
          Map.entry("id", new Column("id", false, false)),
          Map.entry("classificationDetails.jobId", new Column("job_id", false, false)),
          Map.entry("type", new Column("type", false, false)),
          Map.entry("category", new Column("category", false, false)),
          Map.entry("severity.score", new Column("severity_score", true, false)),
          Map.entry("severity.description", new Column("severity_description", false, false)),
          Map.entry("createdAt", new Column("created_at", true, true)),
          Map.entry("updatedAt", new Column("updated_at", true, true)),
          Map.entry("resourcesAffected.s3Bucket.name", new Column("bucket", false, false)),
          Map.entry("resourcesAffected.s3Object.key", new Column("object_key", false, false)),
          Map.entry("count", new Column("count", true, false)),
          Map.entry("archived", new Column("archived", false, false)),
          Map.entry("sample", new Column("sample", false, false)),
          Map.entry("accountId", new Column("account_id", false, false)),
          Map.entry("region", new Column("region", false, false)));

  private static final Set<String> OPERATORS =
      Set.of("eq", "neq", "eqExactMatch", "gt", "gte", "lt", "lte");

  record Term(
      String field,
      List<String> eq,
      List<String> neq,
      List<String> eqExactMatch,
      Long gt,
      Long gte,
      Long lt,
      Long lte) {}

  private final List<Term> terms;

  private FindingCriteria(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  static final FindingCriteria ALL = new FindingCriteria(List.of());

  /**
   * Reads {@code {"criterion": {...}}}; null or missing means every finding.
   *
   * @param where the request member, for messages
   */
  static FindingCriteria parse(JsonNode criteria, String where) {
    if (criteria == null || criteria.isNull()) {
      return ALL;
    }
    if (!criteria.isObject()) {
      throw ApiException.validation(where + ": must be an object {\"criterion\": {...}}");
    }
    JsonNode criterion = criteria.get("criterion");
    if (criterion == null || criterion.isNull()) {
      return ALL;
    }
    if (!criterion.isObject()) {
      throw ApiException.validation(where + ".criterion: must be an object keyed by field");
    }
    List<Term> terms = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = criterion.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = canonical(e.getKey());
      String at = where + ".criterion." + e.getKey();
      JsonNode ops = e.getValue();
      if (!ops.isObject()) {
        throw ApiException.validation(at + ": must be an object of operators");
      }
      for (Iterator<String> names = ops.fieldNames(); names.hasNext(); ) {
        String op = names.next();
        if (!OPERATORS.contains(op)) {
          throw ApiException.validation(
              at + "." + op + ": not an operator (eq, neq, eqExactMatch, gt, gte, lt, lte)");
        }
      }
      List<String> exact = strings(ops, "eqExactMatch", at);
      if (exact != null && ops.size() > 1) {
        throw ApiException.validation(
            at + ".eqExactMatch: cannot be combined with other operators on the same field");
      }
      terms.add(
          new Term(
              field,
              strings(ops, "eq", at),
              strings(ops, "neq", at),
              exact,
              number(ops, "gt", at),
              number(ops, "gte", at),
              number(ops, "lt", at),
              number(ops, "lte", at)));
    }
    return new FindingCriteria(terms);
  }

  /** The docs' short forms of result fields stand for the full paths. */
  static String canonical(String field) {
    if (field.startsWith("sensitiveData.") || field.startsWith("customDataIdentifiers.")) {
      return "classificationDetails.result." + field;
    }
    return field;
  }

  private static List<String> strings(JsonNode ops, String op, String at) {
    JsonNode n = ops.get(op);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw ApiException.validation(at + "." + op + ": must be an array of strings");
    }
    if (n.size() > 50) {
      throw ApiException.validation(at + "." + op + ": at most 50 values, got " + n.size());
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : n) {
      if (!v.isValueNode()) {
        throw ApiException.validation(at + "." + op + ": must be an array of strings");
      }
      out.add(v.asText());
    }
    return out;
  }

  private static Long number(JsonNode ops, String op, String at) {
    JsonNode n = ops.get(op);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isTextual()) {
      try {
        return Long.parseLong(n.asText());
      } catch (NumberFormatException e) {
        // below
      }
    }
    throw ApiException.validation(
        at + "." + op + ": must be a number (dates as epoch milliseconds)");
  }

  /**
   * Appends to {@code sql} the conditions on column fields (each preceded by " AND ") and their
   * parameters to {@code params}.
   */
  void where(StringBuilder sql, List<Object> params) {
    for (Term t : terms) {
      Column c = COLUMNS.get(t.field());
      if (c == null) {
        continue;
      }
      if (t.eq() != null) {
        sql.append(" AND ")
            .append(c.name())
            .append(" IN (")
            .append(placeholders(t.eq().size()))
            .append(')');
        t.eq().forEach(v -> params.add(columnValue(c, v)));
      }
      if (t.eqExactMatch() != null) {
        // a single-valued field: its set is exactly the given set when that set is one value
        Set<String> distinct = new HashSet<>(t.eqExactMatch());
        if (distinct.size() != 1) {
          sql.append(" AND 0");
        } else {
          sql.append(" AND ").append(c.name()).append(" = ?");
          params.add(columnValue(c, t.eqExactMatch().get(0)));
        }
      }
      if (t.neq() != null) {
        sql.append(" AND (")
            .append(c.name())
            .append(" IS NULL OR ")
            .append(c.name())
            .append(" NOT IN (")
            .append(placeholders(t.neq().size()))
            .append("))");
        t.neq().forEach(v -> params.add(columnValue(c, v)));
      }
      range(sql, params, c, t.gt(), ">");
      range(sql, params, c, t.gte(), ">=");
      range(sql, params, c, t.lt(), "<");
      range(sql, params, c, t.lte(), "<=");
    }
  }

  private static void range(
      StringBuilder sql, List<Object> params, Column c, Long bound, String op) {
    if (bound != null) {
      sql.append(" AND ").append(c.name()).append(' ').append(op).append(" ?");
      params.add(bound);
    }
  }

  private static Object columnValue(Column c, String v) {
    if (c.name().equals("archived") || c.name().equals("sample")) {
      return "true".equals(v) ? 1L : "false".equals(v) ? 0L : -1L;
    }
    if (c.numeric()) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        Long ms = c.date() ? Store.epochMillis(v) : null;
        return ms == null ? v : ms;
      }
    }
    return v;
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** Whether some terms are on fields that are not columns, to be checked on the JSON. */
  boolean needsJson() {
    return terms.stream().anyMatch(t -> !COLUMNS.containsKey(t.field()));
  }

  /** Checks the terms on fields that are not columns. */
  boolean matchesJsonTerms(JsonNode finding) {
    for (Term t : terms) {
      if (!COLUMNS.containsKey(t.field()) && !matches(t, finding)) {
        return false;
      }
    }
    return true;
  }

  /** Checks every term on a finding's JSON (for findings not yet stored). */
  boolean matches(JsonNode finding) {
    for (Term t : terms) {
      if (!matches(t, finding)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Term t, JsonNode finding) {
    List<String> values = new ArrayList<>();
    collect(finding, t.field().split("\\."), 0, values);
    if (t.eq() != null && values.stream().noneMatch(t.eq()::contains)) {
      return false;
    }
    if (t.neq() != null && values.stream().anyMatch(t.neq()::contains)) {
      return false;
    }
    if (t.eqExactMatch() != null
        && !new HashSet<>(values).equals(new HashSet<>(t.eqExactMatch()))) {
      return false;
    }
    if (t.gt() != null || t.gte() != null || t.lt() != null || t.lte() != null) {
      boolean any = false;
      for (String v : values) {
        Long n = numeric(v);
        if (n != null
            && (t.gt() == null || n > t.gt())
            && (t.gte() == null || n >= t.gte())
            && (t.lt() == null || n < t.lt())
            && (t.lte() == null || n <= t.lte())) {
          any = true;
          break;
        }
      }
      return any;
    }
    return true;
  }

  /**
   * The values at a path, arrays flattened (a tag list's {@code key}s, every detection's {@code
   * type}).
   */
  private static void collect(JsonNode node, String[] path, int i, List<String> out) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        collect(n, path, i, out);
      }
      return;
    }
    if (i == path.length) {
      if (node.isValueNode()) {
        out.add(node.asText());
      }
      return;
    }
    collect(node.get(path[i]), path, i + 1, out);
  }

  private static Long numeric(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      try {
        return Instant.parse(v).toEpochMilli();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
