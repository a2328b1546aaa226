package dev.assay.engine.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.DefinitionException;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.SeverityLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads custom data identifiers from files holding CreateCustomDataIdentifier request bodies (as
 * {@code aws macie2 create-custom-data-identifier --cli-input-json} takes them), one body or a JSON
 * array of bodies. A body may also carry {@code id} (as GetCustomDataIdentifier returns it), so
 * that job files can refer to it. Stateless.
 */
public final class CustomIdentifierFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Set<String> MEMBERS =
      Set.of(
          "name",
          "description",
          "regex",
          "keywords",
          "ignoreWords",
          "maximumMatchDistance",
          "severityLevels",
          "tags",
          "clientToken",
          "id",
          "arn",
          "createdAt",
          "deleted");

  private CustomIdentifierFiles() {}

  /** Every identifier in {@code file}. */
  public static List<CustomDataIdentifier> load(Path file) throws ConfigException {
    String name = file.toString();
    JsonNode root = readJson(file);
    List<CustomDataIdentifier> out = new ArrayList<>();
    if (root.isArray()) {
      if (root.isEmpty()) {
        throw new ConfigException(name, null, "the array holds no custom data identifier");
      }
      for (int i = 0; i < root.size(); i++) {
        out.add(parse(name, "[" + i + "].", root.get(i)));
      }
    } else {
      out.add(parse(name, "", root));
    }
    return out;
  }

  /**
   * The request bodies in {@code file} (one, or each of an array), checked as {@link #load} checks
   * them: what is sent to Macie to create them there.
   */
  public static List<JsonNode> bodies(Path file) throws ConfigException {
    JsonNode root = readJson(file);
    List<JsonNode> out = new ArrayList<>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        parse(file.toString(), "[" + i + "].", root.get(i));
        out.add(root.get(i));
      }
    } else {
      parse(file.toString(), "", root);
      out.add(root);
    }
    return out;
  }

  static JsonNode readJson(Path file) throws ConfigException {
    try {
      return MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), null, "no such file");
    } catch (JacksonException e) {
      throw new ConfigException(
          file.toString(),
          null,
          "not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file.toString(), null, "cannot read: " + e.getMessage());
    }
  }

  /**
   * Parses one CreateCustomDataIdentifier body (or a GetCustomDataIdentifier response, whose {@code
   * id} it keeps).
   *
   * @param source what messages name as the file
   */
  public static CustomDataIdentifier parse(String source, JsonNode body) throws ConfigException {
    return parse(source, "", body);
  }

  /** Parses one CreateCustomDataIdentifier body; {@code prefix} locates it in its file. */
  static CustomDataIdentifier parse(String file, String prefix, JsonNode body)
      throws ConfigException {
    if (body == null || !body.isObject()) {
      throw new ConfigException(
          file,
          prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
          "must be a JSON object");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String member = it.next();
      if (!MEMBERS.contains(member)) {
        throw new ConfigException(
            file, prefix + member, "is not a member of CreateCustomDataIdentifier");
      }
    }
    String name = text(file, prefix, body, "name", true);
    String regex = text(file, prefix, body, "regex", true);
    String description = text(file, prefix, body, "description", false);
    String id = text(file, prefix, body, "id", false);
    List<String> keywords = strings(file, prefix, body, "keywords");
    List<String> ignoreWords = strings(file, prefix, body, "ignoreWords");
    Integer distance = null;
    JsonNode d = body.get("maximumMatchDistance");
    if (d != null && !d.isNull()) {
      if (!d.isIntegralNumber()) {
        throw new ConfigException(file, prefix + "maximumMatchDistance", "must be an integer");
      }
      distance = d.intValue();
    }
    List<SeverityLevel> levels = new ArrayList<>();
    JsonNode sl = body.get("severityLevels");
    if (sl != null && !sl.isNull()) {
      if (!sl.isArray()) {
        throw new ConfigException(file, prefix + "severityLevels", "must be an array");
      }
      for (int i = 0; i < sl.size(); i++) {
        JsonNode level = sl.get(i);
        String where = prefix + "severityLevels[" + i + "]";
        if (!level.isObject()) {
          throw new ConfigException(
              file, where, "must be an object {occurrencesThreshold, severity}");
        }
        JsonNode threshold = level.get("occurrencesThreshold");
        if (threshold == null || !threshold.isIntegralNumber()) {
          throw new ConfigException(
              file, where + ".occurrencesThreshold", "is required and must be an integer");
        }
        JsonNode severity = level.get("severity");
        Severity s =
            severity == null
                    || !severity.isTextual()
                    || !severity.asText().equals(severity.asText().toUpperCase())
                ? null
                : Severity.parse(severity.asText());
        if (s == null) {
          throw new ConfigException(file, where + ".severity", "must be LOW, MEDIUM or HIGH");
        }
        levels.add(new SeverityLevel(threshold.longValue(), s));
      }
    }
    try {
      return CustomDataIdentifier.define(
          id, name, description, regex, keywords, ignoreWords, distance, levels);
    } catch (DefinitionException e) {
      throw new ConfigException(file, prefix + e.field(), e.getMessage());
    }
  }

  private static String text(
      String file, String prefix, JsonNode body, String member, boolean required)
      throws ConfigException {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      if (required) {
        throw new ConfigException(file, prefix + member, "is required");
      }
      return null;
    }
    if (!node.isTextual()) {
      throw new ConfigException(file, prefix + member, "must be a string");
    }
    return node.asText();
  }

  private static List<String> strings(String file, String prefix, JsonNode body, String member)
      throws ConfigException {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new ConfigException(file, prefix + member, "must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw new ConfigException(file, prefix + member + "[" + i + "]", "must be a string");
      }
      out.add(node.get(i).asText());
    }
    return out;
  }
}
