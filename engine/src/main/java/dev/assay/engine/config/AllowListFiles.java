package dev.assay.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.DefinitionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads allow lists: a CreateAllowList request body (JSON) with {@code criteria.regex} or {@code
 * criteria.s3WordsList}, or a plain text file with one allowed value a line. Stateless.
 */
public final class AllowListFiles {
  private static final Set<String> MEMBERS =
      Set.of(
          "name",
          "description",
          "criteria",
          "clientToken",
          "tags",
          "id",
          "arn",
          "createdAt",
          "updatedAt",
          "status");

  private AllowListFiles() {}

  /**
   * Loads {@code file}.
   *
   * @param wordsListResolver reads an {@code s3WordsList} (bucket, key) as lines, or returns null
   *     when it cannot be read here
   */
  public static AllowList load(Path file, Function<String[], List<String>> wordsListResolver)
      throws ConfigException {
    String name = file.toString();
    String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!fileName.endsWith(".json")) {
      return words(name, fileName, readLines(file));
    }
    return parse(name, CustomIdentifierFiles.readJson(file), wordsListResolver);
  }

  /**
   * The CreateAllowList body in {@code file}, to send to Macie. A text file of values has no body:
   * Macie reads a words list only from S3.
   */
  public static JsonNode body(Path file) throws ConfigException {
    String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!fileName.endsWith(".json")) {
      throw new ConfigException(
          file.toString(),
          null,
          "a text file of values cannot be sent to Macie, which reads words lists from S3: upload it and give a CreateAllowList "
              + "body whose criteria.s3WordsList names the object");
    }
    JsonNode body = CustomIdentifierFiles.readJson(file);
    if (!body.isObject()) {
      throw new ConfigException(file.toString(), null, "must be a CreateAllowList JSON object");
    }
    return body;
  }

  /**
   * Parses a CreateAllowList body (or a GetAllowList response, whose {@code id} it keeps).
   *
   * @param name what messages name as the file
   */
  public static AllowList parse(
      String name, JsonNode body, Function<String[], List<String>> wordsListResolver)
      throws ConfigException {
    if (!body.isObject()) {
      throw new ConfigException(name, null, "must be a CreateAllowList JSON object");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String member = it.next();
      if (!MEMBERS.contains(member)) {
        throw new ConfigException(name, member, "is not a member of CreateAllowList");
      }
    }
    JsonNode listName = body.get("name");
    if (listName == null
        || !listName.isTextual()
        || listName.asText().isEmpty()
        || listName.asText().length() > 128) {
      throw new ConfigException(name, "name", "is required: a string of 1 to 128 characters");
    }
    JsonNode description = body.get("description");
    if (description != null && description.isTextual() && description.asText().length() > 512) {
      throw new ConfigException(name, "description", "is longer than 512 characters");
    }
    JsonNode criteria = body.get("criteria");
    if (criteria == null || !criteria.isObject()) {
      throw new ConfigException(
          name, "criteria", "is required: an object with regex or s3WordsList");
    }
    JsonNode regex = criteria.get("regex");
    JsonNode words = criteria.get("s3WordsList");
    if ((regex == null) == (words == null)) {
      throw new ConfigException(name, "criteria", "must have exactly one of regex and s3WordsList");
    }
    String id = body.hasNonNull("id") ? body.get("id").asText() : listName.asText();
    if (regex != null) {
      if (!regex.isTextual()) {
        throw new ConfigException(name, "criteria.regex", "must be a string");
      }
      try {
        return AllowList.regex(id, listName.asText(), regex.asText());
      } catch (DefinitionException e) {
        throw new ConfigException(name, e.field(), e.getMessage());
      }
    }
    JsonNode bucket = words.get("bucketName");
    JsonNode key = words.get("objectKey");
    if (bucket == null
        || !bucket.isTextual()
        || !bucket.asText().matches("[A-Za-z0-9.\\-_]{3,255}")) {
      throw new ConfigException(
          name, "criteria.s3WordsList.bucketName", "is required: 3 to 255 of A-Z a-z 0-9 . - _");
    }
    if (key == null || !key.isTextual() || key.asText().isEmpty() || key.asText().length() > 1024) {
      throw new ConfigException(
          name, "criteria.s3WordsList.objectKey", "is required: 1 to 1024 characters");
    }
    List<String> lines = wordsListResolver.apply(new String[] {bucket.asText(), key.asText()});
    if (lines == null) {
      throw new ConfigException(
          name, "criteria.s3WordsList", "cannot read s3://" + bucket.asText() + "/" + key.asText());
    }
    try {
      return AllowList.words(id, listName.asText(), lines);
    } catch (DefinitionException e) {
      throw new ConfigException(
          name, "s3://" + bucket.asText() + "/" + key.asText() + " " + e.field(), e.getMessage());
    }
  }

  private static AllowList words(String name, String id, List<String> lines)
      throws ConfigException {
    try {
      return AllowList.words(id, id, lines);
    } catch (DefinitionException e) {
      throw new ConfigException(name, e.field(), e.getMessage());
    }
  }

  private static List<String> readLines(Path file) throws ConfigException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), null, "no such file");
    } catch (IOException e) {
      throw new ConfigException(file.toString(), null, "cannot read: " + e.getMessage());
    }
  }
}
