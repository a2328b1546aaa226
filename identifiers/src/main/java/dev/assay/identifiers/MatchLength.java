package dev.assay.identifiers;

/**
 * The longest text, in UTF-16 chars, that a regex can match, read from the regex itself: the
 * detector searches only that far around a keyword. It reads the syntax that Macie's dialect and
 * re2j share (groups, alternation, classes, escapes and bounded repeats); anything unbounded
 * ({@code *}, {@code +}, {@code {n,}}) or unfamiliar makes the answer {@link #UNBOUNDED}, never too
 * small. A char that may be outside the Basic Multilingual Plane counts as two. Stateless.
 */
final class MatchLength {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  private final String regex;
  private int pos;

  private MatchLength(String regex) {
    this.regex = regex;
  }

  /** The most chars {@code regex} can match, or {@link #UNBOUNDED}. */
  static int max(String regex) {
    try {
      MatchLength parser = new MatchLength(regex);
      long max = parser.alternation();
      return parser.pos == regex.length() && max < UNBOUNDED ? (int) max : UNBOUNDED;
    } catch (RuntimeException e) { // a syntax this reader does not follow: no bound
      return UNBOUNDED;
    }
  }

  private long alternation() {
    long max = concatenation();
    while (pos < regex.length() && regex.charAt(pos) == '|') {
      pos++;
      max = Math.max(max, concatenation());
    }
    return max;
  }

  private long concatenation() {
    long sum = 0;
    while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
      long atom = atom();
      sum = Math.min(UNBOUNDED, sum + quantified(atom));
    }
    return sum;
  }

  private long quantified(long atom) {
    long length = atom;
    while (pos < regex.length()) {
      char c = regex.charAt(pos);
      if (c == '*' || c == '+') {
        pos++;
        length = atom == 0 ? 0 : UNBOUNDED;
      } else if (c == '?') {
        pos++;
      } else if (c == '{' && pos + 1 < regex.length() && Character.isDigit(regex.charAt(pos + 1))) {
        int close = regex.indexOf('}', pos);
        String body = regex.substring(pos + 1, close);
        pos = close + 1;
        int comma = body.indexOf(',');
        long times;
        if (comma < 0) {
          times = Long.parseLong(body);
        } else if (comma == body.length() - 1) {
          times = UNBOUNDED;
        } else {
          times = Long.parseLong(body.substring(comma + 1));
        }
        length = atom == 0 ? 0 : times == UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, length * times);
      } else {
        break;
      }
      // A lazy quantifier's '?' is taken by the next turn, where it changes nothing.
    }
    return length;
  }

  private long atom() {
    char c = regex.charAt(pos);
    switch (c) {
      case '(' -> {
        pos++;
        if (regex.startsWith("?", pos)) {
          int end = pos + 1;
          while (end < regex.length() && regex.charAt(end) != ':' && regex.charAt(end) != ')') {
            end++;
          }
          if (regex.startsWith("?P<", pos) || regex.startsWith("?<", pos)) {
            end = regex.indexOf('>', pos) + 1; // a named group: its body follows the name
            pos = end;
          } else if (regex.charAt(end) == ')') { // flags only, such as (?i)
            pos = end + 1;
            return 0;
          } else {
            pos = end + 1;
          }
        }
        long inner = alternation();
        if (pos >= regex.length() || regex.charAt(pos) != ')') {
          throw new IllegalArgumentException("unclosed group");
        }
        pos++;
        return inner;
      }
      case '[' -> {
        return characterClass();
      }
      case '\\' -> {
        return escape();
      }
      case '.' -> {
        pos++;
        return 2;
      }
      case '^', '$' -> {
        pos++;
        return 0;
      }
      default -> {
        if (Character.isHighSurrogate(c)) {
          pos += 2;
          return 2;
        }
        pos++;
        return 1;
      }
    }
  }

  private long escape() {
    char e = regex.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case 'b', 'B', 'A', 'z' -> {
        return 0;
      }
      case 'd', 'w', 's', 'n', 't', 'r', 'f', 'v', 'a', 'e' -> {
        return 1;
      }
      case 'p', 'P' -> {
        if (pos < regex.length() && regex.charAt(pos) == '{') {
          pos = regex.indexOf('}', pos) + 1;
        } else {
          pos++;
        }
        return 2;
      }
      case 'x' -> {
        if (regex.charAt(pos) == '{') {
          pos = regex.indexOf('}', pos) + 1;
          return 2;
        }
        pos += 2;
        return 1;
      }
      case 'Q' -> throw new IllegalArgumentException("quoted text");
      default -> {
        // \D, \W, \S and the like match any char outside a small set, astral ones included.
        return Character.isUpperCase(e) || Character.isHighSurrogate(e) ? 2 : 1;
      }
    }
  }

  private long characterClass() {
    int start = pos;
    pos++;
    boolean wide = false;
    if (regex.charAt(pos) == '^') {
      wide = true;
      pos++;
    }
    if (regex.charAt(pos) == ']') {
      pos++; // a literal ']' first in the class
    }
    while (regex.charAt(pos) != ']') {
      char c = regex.charAt(pos);
      if (c == '\\') {
        char e = regex.charAt(pos + 1);
        wide |= e == 'p' || e == 'P' || e == 'x' || Character.isUpperCase(e);
        pos += 2;
      } else if (c == '[' && regex.startsWith("[:", pos)) {
        int close = regex.indexOf(":]", pos);
        wide |= regex.startsWith("[:^", pos);
        pos = close + 2;
      } else {
        wide |= Character.isSurrogate(c);
        pos++;
      }
    }
    pos++;
    return wide || pos - start < 2 ? 2 : 1;
  }
}
