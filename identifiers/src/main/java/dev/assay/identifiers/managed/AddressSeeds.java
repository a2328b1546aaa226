package dev.assay.identifiers.managed;

import dev.assay.identifiers.Validator;
import dev.assay.identifiers.detect.Seeds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where {@code ADDRESS}'s pattern can match. Each of its forms holds a street word: an English
 * street type after the street's name ("742 Evergreen Terrace,"), a French street word after the
 * number ("12 rue de la Paix"), a German suffix ("Hauptstraße 12") or a Romance street word before
 * the name ("Via Roma 12"). The detector finds them in its one keyword pass; a look at the
 * neighbouring chars (and the case, where the pattern minds it) keeps the occurrences that can
 * belong to an address. Each region reaches {@link #BEFORE} chars before the street word and {@link
 * #AFTER} after it: an address longer than that is not one, and is not reported.
 */
final class AddressSeeds {
  private AddressSeeds() {}

  static final int BEFORE = 128;
  static final int AFTER = 256;

  /**
   * @param streetTypes English street types, in the case the pattern requires
   * @param frenchStreets French street words, which the pattern takes in any case
   * @param suffixes German street suffixes, in lower case, ending a capitalised word
   * @param prefixes Romance street words, in the case the pattern requires, before the name
   */
  static Seeds of(
      List<String> streetTypes,
      List<String> frenchStreets,
      List<String> suffixes,
      List<String> prefixes) {
    Set<String> english = Set.copyOf(streetTypes);
    Set<String> french =
        Set.copyOf(frenchStreets.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    Set<String> german = Set.copyOf(suffixes);
    Set<String> romance = Set.copyOf(prefixes);
    // The literals hold the char that must stand next to the word in the pattern (a space before
    // an English or French street word, a space or comma after a German suffix, a space after a
    // Romance word), so that "first" or "have" never wake the search.
    Validator check =
        (text, start, end) -> {
          if (text.charAt(start) == ' ') { // English or French: " St", " rue"
            String word = text.subSequence(start + 1, end).toString();
            char after = end < text.length() ? text.charAt(end) : '\0';
            return (english.contains(word)
                    && (after == '.' || after == ' ' || after == ',' || after == '\n'))
                || (after == ' ' && french.contains(word.toLowerCase(Locale.ROOT)));
          }
          String word = text.subSequence(start, end - 1).toString();
          char before = start > 0 ? text.charAt(start - 1) : '\0';
          if (german.contains(word)) { // "straße 12", "straße, 12", inside a capitalised word
            int p = text.charAt(end - 1) == ',' ? end + 1 : end;
            boolean number =
                (p == end || (end < text.length() && text.charAt(end) == ' '))
                    && p < text.length()
                    && isDigit(text.charAt(p));
            return number
                && (Character.isLetter(before) || Character.isSurrogate(before) || before == '-');
          }
          return romance.contains(word)
              && text.charAt(end - 1) == ' '
              && !isAsciiWord(before); // "Via "
        };
    Set<String> literals = new LinkedHashSet<>();
    for (List<String> words : List.of(streetTypes, frenchStreets)) {
      words.forEach(w -> literals.add(" " + w.toLowerCase(Locale.ROOT)));
    }
    suffixes.forEach(w -> literals.addAll(List.of(w + " ", w + ",")));
    prefixes.forEach(w -> literals.add(w.toLowerCase(Locale.ROOT) + " "));
    return Seeds.around(BEFORE, AFTER, true, check, List.copyOf(literals));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** re2j's \b counts ASCII letters, digits and the underscore as word chars. */
  private static boolean isAsciiWord(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
}
