package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ListFindings, GetFindings and GetFindingStatistics over the stored findings (Macie's finding
 * queries). Pages are keyset-paged on the sort column and the finding id, so findings a job adds
 * while a client pages never shift a page or repeat one. Thread-safe.
 */
final class FindingsApi {
  /** Sort attributes (SortCriteria.attributeName) and their columns. */
  private static final Map<String, String> SORT_COLUMNS =
      Map.of(
          "count", "count",
          "createdAt", "created_at",
          "updatedAt", "updated_at",
          "severity.score", "severity_score",
          "type", "type",
          "resourcesAffected", "bucket || '/' || object_key",
          "resourcesAffected.s3Bucket.name", "bucket",
          "resourcesAffected.s3Object.key", "object_key",
          "classificationDetails.jobId", "job_id");

  private final Store store;

  FindingsApi(Store store) {
    this.store = store;
  }

  JsonNode list(Call c) {
    FindingCriteria criteria =
        FindingCriteria.parse(c.body().get("findingCriteria"), "findingCriteria");
    Integer max = c.integer("maxResults");
    if (max != null && max < 1) {
      throw ApiException.validation("maxResults: must be at least 1, got " + max);
    }
    // 50 a page unless asked otherwise, as Macie pages; larger pages are capped, not refused.
    int size = max == null ? 50 : Math.min(max, 1000);
    JsonNode sort = c.body().path("sortCriteria");
    String attribute = sort.path("attributeName").asText("createdAt");
    String column = SORT_COLUMNS.get(attribute);
    if (column == null) {
      throw ApiException.validation(
          "sortCriteria.attributeName: one of "
              + String.join(", ", new TreeSet<>(SORT_COLUMNS.keySet())));
    }
    boolean desc = "DESC".equals(sort.path("orderBy").asText("ASC"));
    String expr = "COALESCE(" + column + ", '')";
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, "
                + expr
                + " AS k"
                + (criteria.needsJson() ? ", json" : "")
                + " FROM findings WHERE 1");
    List<Object> params = new ArrayList<>();
    criteria.where(sql, params);
    String token = c.text("nextToken");
    if (token != null && !token.isEmpty()) {
      String[] after = decode(token);
      String op = desc ? "<" : ">";
      sql.append(" AND (")
          .append(expr)
          .append(' ')
          .append(op)
          .append(" ? OR (")
          .append(expr)
          .append(" = ? AND id ")
          .append(op)
          .append(" ?))");
      Object key = keyValue(after[0]);
      params.add(key);
      params.add(key);
      params.add(after[1]);
    }
    String dir = desc ? " DESC" : " ASC";
    sql.append(" ORDER BY k").append(dir).append(", id").append(dir);
    List<String> ids = new ArrayList<>();
    String[] last = new String[2];
    boolean[] more = {false};
    store.query(
        sql.toString(),
        params,
        rs -> {
          if (criteria.needsJson() && !criteria.matchesJsonTerms(Store.parse(rs.getString(3)))) {
            return true;
          }
          if (ids.size() == size) {
            more[0] = true;
            return false;
          }
          ids.add(rs.getString(1));
          Object k = rs.getObject(2);
          last[0] = (k instanceof Number ? "n:" : "s:") + k;
          last[1] = rs.getString(1);
          return true;
        });
    ObjectNode out = MacieApi.object();
    ArrayNode list = out.putArray("findingIds");
    ids.forEach(list::add);
    if (more[0]) {
      out.put("nextToken", encode(last[0], last[1]));
    }
    return out;
  }

  JsonNode get(Call c) {
    JsonNode ids = c.body().get("findingIds");
    if (ids == null || !ids.isArray()) {
      throw ApiException.validation("findingIds: is required");
    }
    if (ids.size() > 50) {
      throw ApiException.validation("findingIds: at most 50, got " + ids.size());
    }
    List<ObjectNode> found = store.findings(MacieApi.strings(ids));
    JsonNode sort = c.body().path("sortCriteria");
    if (sort.has("attributeName")) {
      String[] path = sort.get("attributeName").asText().split("\\.");
      Comparator<ObjectNode> order =
          Comparator.comparing(
              (ObjectNode f) -> {
                JsonNode n = f;
                for (String p : path) {
                  n = n.path(p);
                }
                return n;
              },
              FindingsApi::compareNodes);
      if ("DESC".equals(sort.path("orderBy").asText("ASC"))) {
        order = order.reversed();
      }
      found.sort(order);
    }
    ObjectNode out = MacieApi.object();
    ArrayNode list = out.putArray("findings");
    found.forEach(list::add);
    return out;
  }

  private static final Map<String, String> GROUPS =
      Map.of(
          "resourcesAffected.s3Bucket.name", "bucket",
          "type", "type",
          "classificationDetails.jobId", "job_id",
          "severity.description", "severity_description");

  JsonNode statistics(Call c) {
    String groupBy = c.required("groupBy");
    String column = GROUPS.get(groupBy);
    if (column == null) {
      throw ApiException.validation(
          "groupBy: one of " + String.join(", ", new TreeSet<>(GROUPS.keySet())));
    }
    FindingCriteria criteria =
        FindingCriteria.parse(c.body().get("findingCriteria"), "findingCriteria");
    StringBuilder sql =
        new StringBuilder(
            "SELECT " + column + (criteria.needsJson() ? ", json" : "") + " FROM findings WHERE 1");
    List<Object> params = new ArrayList<>();
    criteria.where(sql, params);
    Map<String, Long> counts = new LinkedHashMap<>();
    store.query(
        sql.toString(),
        params,
        rs -> {
          if (!criteria.needsJson() || criteria.matchesJsonTerms(Store.parse(rs.getString(2)))) {
            counts.merge(String.valueOf(rs.getString(1)), 1L, Long::sum);
          }
          return true;
        });
    List<Map.Entry<String, Long>> groups = new ArrayList<>(counts.entrySet());
    JsonNode sort = c.body().path("sortCriteria");
    Comparator<Map.Entry<String, Long>> order =
        "count".equals(sort.path("attributeName").asText("groupKey"))
            ? Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey())
            : Map.Entry.comparingByKey();
    if ("DESC".equals(sort.path("orderBy").asText("ASC"))) {
      order = order.reversed();
    }
    groups.sort(order);
    Integer size = c.integer("size");
    if (size != null && (size < 1 || size > 1000)) {
      throw ApiException.validation("size: must be 1 to 1,000, got " + size);
    }
    ObjectNode out = MacieApi.object();
    ArrayNode list = out.putArray("countsByGroup");
    for (Map.Entry<String, Long> g :
        groups.subList(0, size == null ? groups.size() : Math.min(size, groups.size()))) {
      list.addObject().put("count", g.getValue()).put("groupKey", g.getKey());
    }
    return out;
  }

  private static int compareNodes(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    return a.asText().compareTo(b.asText());
  }

  private static String encode(String key, String id) {
    String raw = key + "\n" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int nl = raw.lastIndexOf('\n');
      if (nl > 1 && (raw.startsWith("n:") || raw.startsWith("s:"))) {
        return new String[] {raw.substring(0, nl), raw.substring(nl + 1)};
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw ApiException.validation("nextToken: not a token this API gave");
  }

  private static Object keyValue(String tagged) {
    String v = tagged.substring(2);
    if (tagged.startsWith("n:")) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw ApiException.validation("nextToken: not a token this API gave");
      }
    }
    return v;
  }
}
