package dev.assay.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's state: one SQLite database ({@code assay.db} in the data directory) in WAL mode,
 * migrated to the current schema on open. Every resource is a row holding the JSON that Get
 * returns; findings are rows with their JSON and, beside it, the columns that ListFindings and
 * GetFindingStatistics filter, group and sort on, each indexed. Nothing is kept only in memory.
 *
 * <p>Thread-safe: one connection, used under this object's lock, so each call sees and leaves a
 * consistent state and a page of results is never torn by a concurrent write.
 */
final class Store implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Each step takes the schema from version i to i + 1; never edited once released, only appended.
   */
  private static final List<String[]> MIGRATIONS =
      List.<String[]>of(
          new String[] {
            "CREATE TABLE settings (name TEXT PRIMARY KEY, json TEXT NOT NULL)",
            "CREATE TABLE resources (kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT, created_at TEXT NOT NULL, json TEXT NOT NULL,"
                + " PRIMARY KEY (kind, id))",
            "CREATE INDEX resources_by_name ON resources (kind, name)",
            "CREATE INDEX resources_by_created ON resources (kind, created_at, id)",
            "CREATE TABLE client_tokens (kind TEXT NOT NULL, token TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, token))",
            "CREATE TABLE tags (arn TEXT NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL, PRIMARY KEY (arn, tag_key))",
            "CREATE TABLE findings (id TEXT PRIMARY KEY, job_id TEXT, type TEXT, category TEXT, severity_score INTEGER,"
                + " severity_description TEXT, created_at INTEGER, updated_at INTEGER, bucket TEXT, object_key TEXT,"
                + " count INTEGER, archived INTEGER NOT NULL DEFAULT 0, sample INTEGER NOT NULL DEFAULT 0, account_id TEXT,"
                + " region TEXT, json TEXT NOT NULL)",
            "CREATE INDEX findings_by_job ON findings (job_id)",
            "CREATE INDEX findings_by_type ON findings (type, id)",
            "CREATE INDEX findings_by_severity ON findings (severity_score, id)",
            "CREATE INDEX findings_by_severity_description ON findings (severity_description, id)",
            "CREATE INDEX findings_by_created ON findings (created_at, id)",
            "CREATE INDEX findings_by_updated ON findings (updated_at, id)",
            "CREATE INDEX findings_by_bucket ON findings (bucket, object_key, id)",
            "CREATE INDEX findings_by_count ON findings (count, id)",
            "CREATE INDEX findings_by_archived ON findings (archived, id)",
            "CREATE TABLE job_runs (job_id TEXT NOT NULL, run INTEGER NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,"
                + " status TEXT NOT NULL, objects INTEGER NOT NULL DEFAULT 0, bytes INTEGER NOT NULL DEFAULT 0,"
                + " PRIMARY KEY (job_id, run))"
          });

  private final Connection db;

  private Store(Connection db) {
    this.db = db;
  }

  /** Opens (creating) {@code dir/assay.db} and migrates it. */
  static Store open(Path dir) throws IOException {
    Files.createDirectories(dir);
    try {
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("assay.db"));
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("PRAGMA foreign_keys=ON");
      }
      Store store = new Store(db);
      store.migrate();
      return store;
    } catch (SQLException e) {
      throw new IOException("cannot open the database in " + dir + ": " + e.getMessage(), e);
    }
  }

  private void migrate() throws SQLException {
    int version;
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      version = rs.getInt(1);
    }
    if (version > MIGRATIONS.size()) {
      throw new SQLException(
          "the database was written by a newer Assay (schema "
              + version
              + ", this one knows "
              + MIGRATIONS.size()
              + ")");
    }
    for (int v = version; v < MIGRATIONS.size(); v++) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        for (String sql : MIGRATIONS.get(v)) {
          s.execute(sql);
        }
        s.execute("PRAGMA user_version=" + (v + 1));
        db.commit();
      } catch (SQLException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    }
  }

  /** Work done in one transaction. */
  interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} in one transaction (nested calls join the outer one). */
  synchronized <T> T transaction(Work<T> work) {
    try {
      if (!db.getAutoCommit()) {
        return work.run();
      }
      db.setAutoCommit(false);
      try {
        T result = work.run();
        db.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw ApiException.internal("database: " + e.getMessage());
    }
  }

  // --- settings: one JSON document per name (the Macie session, export configuration, ...)

  synchronized ObjectNode setting(String name) {
    return transaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement("SELECT json FROM settings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? parse(rs.getString(1)) : null;
            }
          }
        });
  }

  synchronized void putSetting(String name, ObjectNode json) {
    transaction(
        () ->
            update(
                "INSERT OR REPLACE INTO settings (name, json) VALUES (?, ?)", name, write(json)));
  }

  synchronized void deleteSetting(String name) {
    transaction(() -> update("DELETE FROM settings WHERE name = ?", name));
  }

  // --- resources: custom data identifiers, allow lists, jobs, filters, members, admin accounts

  synchronized void putResource(
      String kind, String id, String name, String createdAt, ObjectNode json) {
    transaction(
        () ->
            update(
                "INSERT OR REPLACE INTO resources (kind, id, name, created_at, json) VALUES (?, ?, ?, ?, ?)",
                kind,
                id,
                name,
                createdAt,
                write(json)));
  }

  synchronized ObjectNode resource(String kind, String id) {
    return transaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement("SELECT json FROM resources WHERE kind = ? AND id = ?")) {
            ps.setString(1, kind);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? parse(rs.getString(1)) : null;
            }
          }
        });
  }

  /** Every resource of a kind, oldest first. */
  synchronized List<ObjectNode> resources(String kind) {
    return transaction(
        () -> {
          List<ObjectNode> out = new ArrayList<>();
          try (PreparedStatement ps =
              db.prepareStatement(
                  "SELECT json FROM resources WHERE kind = ? ORDER BY created_at, id")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(parse(rs.getString(1)));
              }
            }
          }
          return out;
        });
  }

  synchronized boolean deleteResource(String kind, String id) {
    return transaction(
        () -> update("DELETE FROM resources WHERE kind = ? AND id = ?", kind, id) > 0);
  }

  /** The id a client token created, or null. */
  synchronized String tokenId(String kind, String token) {
    return transaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement("SELECT id FROM client_tokens WHERE kind = ? AND token = ?")) {
            ps.setString(1, kind);
            ps.setString(2, token);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getString(1) : null;
            }
          }
        });
  }

  synchronized void putToken(String kind, String token, String id) {
    transaction(
        () ->
            update(
                "INSERT OR REPLACE INTO client_tokens (kind, token, id) VALUES (?, ?, ?)",
                kind,
                token,
                id));
  }

  // --- tags, by resource ARN

  synchronized Map<String, String> tags(String arn) {
    return transaction(
        () -> {
          Map<String, String> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
              db.prepareStatement(
                  "SELECT tag_key, tag_value FROM tags WHERE arn = ? ORDER BY tag_key")) {
            ps.setString(1, arn);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
              }
            }
          }
          return out;
        });
  }

  synchronized void tag(String arn, Map<String, String> tags) {
    transaction(
        () -> {
          for (Map.Entry<String, String> t : tags.entrySet()) {
            update(
                "INSERT OR REPLACE INTO tags (arn, tag_key, tag_value) VALUES (?, ?, ?)",
                arn,
                t.getKey(),
                t.getValue());
          }
          return null;
        });
  }

  synchronized void untag(String arn, List<String> keys) {
    transaction(
        () -> {
          for (String k : keys) {
            update("DELETE FROM tags WHERE arn = ? AND tag_key = ?", arn, k);
          }
          return null;
        });
  }

  synchronized void untagAll(String arn) {
    transaction(() -> update("DELETE FROM tags WHERE arn = ?", arn));
  }

  // --- findings

  /** Stores a finding unless one with its id is stored; whether it was new. */
  synchronized boolean insertFinding(JsonNode f) {
    return transaction(
        () ->
            update(
                    "INSERT OR IGNORE INTO findings (id, job_id, type, category, severity_score, severity_description, created_at,"
                        + " updated_at, bucket, object_key, count, archived, sample, account_id, region, json)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    f.path("id").asText(),
                    text(f.at("/classificationDetails/jobId")),
                    text(f.path("type")),
                    text(f.path("category")),
                    f.at("/severity/score").asLong(),
                    text(f.at("/severity/description")),
                    epochMillis(f.path("createdAt").asText(null)),
                    epochMillis(f.path("updatedAt").asText(null)),
                    text(f.at("/resourcesAffected/s3Bucket/name")),
                    text(f.at("/resourcesAffected/s3Object/key")),
                    f.path("count").asLong(),
                    f.path("archived").asBoolean() ? 1 : 0,
                    f.path("sample").asBoolean() ? 1 : 0,
                    text(f.path("accountId")),
                    text(f.path("region")),
                    write(f))
                > 0);
  }

  /** Sets a finding's {@code archived} (column and JSON) and {@code updatedAt}. */
  synchronized void archive(String id, boolean archived, String updatedAt) {
    transaction(
        () ->
            update(
                "UPDATE findings SET archived = ?, updated_at = ?, json = json_set(json, '$.archived', json(?), '$.updatedAt', ?) WHERE id = ?",
                archived ? 1 : 0,
                epochMillis(updatedAt),
                archived ? "true" : "false",
                updatedAt,
                id));
  }

  /** Findings by id, in the order asked; ids not stored are left out. */
  synchronized List<ObjectNode> findings(List<String> ids) {
    return transaction(
        () -> {
          List<ObjectNode> out = new ArrayList<>();
          try (PreparedStatement ps =
              db.prepareStatement("SELECT json FROM findings WHERE id = ?")) {
            for (String id : ids) {
              ps.setString(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  out.add(parse(rs.getString(1)));
                }
              }
            }
          }
          return out;
        });
  }

  /** Row handler for {@link #query}: returns false to stop. */
  interface Rows {
    boolean row(ResultSet rs) throws SQLException;
  }

  /** Runs a read-only query, row by row, under the lock. */
  synchronized void query(String sql, List<Object> params, Rows rows) {
    transaction(
        () -> {
          try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next() && rows.row(rs)) {
                // rows decides
              }
            }
          }
          return null;
        });
  }

  synchronized int update(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (p instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (p instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, p.toString());
      }
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  static Long epochMillis(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return Instant.parse(iso).toEpochMilli();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw ApiException.internal("stored JSON is damaged: " + e.getOriginalMessage());
    }
  }

  static String write(JsonNode json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing: nothing left to lose
    }
  }
}
