package dev.assay.identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What any match of a regex must contain, read from the regex itself: one of a few clauses, each a
 * literal (a run of plain chars the pattern spells out) and a least run of consecutive ASCII digits.
 * The detector checks it on a region before running re2j there, whose NFA costs 40 to 60 ns a char:
 * a keyword wakes several patterns around it (an IBAN's wakes five countries' national forms), and
 * most of them cannot match there. A check costs about a nanosecond a char.
 *
 * <p>It reads the syntax Macie's dialect and re2j share, as {@link MatchLength} does; anything
 * unfamiliar makes the need {@link #NONE}, which every region meets. The need is never stronger than
 * the regex: every match contains the literal of at least one clause (case-insensitively where the
 * regex is) together with a digit run at least that clause's length. Immutable and thread-safe.
 */
final class RegexNeed {
  /** One way a match can be: it contains {@code literal} (unless null) and {@code digitRun} digits in a row. */
  record Clause(String literal, boolean ignoreCase, int digitRun) {
    boolean isTrivial() {
      return literal == null && digitRun == 0;
    }
  }

  /** No need at all: every region may hold a match. */
  static final RegexNeed NONE = new RegexNeed(List.of(new Clause(null, false, 0)));

  /** Clauses kept for one regex; beyond it, they are folded into one weaker clause. */
  private static final int MAX_CLAUSES = 16;

  private final List<Clause> clauses;

  private RegexNeed(List<Clause> clauses) {
    this.clauses = List.copyOf(clauses);
  }

  List<Clause> clauses() {
    return clauses;
  }

  boolean isNone() {
    return isTrivial(clauses);
  }

  /** The need of {@code regex}, or {@link #NONE} when it uses syntax this reader does not follow. */
  static RegexNeed of(String regex) {
    try {
      Reader reader = new Reader(regex);
      Node node = reader.alternation(false);
      if (reader.pos != regex.length()) {
        return NONE;
      }
      RegexNeed need = new RegexNeed(node.need);
      return need.isNone() ? NONE : need;
    } catch (RuntimeException e) {
      return NONE;
    }
  }

  /** Whether {@code text[from, to)} meets the need: whether a match may lie inside it. */
  boolean mayMatch(CharSequence text, int from, int to) {
    int run = -1;
    for (Clause c : clauses) {
      if (c.digitRun > 0) {
        if (run < 0) {
          run = longestDigitRun(text, from, to);
        }
        if (run < c.digitRun) {
          continue;
        }
      }
      if (c.literal == null || contains(text, from, to, c.literal, c.ignoreCase)) {
        return true;
      }
    }
    return false;
  }

  static int longestDigitRun(CharSequence text, int from, int to) {
    int best = 0;
    int run = 0;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch >= '0' && ch <= '9') {
        run++;
        if (run > best) {
          best = run;
        }
      } else {
        run = 0;
      }
    }
    return best;
  }

  /** Whether {@code text[from, to)} contains {@code literal}; with {@code ignoreCase}, {@code literal} is lower case. */
  static boolean contains(CharSequence text, int from, int to, String literal, boolean ignoreCase) {
    int n = literal.length();
    char first = literal.charAt(0);
    for (int i = from; i + n <= to; i++) {
      if (same(text.charAt(i), first, ignoreCase)) {
        int k = 1;
        while (k < n && same(text.charAt(i + k), literal.charAt(k), ignoreCase)) {
          k++;
        }
        if (k == n) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether text char {@code c} matches literal char {@code lit} (lower case when {@code
   * ignoreCase}). re2j folds case by Unicode's orbits, so {@code (?i)k} matches the Kelvin sign and
   * {@code (?i)s} the long s: both reach the ASCII letter through upper then lower case.
   */
  private static boolean same(char c, char lit, boolean ignoreCase) {
    return c == lit
        || (ignoreCase && (Character.toLowerCase(c) == lit || Character.toLowerCase(Character.toUpperCase(c)) == lit));
  }

  /** What a part of the regex can match. */
  private static final class Node {
    /** Every char it can match is an ASCII digit. */
    boolean digitsOnly;
    /** The fewest chars it can match. */
    long minLength;
    /** It matches exactly this text (case aside when {@link #ignoreCase}), or null. */
    String literal;
    boolean ignoreCase;
    /** One of these holds for each of its matches. */
    List<Clause> need = NONE.clauses;

    static Node empty() {
      Node n = new Node();
      n.literal = "";
      return n;
    }
  }

  /** A recursive-descent reader of the regex, one instance per regex. */
  private static final class Reader {
    private final String regex;
    int pos;
    private boolean ignoreCase;

    Reader(String regex) {
      this.regex = regex;
    }

    Node alternation(boolean groupIgnoreCase) {
      boolean outer = ignoreCase;
      List<Node> options = new ArrayList<>();
      options.add(concatenation());
      while (pos < regex.length() && regex.charAt(pos) == '|') {
        pos++;
        options.add(concatenation());
      }
      ignoreCase = groupIgnoreCase ? outer : ignoreCase; // a (?i) inside a group ends with it
      if (options.size() == 1) {
        return options.get(0);
      }
      Node n = new Node();
      n.digitsOnly = true;
      n.minLength = Long.MAX_VALUE;
      List<Clause> clauses = new ArrayList<>();
      for (Node o : options) {
        n.digitsOnly &= o.digitsOnly;
        n.minLength = Math.min(n.minLength, o.minLength);
        clauses.addAll(o.need);
      }
      n.need = simplified(clauses);
      return n;
    }

    private Node concatenation() {
      Node whole = Node.empty();
      whole.digitsOnly = true;
      StringBuilder literal = new StringBuilder();
      boolean literalIgnoreCase = false;
      String bestLiteral = null;
      boolean bestIgnoreCase = false;
      long run = 0;
      long bestRun = 0;
      List<Clause> need = List.of(new Clause(null, false, 0));
      boolean exact = true;
      while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
        Node item = quantified(atom());
        whole.minLength = Math.min(Long.MAX_VALUE / 2, whole.minLength + item.minLength);
        whole.digitsOnly &= item.digitsOnly;
        // Consecutive digit-only parts make one run of digits in any match; an optional one adds
        // nothing but does not break the run (absent, its neighbours touch).
        if (item.digitsOnly) {
          run += item.minLength;
        } else {
          run = 0;
        }
        bestRun = Math.max(bestRun, run);
        // Consecutive exact literals of the same case rule make one literal.
        if (item.literal != null && (literal.length() == 0 || item.ignoreCase == literalIgnoreCase || item.literal.isEmpty())) {
          if (literal.length() == 0) {
            literalIgnoreCase = item.ignoreCase;
          }
          literal.append(item.literal);
        } else {
          exact = false;
          literal.setLength(0);
          if (item.literal != null) {
            literal.append(item.literal);
            literalIgnoreCase = item.ignoreCase;
          }
        }
        if (bestLiteral == null || literal.length() > bestLiteral.length()) {
          bestLiteral = literal.length() == 0 ? bestLiteral : literal.toString();
          bestIgnoreCase = literalIgnoreCase;
        }
        if (item.literal == null) {
          exact = false;
        }
        need = product(need, item.need);
      }
      need = product(need, List.of(new Clause(bestLiteral == null ? null : lower(bestLiteral, bestIgnoreCase), bestIgnoreCase, (int) Math.min(bestRun, 1 << 20))));
      whole.need = simplified(need);
      whole.literal = exact ? literal.toString() : null;
      whole.ignoreCase = literalIgnoreCase;
      return whole;
    }

    private static String lower(String literal, boolean ignoreCase) {
      return ignoreCase ? literal.toLowerCase(Locale.ROOT) : literal;
    }

    private Node quantified(Node atom) {
      Node n = atom;
      while (pos < regex.length()) {
        char c = regex.charAt(pos);
        long min;
        if (c == '*' || c == '?') {
          pos++;
          min = 0;
        } else if (c == '+') {
          pos++;
          min = 1;
        } else if (c == '{' && pos + 1 < regex.length() && Character.isDigit(regex.charAt(pos + 1))) {
          int close = regex.indexOf('}', pos);
          String body = regex.substring(pos + 1, close);
          int comma = body.indexOf(',');
          min = Long.parseLong(comma < 0 ? body : body.substring(0, comma));
          pos = close + 1;
        } else {
          break;
        }
        if (pos < regex.length() && regex.charAt(pos) == '?') {
          pos++; // lazy: same matches, other preference
        }
        Node q = new Node();
        q.digitsOnly = n.digitsOnly;
        q.minLength = Math.min(Long.MAX_VALUE / 2, n.minLength * min);
        q.need = min == 0 ? NONE.clauses : n.need;
        q.literal = null; // a repeat is no exact literal (kept simple: n.literal repeated would be)
        n = q;
      }
      return n;
    }

    private Node atom() {
      char c = regex.charAt(pos);
      switch (c) {
        case '(':
          return group();
        case '[':
          return charClass();
        case '\\':
          return escape();
        case '.':
          pos++;
          return oneChar(false);
        case '^':
        case '$':
          pos++;
          return zeroWidth();
        case '*':
        case '+':
        case '?':
        case '{':
          throw new IllegalArgumentException("quantifier without an atom at " + pos);
        default:
          pos++;
          if (Character.isHighSurrogate(c) && pos < regex.length()) {
            pos++;
            return oneChar(false);
          }
          return literal(c);
      }
    }

    private Node group() {
      pos++; // (
      boolean restore = true;
      if (regex.startsWith("?:", pos)) {
        pos += 2;
      } else if (regex.startsWith("?P<", pos) || regex.startsWith("?<", pos)) {
        pos = regex.indexOf('>', pos) + 1;
      } else if (regex.startsWith("?", pos)) {
        // Flags: (?i) sets them for the rest of the enclosing group; (?i:...) for its own body.
        int end = pos + 1;
        while (end < regex.length() && Character.isLetter(regex.charAt(end))) {
          end++;
        }
        String flags = regex.substring(pos + 1, end);
        if (!flags.chars().allMatch(f -> f == 'i' || f == 's' || f == 'm' || f == 'U')) {
          throw new IllegalArgumentException("flags " + flags);
        }
        if (flags.indexOf('U') >= 0) {
          throw new IllegalArgumentException("ungreedy flag");
        }
        boolean ci = flags.indexOf('i') >= 0;
        if (end < regex.length() && regex.charAt(end) == ')') {
          pos = end + 1;
          ignoreCase |= ci;
          return zeroWidth();
        }
        if (end >= regex.length() || regex.charAt(end) != ':') {
          throw new IllegalArgumentException("flags group");
        }
        pos = end + 1;
        boolean outer = ignoreCase;
        ignoreCase |= ci;
        Node body = alternation(false);
        ignoreCase = outer;
        expect(')');
        return body;
      }
      Node body = alternation(restore);
      expect(')');
      return body;
    }

    private void expect(char c) {
      if (pos >= regex.length() || regex.charAt(pos) != c) {
        throw new IllegalArgumentException("expected " + c + " at " + pos);
      }
      pos++;
    }

    private Node charClass() {
      pos++; // [
      boolean negated = pos < regex.length() && regex.charAt(pos) == '^';
      if (negated) {
        pos++;
      }
      boolean digitsOnly = !negated;
      boolean first = true;
      while (pos < regex.length() && (first || regex.charAt(pos) != ']')) {
        first = false;
        int lo = classChar();
        if (lo < 0) {
          digitsOnly = false; // an escape class other than \d
          continue;
        }
        int hi = lo;
        if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
          pos++;
          hi = classChar();
          if (hi < 0) {
            throw new IllegalArgumentException("range to a class");
          }
        }
        if (lo == -2) {
          continue;
        }
        digitsOnly &= lo >= '0' && hi <= '9';
      }
      expect(']');
      return oneChar(digitsOnly);
    }

    /** One char of a class: its code, -1 for an escape class that is not only digits, -2 for \d. */
    private int classChar() {
      char c = regex.charAt(pos);
      if (c == '[' && regex.startsWith("[:", pos)) {
        int end = regex.indexOf(":]", pos);
        String name = regex.substring(pos + 2, end);
        pos = end + 2;
        return name.equals("digit") ? -2 : -1;
      }
      if (c != '\\') {
        pos++;
        return c;
      }
      char e = regex.charAt(pos + 1);
      pos += 2;
      switch (e) {
        case 'd':
          return -2;
        case 'D':
        case 'w':
        case 'W':
        case 's':
        case 'S':
        case 'p':
        case 'P':
          if (e == 'p' || e == 'P') {
            skipUnicodeClassName();
          }
          return -1;
        case 'x':
          return hexEscape();
        default:
          if (control(e) >= 0) {
            return control(e);
          }
          if (Character.isLetterOrDigit(e)) {
            throw new IllegalArgumentException("escape \\" + e);
          }
          return e;
      }
    }

    /** The char of escape {@code \e} for a control char ({@code \n \r \t \f}), or -1. */
    private static int control(char e) {
      return switch (e) {
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 't' -> '\t';
        case 'f' -> '\f';
        default -> -1;
      };
    }

    private void skipUnicodeClassName() {
      if (pos < regex.length() && regex.charAt(pos) == '{') {
        pos = regex.indexOf('}', pos) + 1;
      } else {
        pos++;
      }
    }

    private int hexEscape() {
      if (regex.charAt(pos) == '{') {
        int close = regex.indexOf('}', pos);
        int code = Integer.parseInt(regex.substring(pos + 1, close), 16);
        pos = close + 1;
        return code;
      }
      int code = Integer.parseInt(regex.substring(pos, pos + 2), 16);
      pos += 2;
      return code;
    }

    private Node escape() {
      char e = regex.charAt(pos + 1);
      switch (e) {
        case 'd':
          pos += 2;
          return oneChar(true);
        case 'D':
        case 'w':
        case 'W':
        case 's':
        case 'S':
          pos += 2;
          return oneChar(false);
        case 'p':
        case 'P':
          pos += 2;
          skipUnicodeClassName();
          return oneChar(false);
        case 'b':
        case 'B':
        case 'A':
        case 'z':
          pos += 2;
          return zeroWidth();
        case 'x':
          pos += 2;
          int code = hexEscape();
          return code < Character.MIN_SUPPLEMENTARY_CODE_POINT ? literal((char) code) : oneChar(false);
        default:
          if (control(e) >= 0) {
            pos += 2;
            return literal((char) control(e));
          }
          if (Character.isLetterOrDigit(e)) {
            throw new IllegalArgumentException("escape \\" + e); // \Q, \C, backreferences...: not followed
          }
          pos += 2;
          return literal(e);
      }
    }

    private Node literal(char c) {
      Node n = new Node();
      n.minLength = 1;
      n.digitsOnly = c >= '0' && c <= '9';
      // Under (?i) a letter matches its other cases too (compared as in same()); any other char
      // only itself, whichever way it is compared, so it joins a literal of either kind.
      n.literal = String.valueOf(c);
      n.ignoreCase = ignoreCase;
      if (ignoreCase && !isAscii(c) && Character.isLetter(c)) {
        n.literal = null; // Unicode case folding beyond ASCII letters: not followed
      }
      return n;
    }

    private static boolean isAscii(char c) {
      return c < 0x80;
    }

    private static Node oneChar(boolean digit) {
      Node n = new Node();
      n.minLength = 1;
      n.digitsOnly = digit;
      return n;
    }

    private static Node zeroWidth() {
      // Matches no char: breaks runs of literals and digits (a run across it is only a lower bound
      // the other way), needs nothing.
      Node n = new Node();
      n.minLength = 0;
      n.digitsOnly = false;
      return n;
    }
  }

  /** Both needs hold: each pair of clauses, joined. */
  private static List<Clause> product(List<Clause> a, List<Clause> b) {
    if (isTrivial(b)) {
      return a;
    }
    if (isTrivial(a)) {
      return b;
    }
    if ((long) a.size() * b.size() > MAX_CLAUSES) {
      // Keep the side that asks more of a region, rather than grow past the bound.
      return strength(a) >= strength(b) ? a : b;
    }
    List<Clause> out = new ArrayList<>(a.size() * b.size());
    for (Clause x : a) {
      for (Clause y : b) {
        out.add(join(x, y));
      }
    }
    return out;
  }

  private static Clause join(Clause x, Clause y) {
    Clause literal = x.literal == null ? y : y.literal == null ? x : x.literal.length() >= y.literal.length() ? x : y;
    return new Clause(literal.literal, literal.ignoreCase, Math.max(x.digitRun, y.digitRun));
  }

  private static boolean isTrivial(List<Clause> clauses) {
    for (Clause c : clauses) {
      if (c.isTrivial()) {
        return true;
      }
    }
    return false;
  }

  /** How much the weakest clause asks: a literal char counts as much as two digits of a run. */
  private static int strength(List<Clause> clauses) {
    int weakest = Integer.MAX_VALUE;
    for (Clause c : clauses) {
      weakest = Math.min(weakest, (c.literal == null ? 0 : 2 * c.literal.length()) + c.digitRun);
    }
    return weakest;
  }

  /** Clauses deduplicated; past {@link #MAX_CLAUSES}, one clause with the least digit run of all. */
  private static List<Clause> simplified(List<Clause> clauses) {
    if (isTrivial(clauses)) {
      return NONE.clauses;
    }
    List<Clause> out = new ArrayList<>();
    for (Clause c : clauses) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    if (out.size() <= MAX_CLAUSES) {
      return out;
    }
    int least = Integer.MAX_VALUE;
    for (Clause c : out) {
      least = Math.min(least, c.digitRun);
    }
    return List.of(new Clause(null, false, least));
  }
}
