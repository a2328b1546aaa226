package dev.assay.identifiers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A custom data identifier, defined as Macie's CreateCustomDataIdentifier defines one, and
 * validated against the same limits (Macie User Guide, "Configuration options for custom data
 * identifiers"). Its keywords must precede a match: the distance runs from the end of the keyword
 * to the end of the match.
 *
 * <p>Immutable and thread-safe. Create one with {@link #define}.
 *
 * @param id its id: the one given, or a UUID derived from name and regex so that reruns agree
 * @param name its name (at most 128 characters)
 * @param description its description, possibly empty
 * @param criteria what makes a match an occurrence
 * @param severityLevels its severity thresholds
 */
public record CustomDataIdentifier(
    String id,
    String name,
    String description,
    DetectionCriteria criteria,
    SeverityLevels severityLevels)
    implements DataIdentifier {

  public static final int DEFAULT_MAXIMUM_MATCH_DISTANCE = 50;

  public CustomDataIdentifier {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(severityLevels, "severityLevels");
    description = description == null ? "" : description;
  }

  @Override
  public Category category() {
    return Category.CUSTOM_IDENTIFIER;
  }

  /**
   * Validates a CreateCustomDataIdentifier body's members and builds the identifier.
   *
   * @param id the id, or null to derive one
   * @param maximumMatchDistance null for Macie's default of 50
   * @param severityLevels null or empty for the default (Medium at any count)
   * @throws DefinitionException naming the member that breaks a rule
   */
  public static CustomDataIdentifier define(
      String id,
      String name,
      String description,
      String regex,
      List<String> keywords,
      List<String> ignoreWords,
      Integer maximumMatchDistance,
      List<SeverityLevel> severityLevels) {
    if (name == null || name.isBlank()) {
      throw new DefinitionException("name", "is required");
    }
    if (name.length() > 128) {
      throw new DefinitionException(
          "name", "is " + name.length() + " characters long; at most 128 are allowed");
    }
    if (description != null && description.length() > 512) {
      throw new DefinitionException(
          "description",
          "is " + description.length() + " characters long; at most 512 are allowed");
    }
    MacieRegex.check("regex", regex);
    List<String> kw = checkWords("keywords", keywords, 50, 3, 90);
    List<String> ignore = checkWords("ignoreWords", ignoreWords, 10, 4, 90);
    int distance =
        maximumMatchDistance == null ? DEFAULT_MAXIMUM_MATCH_DISTANCE : maximumMatchDistance;
    if (distance < 1 || distance > 300) {
      throw new DefinitionException(
          "maximumMatchDistance", "must be from 1 to 300, got " + distance);
    }
    SeverityLevels levels = SeverityLevels.of(severityLevels);
    DetectionCriteria criteria =
        new DetectionCriteria(
            regex,
            kw,
            kw.isEmpty() ? KeywordRequirement.NOT_REQUIRED : KeywordRequirement.REQUIRED,
            Proximity.preceding(distance),
            ignore,
            Validator.NONE,
            List.of(),
            Validator.NONE,
            null,
            MacieRegex.compile("regex", regex));
    String effectiveId =
        id != null && !id.isBlank()
            ? id
            : UUID.nameUUIDFromBytes((name + "\u0000" + regex).getBytes(StandardCharsets.UTF_8))
                .toString();
    return new CustomDataIdentifier(effectiveId, name, description, criteria, levels);
  }

  private static List<String> checkWords(
      String field, List<String> words, int maxCount, int minLength, int maxLength) {
    if (words == null) {
      return List.of();
    }
    if (words.size() > maxCount) {
      throw new DefinitionException(
          field, "has " + words.size() + " entries; at most " + maxCount + " are allowed");
    }
    List<String> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String where = field + "[" + i + "]";
      if (w == null) {
        throw new DefinitionException(where, "is null");
      }
      int length = w.codePointCount(0, w.length());
      if (length < minLength || length > maxLength) {
        throw new DefinitionException(
            where,
            "\""
                + w
                + "\" is "
                + length
                + " characters long; each entry must be "
                + minLength
                + " to "
                + maxLength);
      }
      out.add(w);
    }
    return out;
  }
}
