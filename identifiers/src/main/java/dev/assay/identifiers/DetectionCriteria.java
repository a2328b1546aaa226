package dev.assay.identifiers;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.assay.identifiers.detect.Seeds;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What makes a match an occurrence: the pattern, the keywords and how near they must be, ignore
 * words, a validator, and the literals a text must contain before the pattern is worth running.
 *
 * <p>Immutable and thread-safe. The pattern is compiled once and shared: up front when given, or on
 * first use when null (the managed catalog's 166 patterns are not all needed by every scan, and
 * compiling them all would cost start-up time).
 *
 * @param regex the regular expression, in Macie's dialect (RE2 syntax, no capturing groups)
 * @param keywords the keywords, matched case-insensitively as whole words; a keyword with spaces
 *     also matches its variants with no space, an underscore or a hyphen
 * @param keywordRequirement whether a keyword must (or must not) be near
 * @param proximity how near a keyword must be
 * @param ignoreWords case-sensitive substrings that disqualify a match
 * @param validator the checks a match must pass
 * @param anchors literals (case-insensitive) one of which must occur in a text for the pattern to
 *     be run there at all; empty when the pattern has no such literal. This is a prefilter only: it
 *     must never reject a text in which the pattern could produce an occurrence. With {@link
 *     KeywordRequirement#REQUIRED_UNLESS_QUALIFIED} the anchors need only cover the values that
 *     count without a keyword: the pattern also runs wherever one of the keywords occurs.
 * @param seeds where the pattern can possibly match, to narrow the search; null to search the whole
 *     text (or around the keywords, for an identifier that requires one). Plain seeds cover every
 *     match; literal seeds ({@link Seeds#around(int, String...)}) only the matches that count
 *     without a keyword, and the pattern also runs around the keywords
 * @param qualifier for {@link KeywordRequirement#REQUIRED_UNLESS_QUALIFIED}: accepts the matches
 *     that count without a keyword; {@link Validator#NONE} otherwise
 */
public record DetectionCriteria(
    String regex,
    List<String> keywords,
    KeywordRequirement keywordRequirement,
    Proximity proximity,
    List<String> ignoreWords,
    Validator validator,
    List<String> anchors,
    Validator qualifier,
    Seeds seeds,
    Pattern pattern) {

  public DetectionCriteria {
    Objects.requireNonNull(regex, "regex");
    keywords = List.copyOf(keywords);
    Objects.requireNonNull(keywordRequirement, "keywordRequirement");
    Objects.requireNonNull(proximity, "proximity");
    ignoreWords = List.copyOf(ignoreWords);
    Objects.requireNonNull(validator, "validator");
    anchors = List.copyOf(anchors);
    qualifier = qualifier == null ? Validator.NONE : qualifier;
    if (keywordRequirement != KeywordRequirement.NOT_REQUIRED && keywords.isEmpty()) {
      throw new IllegalArgumentException("a keyword requirement needs keywords");
    }
  }

  /** The compiled pattern: the one given, or the regex compiled on first use (once per regex). */
  @Override
  public Pattern pattern() {
    return pattern != null ? pattern : COMPILED.computeIfAbsent(regex, DetectionCriteria::compile);
  }

  /**
   * Patterns compiled on first use, by regex. Only criteria built without a pattern use it (the
   * managed catalog's, a fixed set); custom identifiers bring their own, so it does not grow with
   * them.
   */
  private static final ConcurrentMap<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  /** Criteria with the pattern compiled from {@code regex}. */
  public static DetectionCriteria of(
      String regex,
      List<String> keywords,
      KeywordRequirement keywordRequirement,
      Proximity proximity,
      List<String> ignoreWords,
      Validator validator,
      List<String> anchors) {
    return new DetectionCriteria(
        regex,
        keywords,
        keywordRequirement,
        proximity,
        ignoreWords,
        validator,
        anchors,
        Validator.NONE,
        null,
        compile(regex));
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new DefinitionException("regex", "does not compile: " + e.getDescription());
    }
  }
}
