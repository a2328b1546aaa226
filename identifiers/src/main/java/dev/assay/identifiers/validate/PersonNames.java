package dev.assay.identifiers.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Full names of people, in Latin script, recognised without a model: a run of capitalised words
 * (the pattern's job) in which a known given name is followed, after at most one middle name or
 * initial, by a known surname. The given names and surnames are the project's own dictionaries
 * ({@code given-names.txt}, {@code surnames.txt} next to this class): common names in the
 * countries Macie covers (English-speaking, Spanish, Portuguese, French, German, Italian, Indian
 * and East Asian names written in Latin script), a few hundred of each; words that are also
 * common English prose (May, Will, Grant, Young, Hill...) are left out of them, so that ordinary
 * capitalised phrases are not read as names. Stateless; the dictionaries are loaded once.
 */
public final class PersonNames {
  private PersonNames() {}

  private static final Set<String> GIVEN = load("given-names.txt");
  private static final Set<String> SURNAMES = load("surnames.txt");
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sr", "sra", "mme", "herr", "frau");

  private static Set<String> load(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = PersonNames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }

  public static boolean isGivenName(String word) {
    return GIVEN.contains(word.toLowerCase(Locale.ROOT));
  }

  public static boolean isSurname(String word) {
    return SURNAMES.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a run of capitalised words contains a full name: a given name, then at most one middle
   * name or initial, then a surname (a hyphenated surname counts when either part is known). A
   * title (Mr, Dr, ...) followed by a given name or an initial and a surname counts too.
   */
  public static boolean containsFullName(CharSequence run) {
    String[] words = run.toString().split("[\\s]+");
    for (int i = 0; i < words.length; i++) {
      words[i] = words[i].replaceAll("[.,]$", "");
    }
    for (int i = 0; i + 1 < words.length; i++) {
      boolean titled = i > 0 && TITLES.contains(words[i - 1].toLowerCase(Locale.ROOT));
      if (!isGivenName(words[i]) && !(titled && words[i].length() == 1)) {
        continue;
      }
      if (isSurnameWord(words[i + 1])) {
        return true;
      }
      if (i + 2 < words.length && (words[i + 1].length() == 1 || isGivenName(words[i + 1])) && isSurnameWord(words[i + 2])) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSurnameWord(String word) {
    if (isSurname(word)) {
      return true;
    }
    int hyphen = word.indexOf('-');
    return hyphen > 0 && (isSurname(word.substring(0, hyphen)) || isSurname(word.substring(hyphen + 1)));
  }
}
