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
 * (the pattern's job) in which a given name is followed, after at most one middle name or initial,
 * by a surname, and at least one of the two is in the dictionaries (the other being a capitalised
 * word that is not a common sentence starter, street type, month or institution word). The given
 * names and surnames are the project's own dictionaries ({@code given-names.txt}, {@code
 * surnames.txt} next to this class): common names in the countries Macie covers (English-speaking,
 * Spanish, Portuguese, French, German, Italian, Indian and East Asian names written in Latin
 * script), a few hundred of each; words that are also common English prose (May, Will, Grant,
 * Young, Hill...) are left out of them, so that ordinary capitalised phrases are not read as names.
 * Stateless; the dictionaries are loaded once.
 */
public final class PersonNames {
  private PersonNames() {}

  private static final Set<String> GIVEN = load("given-names.txt");
  private static final Set<String> SURNAMES = load("surnames.txt");
  private static final Set<String> TITLES =
      Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sr", "sra", "mme", "herr", "frau");

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
   * Capitalised words that begin sentences or name things other than people, and so never count as
   * the unknown half of a name (see {@link #containsFullName}).
   */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "the",
          "a",
          "an",
          "this",
          "that",
          "these",
          "those",
          "dear",
          "hello",
          "hi",
          "thanks",
          "thank",
          "please",
          "contact",
          "call",
          "from",
          "to",
          "for",
          "with",
          "and",
          "or",
          "but",
          "if",
          "when",
          "on",
          "in",
          "at",
          "by",
          "of",
          "our",
          "your",
          "my",
          "his",
          "her",
          "their",
          "we",
          "you",
          "he",
          "she",
          "they",
          "it",
          "is",
          "was",
          "street",
          "road",
          "avenue",
          "lane",
          "drive",
          "court",
          "place",
          "square",
          "station",
          "beach",
          "river",
          "park",
          "hotel",
          "airport",
          "bank",
          "university",
          "college",
          "school",
          "hospital",
          "center",
          "centre",
          "inc",
          "ltd",
          "llc",
          "group",
          "company",
          "corp",
          "team",
          "office",
          "department",
          "museum",
          "church",
          "bridge",
          "tower",
          "city",
          "county",
          "state",
          "island",
          "lake",
          "mountain",
          "valley",
          "bay",
          "north",
          "south",
          "east",
          "west",
          "new",
          "old",
          "saint",
          "san",
          "santa",
          "fort",
          "port",
          "mount",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "total",
          "name",
          "customer",
          "client",
          "patient",
          "employee",
          "user",
          "account",
          "invoice",
          "order",
          "date",
          "note",
          "way",
          "flat",
          "bypass",
          "cliffs",
          "cliff",
          "lodge",
          "rua",
          "avenida",
          "via",
          "calle",
          "cite",
          "green",
          "hill",
          "hills",
          "crescent",
          "close",
          "terrace",
          "gardens",
          "grove",
          "mews",
          "row",
          "walk",
          "heights",
          "view",
          "ridge",
          "ford",
          "crossing",
          "junction",
          "pass",
          "trail",
          "parkway",
          "boulevard",
          "highway",
          "route",
          "rue",
          "strasse",
          "straße",
          "plaza",
          "circle",
          "loop",
          "point",
          "estate",
          "estates",
          "manor",
          "villa",
          "villas",
          "meadow",
          "meadows",
          "field",
          "fields",
          "wood",
          "woods",
          "springs",
          "falls",
          "harbor",
          "harbour",
          "shore",
          "shores",
          "glen",
          "dale",
          "vale",
          "courts",
          "st",
          "rd",
          "ave",
          "ln",
          "blvd",
          "ct",
          "pl",
          "sq",
          "apt",
          "suite",
          "unit");

  /**
   * {@code run} split at runs of whitespace, as {@code Pattern.compile("\\s+").split(run)} splits
   * it (a leading empty word when it starts with whitespace, no trailing ones), without a matcher
   * and a list per call: this runs for every capitalised run a name's seed finds.
   */
  static String[] words(CharSequence run) {
    int n = run.length();
    int count = 0;
    int end = n;
    while (end > 0 && isSpace(run.charAt(end - 1))) {
      end--; // trailing empty words are left out
    }
    for (int i = 0; i < end; ) {
      if (isSpace(run.charAt(i))) {
        while (isSpace(run.charAt(i))) {
          i++;
        }
        count++;
      } else {
        i++;
      }
    }
    if (end == 0) {
      return n == 0 ? new String[] {""} : new String[0];
    }
    String[] words = new String[count + 1];
    int w = 0;
    int start = 0;
    for (int i = 0; i < end; ) {
      if (isSpace(run.charAt(i))) {
        words[w++] = run.subSequence(start, i).toString();
        while (isSpace(run.charAt(i))) {
          i++;
        }
        start = i;
      } else {
        i++;
      }
    }
    words[w] = run.subSequence(start, end).toString();
    return words;
  }

  /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * Whether a run of capitalised words contains a full name: two adjacent words (or two with one
   * middle name or initial between them) of which one is a known given name or surname in its place
   * and the other is a known one too, or at least a capitalised word that is not a common sentence
   * starter, street type, month or institution word. A title (Mr, Dr, ...) followed by an initial
   * and a surname counts too.
   */
  public static boolean containsFullName(CharSequence run) {
    String[] words = words(run);
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (!w.isEmpty() && (w.charAt(w.length() - 1) == '.' || w.charAt(w.length() - 1) == ',')) {
        words[i] = w.substring(0, w.length() - 1);
      }
    }
    for (int i = 0; i + 1 < words.length; i++) {
      boolean titled = i > 0 && TITLES.contains(words[i - 1].toLowerCase(Locale.ROOT));
      String first = words[i];
      if (TITLES.contains(first.toLowerCase(Locale.ROOT))
          || isNotName(first) && !(titled && first.length() == 1)) {
        continue;
      }
      int last = i + 1;
      if (i + 2 < words.length
          && (words[i + 1].length() == 1 || isGivenName(words[i + 1]))
          && !isNotName(words[i + 2])) {
        last = i + 2;
      }
      String surname = words[last];
      if (surname.length() < 2 || isNotName(surname)) {
        continue;
      }
      boolean knownGiven = isGivenName(first) || (titled && first.length() == 1);
      boolean knownSurname = isSurnameWord(surname);
      if ((knownGiven && knownSurname)
          || (knownGiven && !isGivenName(surname))
          || (knownSurname && first.length() > 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNotName(String word) {
    return NOT_NAMES.contains(word.toLowerCase(Locale.ROOT));
  }

  private static boolean isSurnameWord(String word) {
    if (isSurname(word)) {
      return true;
    }
    int hyphen = word.indexOf('-');
    return hyphen > 0
        && (isSurname(word.substring(0, hyphen)) || isSurname(word.substring(hyphen + 1)));
  }
}
