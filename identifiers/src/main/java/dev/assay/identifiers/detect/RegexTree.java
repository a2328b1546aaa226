package dev.assay.identifiers.detect;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A regex of the syntax Macie's dialect and re2j share, read into a tree with re2j's meaning for
 * each part: chars as sets of code points, concatenation, alternation, bounded and unbounded
 * repeats, and zero-width assertions. {@link RegionDfa} compiles it; {@link RegexNeed} and {@link
 * MatchLength} read what every match needs and how long one can be. One reader, so that the three
 * agree on what a regex says.
 *
 * <p>What this reader does not know exactly stays in the tree as such: a Unicode class ({@code
 * \p{Lu}}) or a case rule beyond Latin-1 is a char of an unknown set, {@code ^}, {@code $}, {@code
 * \A} and {@code \z} are an edge assertion; each reader of the tree decides what to make of them.
 * Syntax it does not read at all ({@code \Q}, backreferences, a repeat of nothing) makes {@link
 * #parse} throw. Stateless.
 */
final class RegexTree {
  private RegexTree() {}

  /**
   * The tree of {@code regex}, a Unicode class in it a char of a set not known; throws
   * IllegalArgumentException on syntax this reader does not follow.
   */
  static Node parse(String regex) {
    return parse(regex, false);
  }

  /** As {@link #parse(String)}, a Unicode class in it the set re2j's tables give it. */
  static Node parseWithUnicodeClasses(String regex) {
    return parse(regex, true);
  }

  /** Trees read before, by regex: each pattern is read by several of the prefilter's parts. */
  private static final Map<String, Node> PARSED = new ConcurrentHashMap<>();

  private static final Map<String, Node> PARSED_WITH_CLASSES = new ConcurrentHashMap<>();

  /** Trees kept at most in each map (a server may define custom identifiers without end). */
  private static final int MAX_PARSED = 2048;

  private static Node parse(String regex, boolean unicodeClasses) {
    Map<String, Node> parsed = unicodeClasses ? PARSED_WITH_CLASSES : PARSED;
    Node node = parsed.get(regex);
    if (node != null) {
      return node; // trees are never changed once read
    }
    try {
      node = new Parser(regex, unicodeClasses).parse();
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      throw new IllegalArgumentException("cannot read " + regex, e);
    }
    if (parsed.size() < MAX_PARSED) {
      parsed.put(regex, node);
    }
    return node;
  }

  /**
   * The tree that matches each text of {@code node}'s reversed: what a DFA run from a text's end
   * toward its start needs. Word-boundary tests are their own reverse.
   */
  static Node reverse(Node node) {
    if (node instanceof Concat c) {
      List<Node> items = new ArrayList<>(c.items().size());
      for (int i = c.items().size() - 1; i >= 0; i--) {
        items.add(reverse(c.items().get(i)));
      }
      return new Concat(items);
    }
    if (node instanceof Alt a) {
      return new Alt(a.options().stream().map(RegexTree::reverse).toList());
    }
    if (node instanceof Repeat r) {
      return new Repeat(reverse(r.body()), r.min(), r.max());
    }
    return node;
  }

  /** A part of a regex. */
  sealed interface Node permits Chars, Concat, Alt, Repeat, Assert {}

  /** One code point of {@code set} (sorted inclusive ranges), or of a set not known when null. */
  record Chars(int[] set) implements Node {}

  record Concat(List<Node> items) implements Node {}

  record Alt(List<Node> options) implements Node {}

  /** {@code body} from {@code min} to {@code max} times; {@code max} < 0: unbounded. */
  record Repeat(Node body, int min, int max) implements Node {}

  /** A zero-width test. */
  record Assert(Kind kind) implements Node {
    enum Kind {
      WORD_BOUNDARY,
      NOT_WORD_BOUNDARY,
      /** {@code ^}, {@code $}, {@code \A}, {@code \z}: an edge of the text (or of a line). */
      TEXT_EDGE
    }
  }

  /** A recursive-descent reader of one regex. */
  private static final class Parser {
    private final String regex;
    private int pos;
    private final boolean unicodeClasses;
    private boolean ignoreCase;
    private boolean dotNewline;

    Parser(String regex, boolean unicodeClasses) {
      this.regex = regex;
      this.unicodeClasses = unicodeClasses;
    }

    Node parse() {
      Node n = alternation();
      if (pos != regex.length()) {
        throw new IllegalArgumentException("unexpected ) at " + pos);
      }
      return n;
    }

    private Node alternation() {
      boolean outerCase = ignoreCase;
      boolean outerDot = dotNewline;
      List<Node> options = new ArrayList<>();
      options.add(concatenation());
      while (pos < regex.length() && regex.charAt(pos) == '|') {
        pos++;
        options.add(concatenation());
      }
      ignoreCase = outerCase;
      dotNewline = outerDot;
      return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    private Node concatenation() {
      List<Node> items = new ArrayList<>();
      while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
        Node atom = atom();
        if (atom != null) {
          items.add(quantified(atom));
        }
      }
      return items.size() == 1 ? items.get(0) : new Concat(items);
    }

    private Node quantified(Node atom) {
      Node n = atom;
      while (pos < regex.length()) {
        char c = regex.charAt(pos);
        int min;
        int max;
        if (c == '*') {
          min = 0;
          max = -1;
          pos++;
        } else if (c == '+') {
          min = 1;
          max = -1;
          pos++;
        } else if (c == '?') {
          min = 0;
          max = 1;
          pos++;
        } else if (c == '{'
            && pos + 1 < regex.length()
            && Character.isDigit(regex.charAt(pos + 1))) {
          int close = regex.indexOf('}', pos);
          if (close < 0) {
            throw new IllegalArgumentException("{ without }");
          }
          String body = regex.substring(pos + 1, close);
          int comma = body.indexOf(',');
          if (comma < 0) {
            min = max = Integer.parseInt(body);
          } else {
            min = Integer.parseInt(body.substring(0, comma));
            max = comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
          }
          if (min > 1000 || max > 1000 || (max >= 0 && max < min)) {
            throw new IllegalArgumentException("repeat");
          }
          pos = close + 1;
        } else {
          break;
        }
        if (pos < regex.length() && regex.charAt(pos) == '?') {
          pos++; // lazy: the same texts match, which is all a DFA decides
        }
        n = new Repeat(n, min, max);
      }
      return n;
    }

    /** The next atom, or null for a flag group such as {@code (?i)} that matches nothing. */
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
          return new Chars(dotNewline ? CharSet.ANY : CharSet.ANY_BUT_NEWLINE);
        case '^', '$':
          pos++; // without (?m), the text's edges; with it, lines' too: either way an edge
          return new Assert(Assert.Kind.TEXT_EDGE);
        case '*', '+', '?', '{':
          throw new IllegalArgumentException("a repeat of nothing at " + pos);
        default:
          int cp = regex.codePointAt(pos);
          pos += Character.charCount(cp);
          return new Chars(folded(CharSet.of(cp, cp)));
      }
    }

    private Node group() {
      pos++; // (
      if (regex.startsWith("?:", pos)) {
        pos += 2;
      } else if (regex.startsWith("?P<", pos) || regex.startsWith("?<", pos)) {
        pos = regex.indexOf('>', pos) + 1;
        if (pos == 0) {
          throw new IllegalArgumentException("group name");
        }
      } else if (regex.startsWith("?", pos)) {
        int end = pos + 1;
        boolean on = true;
        boolean ci = ignoreCase;
        boolean dot = dotNewline;
        for (;
            end < regex.length() && regex.charAt(end) != ')' && regex.charAt(end) != ':';
            end++) {
          char f = regex.charAt(end);
          switch (f) {
            case '-' -> on = false;
            case 'i' -> ci = on;
            case 's' -> dot = on;
            case 'm', 'U' -> {
              // ^ and $ at lines; ungreedy repeats: the same texts match
            }
            default -> throw new IllegalArgumentException("flag " + f);
          }
        }
        if (end >= regex.length()) {
          throw new IllegalArgumentException("flags");
        }
        if (regex.charAt(end) == ')') {
          pos = end + 1;
          ignoreCase = ci; // until the end of the enclosing group
          dotNewline = dot;
          return null;
        }
        pos = end + 1;
        boolean outerCase = ignoreCase;
        boolean outerDot = dotNewline;
        ignoreCase = ci;
        dotNewline = dot;
        Node body = alternation();
        ignoreCase = outerCase;
        dotNewline = outerDot;
        expect(')');
        return body;
      }
      Node body = alternation();
      expect(')');
      return body;
    }

    private void expect(char c) {
      if (pos >= regex.length() || regex.charAt(pos) != c) {
        throw new IllegalArgumentException("expected " + c);
      }
      pos++;
    }

    private Chars charClass() {
      pos++; // [
      boolean negated = pos < regex.length() && regex.charAt(pos) == '^';
      if (negated) {
        pos++;
      }
      List<int[]> parts = new ArrayList<>();
      boolean first = true;
      while (pos < regex.length() && (first || regex.charAt(pos) != ']')) {
        first = false;
        if (regex.startsWith("[:", pos)) {
          int end = regex.indexOf(":]", pos);
          parts.add(CharSet.posix(regex.substring(pos + 2, end)));
          pos = end + 2;
          continue;
        }
        if (regex.startsWith("\\p", pos) || regex.startsWith("\\P", pos)) {
          parts.add(unicodeClass());
          continue;
        }
        int[] one = classAtom();
        if (one.length == 2
            && one[0] == one[1]
            && pos + 1 < regex.length()
            && regex.charAt(pos) == '-'
            && regex.charAt(pos + 1) != ']') {
          pos++;
          int[] hi = classAtom();
          if (hi.length != 2 || hi[0] != hi[1] || hi[0] < one[0]) {
            throw new IllegalArgumentException("range");
          }
          parts.add(CharSet.of(one[0], hi[0]));
        } else {
          parts.add(one);
        }
      }
      expect(']');
      if (parts.contains(null)) {
        return new Chars(null); // a Unicode class, its members not looked up
      }
      int[] set = folded(CharSet.union(parts));
      if (set == null) {
        return new Chars(null);
      }
      // re2j folds a class before negating it.
      return new Chars(negated ? CharSet.negate(set) : set);
    }

    /**
     * {@code \p{Name}}, {@code \pN} or a negation ({@code \P}, {@code \p{^Name}}): its members, as
     * re2j's tables have them; null when the tree is read without them.
     */
    private int[] unicodeClass() {
      boolean negated = regex.charAt(pos + 1) == 'P';
      pos += 2;
      String name;
      if (pos < regex.length() && regex.charAt(pos) == '{') {
        int close = regex.indexOf('}', pos);
        if (close < 0) {
          throw new IllegalArgumentException("\\p{ without }");
        }
        name = regex.substring(pos + 1, close);
        pos = close + 1;
      } else {
        name = regex.substring(pos, pos + 1);
        pos++;
      }
      if (name.startsWith("^")) {
        negated = !negated;
        name = name.substring(1);
      }
      if (!unicodeClasses) {
        return null;
      }
      int[] members = CharSet.unicode(name);
      return negated ? CharSet.negate(members) : members;
    }

    /** One char of a class, as a set: a single code point, or a Perl class. */
    private int[] classAtom() {
      char c = regex.charAt(pos);
      if (c != '\\') {
        int cp = regex.codePointAt(pos);
        pos += Character.charCount(cp);
        return CharSet.of(cp, cp);
      }
      char e = regex.charAt(pos + 1);
      int[] perl = CharSet.perl(e);
      if (perl != null) {
        pos += 2;
        return perl;
      }
      int cp = escapedChar();
      return CharSet.of(cp, cp);
    }

    private Node escape() {
      char e = regex.charAt(pos + 1);
      switch (e) {
        case 'b':
          pos += 2;
          return new Assert(Assert.Kind.WORD_BOUNDARY);
        case 'B':
          pos += 2;
          return new Assert(Assert.Kind.NOT_WORD_BOUNDARY);
        case 'A', 'z':
          pos += 2;
          return new Assert(Assert.Kind.TEXT_EDGE);
        case 'p', 'P':
          int[] members = unicodeClass();
          return new Chars(members == null ? null : folded(members));
        default:
          int[] perl = CharSet.perl(e);
          if (perl != null) {
            pos += 2;
            return new Chars(perl);
          }
          int cp = escapedChar();
          return new Chars(folded(CharSet.of(cp, cp)));
      }
    }

    /** A char escape (\n, \x41, \x{263a}, \.): its code point. */
    private int escapedChar() {
      char e = regex.charAt(pos + 1);
      pos += 2;
      switch (e) {
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'f':
          return '\f';
        case 'v':
          return 0x0b;
        case 'a':
          return 0x07;
        case 'x':
          if (regex.charAt(pos) == '{') {
            int close = regex.indexOf('}', pos);
            int cp = Integer.parseInt(regex.substring(pos + 1, close), 16);
            pos = close + 1;
            return cp;
          }
          int cp = Integer.parseInt(regex.substring(pos, pos + 2), 16);
          pos += 2;
          return cp;
        default:
          if (Character.isLetterOrDigit(e) || e >= 0x80) {
            throw new IllegalArgumentException(
                "escape \\" + e); // \p, \Q, \A, \z, backreferences...
          }
          return e;
      }
    }

    /** The set under the case rule in force; null when folding it is beyond this reader. */
    private int[] folded(int[] set) {
      if (!ignoreCase) {
        return set;
      }
      try {
        return CharSet.fold(set);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  /**
   * Sets of code points as sorted, disjoint, inclusive ranges {@code [lo0, hi0, lo1, hi1, ...]}.
   */
  static final class CharSet {
    static final int MAX = Character.MAX_CODE_POINT;
    static final int[] ANY = {0, MAX};
    static final int[] ANY_BUT_NEWLINE = {0, '\n' - 1, '\n' + 1, MAX};
    static final int[] DIGIT = {'0', '9'};
    static final int[] WORD = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};
    static final int[] SPACE = {'\t', '\n', '\f', '\r', ' ', ' '};

    private CharSet() {}

    static int[] of(int lo, int hi) {
      return new int[] {lo, hi};
    }

    /** re2j's Perl classes (ASCII), or null for another escape. */
    static int[] perl(char e) {
      return switch (e) {
        case 'd' -> DIGIT;
        case 'D' -> negate(DIGIT);
        case 'w' -> WORD;
        case 'W' -> negate(WORD);
        case 's' -> SPACE;
        case 'S' -> negate(SPACE);
        default -> null;
      };
    }

    static int[] posix(String name) {
      return switch (name) {
        case "digit" -> DIGIT;
        case "alpha" -> new int[] {'A', 'Z', 'a', 'z'};
        case "alnum" -> new int[] {'0', '9', 'A', 'Z', 'a', 'z'};
        case "upper" -> new int[] {'A', 'Z'};
        case "lower" -> new int[] {'a', 'z'};
        case "space" -> new int[] {'\t', '\r', ' ', ' '};
        case "xdigit" -> new int[] {'0', '9', 'A', 'F', 'a', 'f'};
        case "word" -> WORD;
        default -> throw new IllegalArgumentException("[:" + name + ":]");
      };
    }

    private static final Map<String, int[]> UNICODE = new ConcurrentHashMap<>();

    /**
     * The members of Unicode class {@code name} ({@code Lu}, {@code L}, {@code Greek}, ...) as
     * re2j's own tables have them (its Unicode version, not the JDK's), read from those tables:
     * rows of {@code {lo, hi, stride}}. Not by running re2j over every code point, which was
     * measured to leave re2j's compiled code slower for the rest of the scan in one run of three.
     */
    static int[] unicode(String name) {
      int[] known = UNICODE.get(name);
      if (known != null) {
        return known;
      }
      int[][] table;
      try {
        Field field = Class.forName("com.google.re2j.UnicodeTables").getDeclaredField(name);
        field.setAccessible(true);
        table = (int[][]) field.get(null);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalArgumentException("\\p{" + name + "}", e);
      }
      List<int[]> ranges = new ArrayList<>();
      for (int[] row : table) {
        if (row[2] == 1) {
          ranges.add(new int[] {row[0], row[1]});
        } else {
          for (int cp = row[0]; cp <= row[1]; cp += row[2]) {
            ranges.add(new int[] {cp, cp});
          }
        }
      }
      int[] set = union(ranges);
      UNICODE.put(name, set);
      return set;
    }

    static boolean isWordChar(int cp) {
      return (cp >= '0' && cp <= '9')
          || (cp >= 'A' && cp <= 'Z')
          || (cp >= 'a' && cp <= 'z')
          || cp == '_';
    }

    static boolean contains(int[] set, int cp) {
      // Binary search over the ranges' starts (a Unicode class has hundreds of ranges).
      int lo = 0;
      int hi = set.length / 2 - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (set[2 * mid] > cp) {
          hi = mid - 1;
        } else if (set[2 * mid + 1] < cp) {
          lo = mid + 1;
        } else {
          return true;
        }
      }
      return false;
    }

    static int[] union(List<int[]> sets) {
      List<int[]> ranges = new ArrayList<>();
      for (int[] s : sets) {
        for (int i = 0; i < s.length; i += 2) {
          ranges.add(new int[] {s[i], s[i + 1]});
        }
      }
      ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
      int[] out = new int[ranges.size() * 2];
      int n = 0;
      for (int[] r : ranges) {
        if (n > 0 && r[0] <= out[n - 1] + 1) {
          out[n - 1] = Math.max(out[n - 1], r[1]);
        } else {
          out[n++] = r[0];
          out[n++] = r[1];
        }
      }
      return Arrays.copyOf(out, n);
    }

    static int[] negate(int[] set) {
      int[] out = new int[set.length + 2];
      int n = 0;
      int next = 0;
      for (int i = 0; i < set.length; i += 2) {
        if (set[i] > next) {
          out[n++] = next;
          out[n++] = set[i] - 1;
        }
        next = set[i + 1] + 1;
      }
      if (next <= MAX) {
        out[n++] = next;
        out[n++] = MAX;
      }
      return Arrays.copyOf(out, n);
    }

    /**
     * The other members of {@code cp}'s case-folding orbit beyond plain ASCII and Latin-1 pairs, as
     * Unicode's simple case folding (which re2j follows) has them: the Kelvin sign with k, the long
     * s with s, the Angstrom sign with å, the capital sharp s with ß, Ÿ with ÿ, the Greek mu with
     * µ.
     */
    private static final int[][] ORBITS = {
      {'K', 'k', 0x212A},
      {'S', 's', 0x017F},
      {0xC5, 0xE5, 0x212B},
      {0xDF, 0x1E9E},
      {0xFF, 0x0178},
      {0xB5, 0x039C, 0x03BC},
    };

    /**
     * {@code (?i)}: each letter with its other cases. Followed for ASCII and Latin-1 letters (and
     * the orbits above); a set with any other char that has a case is not followed.
     */
    static int[] fold(int[] set) {
      List<int[]> parts = new ArrayList<>();
      parts.add(set);
      for (int i = 0; i < set.length; i += 2) {
        int lo = set[i];
        int hi = set[i + 1];
        if (hi - lo > 0x3000) {
          throw new IllegalArgumentException("large class under (?i)"); // checked no further
        }
        for (int cp = lo; cp <= hi; cp++) {
          int[] orbit = orbitOf(cp);
          if (orbit != null) {
            for (int member : orbit) {
              parts.add(new int[] {member, member});
            }
          } else if (cp < 0x100 && Character.isLetter(cp) && cp != 0xAA && cp != 0xBA) {
            int other =
                Character.isUpperCase(cp) ? Character.toLowerCase(cp) : Character.toUpperCase(cp);
            parts.add(new int[] {other, other});
          } else if (Character.toUpperCase(cp) != cp
              || Character.toLowerCase(cp) != cp
              || Character.toTitleCase(cp) != cp) {
            throw new IllegalArgumentException("case folding beyond Latin-1");
          }
        }
      }
      return union(parts);
    }

    private static int[] orbitOf(int cp) {
      for (int[] orbit : ORBITS) {
        for (int member : orbit) {
          if (member == cp) {
            return orbit;
          }
        }
      }
      return null;
    }

    /**
     * The starts of the alphabet's classes, for every set given, then the end ({@link #MAX} + 1).
     */
    static int[] bounds(List<int[]> sets) {
      int total = 2;
      for (int[] s : sets) {
        total += s.length;
      }
      int[] cuts = new int[total];
      int n = 0;
      cuts[n++] = 0;
      cuts[n++] = MAX + 1;
      for (int[] s : sets) {
        for (int i = 0; i < s.length; i += 2) {
          cuts[n++] = s[i];
          cuts[n++] = s[i + 1] + 1;
        }
      }
      Arrays.sort(cuts);
      int[] out = new int[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (m == 0 || cuts[i] != out[m - 1]) {
          out[m++] = cuts[i];
        }
      }
      out = Arrays.copyOf(out, m);
      return out;
    }
  }
}
