package dev.assay.identifiers;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Checks a regular expression against Macie's dialect before it is compiled. Macie accepts a subset
 * of PCRE without backreferences, capturing groups, conditionals, embedded code, global flags,
 * recursion, lookahead or lookbehind (Macie User Guide, "Configuration options for custom data
 * identifiers"). re2j would accept capturing groups, so they are rejected here first; everything
 * else that re2j cannot compile is rejected by re2j with its own description.
 *
 * <p>Stateless.
 */
public final class MacieRegex {
  /** Macie's limit for a custom identifier's or an allow list's regex. */
  public static final int MAX_LENGTH = 512;

  private MacieRegex() {}

  /**
   * Validates and compiles {@code regex}.
   *
   * @param field the request member, for the error (e.g. {@code regex} or {@code criteria.regex})
   * @throws DefinitionException naming {@code field} and the construct Macie rejects
   */
  public static Pattern compile(String field, String regex) {
    check(field, regex);
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new DefinitionException(
          field, "is not a valid regular expression: " + e.getDescription());
    }
  }

  /** Throws {@link DefinitionException} for the first construct Macie's dialect rejects. */
  public static void check(String field, String regex) {
    if (regex == null || regex.isEmpty()) {
      throw new DefinitionException(field, "is required and must not be empty");
    }
    if (regex.length() > MAX_LENGTH) {
      throw new DefinitionException(
          field, "is " + regex.length() + " characters long; Macie allows at most " + MAX_LENGTH);
    }
    if (regex.length() > 2 && regex.charAt(0) == '/' && regex.matches("(?s)/.*/[gimsuxyU]+")) {
      throw new DefinitionException(
          field, "uses global flags (/.../flags); use an inline (?i) instead");
    }
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 < regex.length()) {
          char next = regex.charAt(i + 1);
          if (!inClass && next >= '1' && next <= '9') {
            throw new DefinitionException(
                field, "uses a backreference (\\" + next + "), which Macie does not support");
          }
          if (!inClass && (next == 'k' || next == 'g')) {
            throw new DefinitionException(
                field,
                "uses a backreference or subroutine (\\"
                    + next
                    + "), which Macie does not support");
          }
        }
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
        // A ']' right after '[' or '[^' is a literal.
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++;
        }
        continue;
      }
      if (c == '(') {
        checkGroup(field, regex, i);
      } else if (c == '{') {
        checkBoundedRepeat(field, regex, i);
      }
    }
  }

  /**
   * The largest upper bound of a bounded repeat {@code {m,n}}. Macie limits the size of bounded
   * repeats for performance and gives {@code \d{100,1000}} as one it cannot compile, suggesting the
   * open-ended {@code \d{100,}} instead; it does not document the limit, so ours is a judgement.
   */
  static final int MAX_BOUNDED_REPEAT = 255;

  private static final Pattern BOUNDED = Pattern.compile("\\{(\\d+),(\\d+)\\}");

  private static void checkBoundedRepeat(String field, String regex, int open) {
    Matcher m = BOUNDED.matcher(regex);
    if (m.find(open) && m.start() == open) {
      long upper = Long.parseLong(m.group(2).length() > 9 ? "9999999999" : m.group(2));
      if (upper > MAX_BOUNDED_REPEAT) {
        throw new DefinitionException(
            field,
            "uses the bounded repeat "
                + m.group()
                + "; Macie limits the size of bounded repeats (at most "
                + MAX_BOUNDED_REPEAT
                + " here), use an open-ended repeat such as {"
                + m.group(1)
                + ",} instead");
      }
    }
  }

  private static void checkGroup(String field, String regex, int open) {
    if (open + 1 >= regex.length() || regex.charAt(open + 1) != '?') {
      if (regex.startsWith("(*", open)) {
        throw new DefinitionException(
            field, "uses a backtracking control verb, which Macie does not support");
      }
      throw new DefinitionException(
          field,
          "uses a capturing group at offset "
              + open
              + "; Macie does not support capturing groups, use (?:...)");
    }
    String rest = regex.substring(open + 2);
    if (rest.startsWith("=") || rest.startsWith("!")) {
      throw new DefinitionException(
          field, "uses lookahead (?" + rest.charAt(0) + "...), which Macie does not support");
    }
    if (rest.startsWith("<=") || rest.startsWith("<!")) {
      throw new DefinitionException(
          field,
          "uses lookbehind (?" + rest.substring(0, 2) + "...), which Macie does not support");
    }
    if (rest.startsWith("<") || rest.startsWith("P<") || rest.startsWith("'")) {
      throw new DefinitionException(
          field,
          "uses a named capturing group; Macie does not support capturing groups, use (?:...)");
    }
    if (rest.startsWith("(")) {
      throw new DefinitionException(
          field, "uses a conditional (?(...)...), which Macie does not support");
    }
    if (rest.startsWith("R")
        || rest.startsWith("&")
        || rest.startsWith("P>")
        || rest.startsWith("+")
        || (!rest.isEmpty() && Character.isDigit(rest.charAt(0)))) {
      throw new DefinitionException(field, "uses recursion, which Macie does not support");
    }
    if (rest.startsWith("{") || rest.startsWith("?{") || rest.startsWith("C")) {
      throw new DefinitionException(field, "uses embedded code, which Macie does not support");
    }
    if (rest.startsWith(">") || rest.startsWith("|")) {
      throw new DefinitionException(
          field, "uses an atomic or branch-reset group, which Macie does not support");
    }
    if (rest.startsWith("#")) {
      throw new DefinitionException(field, "uses a comment group, which Macie does not support");
    }
  }
}
