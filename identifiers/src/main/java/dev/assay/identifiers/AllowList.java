package dev.assay.identifiers;

import com.google.re2j.Pattern;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Macie allow list: text that is never reported, whichever identifier matched it (Macie User
 * Guide, "Configuration options and requirements for allow lists"). A suppressed occurrence appears
 * nowhere: not in counts, locations, severity or finding type.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface AllowList permits AllowList.RegexList, AllowList.WordList {

  /** Macie's limits for a predefined-text list. */
  int MAX_ENTRIES = 100_000;

  int MAX_ENTRY_LENGTH = 90;

  String id();

  String name();

  /** Whether the whole occurrence text is allowed (and so not reported). */
  boolean allows(CharSequence occurrence);

  /**
   * A regex list: an occurrence is allowed when the pattern matches all of it.
   *
   * @throws DefinitionException with field {@code criteria.regex}
   */
  static AllowList regex(String id, String name, String regex) {
    return new RegexList(id, name, regex, MacieRegex.compile("criteria.regex", regex));
  }

  /**
   * A predefined-text list: an occurrence is allowed when it equals an entry, ignoring case. One
   * entry a line; blank lines are skipped; each entry 1 to 90 characters; at most 100,000 entries.
   *
   * @param source what to name in errors, such as the file the lines came from
   * @throws DefinitionException with field {@code line N} for an entry that breaks a limit
   */
  static AllowList words(String id, String name, List<String> lines) {
    Set<String> entries = new HashSet<>();
    int lineNumber = 0;
    for (String line : lines) {
      lineNumber++;
      String entry = stripLineEnd(line);
      if (entry.isBlank()) {
        continue;
      }
      int length = entry.codePointCount(0, entry.length());
      if (length > MAX_ENTRY_LENGTH) {
        throw new DefinitionException(
            "line " + lineNumber,
            "is " + length + " characters long; an entry may have at most " + MAX_ENTRY_LENGTH);
      }
      entries.add(entry.toLowerCase(Locale.ROOT));
      if (entries.size() > MAX_ENTRIES) {
        throw new DefinitionException(
            "line " + lineNumber, "is past Macie's limit of " + MAX_ENTRIES + " entries");
      }
    }
    if (entries.isEmpty()) {
      throw new DefinitionException("entries", "the list has no entries");
    }
    return new WordList(id, name, Set.copyOf(entries));
  }

  private static String stripLineEnd(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
      end--;
    }
    return line.substring(0, end);
  }

  /** See {@link AllowList#regex}. */
  record RegexList(String id, String name, String regex, Pattern pattern) implements AllowList {
    public RegexList {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public boolean allows(CharSequence occurrence) {
      return pattern.matcher(occurrence).matches();
    }
  }

  /** See {@link AllowList#words}. */
  record WordList(String id, String name, Set<String> entries) implements AllowList {
    public WordList {
      Objects.requireNonNull(id, "id");
      entries = Set.copyOf(entries);
    }

    @Override
    public boolean allows(CharSequence occurrence) {
      return entries.contains(occurrence.toString().toLowerCase(Locale.ROOT));
    }
  }
}
