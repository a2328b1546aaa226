package dev.assay.identifiers;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the occurrences of a set of data identifiers in text, with Macie's rules: keyword
 * proximity, ignore words, validators and allow lists.
 *
 * <p>One pass of an Aho-Corasick automaton over every identifier's keywords, anchors and literal
 * seeds comes first. It finds the keyword positions used for proximity and decides where each
 * pattern runs: an identifier that requires a keyword runs only around its keywords (as far as the
 * proximity rule reaches plus the pattern's longest match, see {@link MatchLength}), or on the
 * whole text when a field name holds one; what counts without a keyword runs only where its {@link
 * Seeds} say it can match (around a literal seed such as a country code, or where a hand-written
 * scan finds a run of digits or capitalised words); a pattern with neither runs on the whole text.
 * Identifiers that share a pattern and validator (such as {@code CREDIT_CARD_NUMBER} and its
 * no-keyword variant) share one regex pass. {@link #withoutPrefilter} finds the same occurrences
 * without any of this, and the tests hold the two to it.
 *
 * <p>Built once; immutable, stateless and thread-safe: share one instance between all workers.
 * Offsets are UTF-16 char offsets into the text given, 0-based, end exclusive.
 */
public final class Detector {

  private final List<DataIdentifier> identifiers;
  private final List<AllowList> allowLists;
  private final Entry[] entries;
  private final PatternGroup[] groups;
  private final KeywordIndex index;
  private final LiteralUse[] uses;
  private final int keywordReach;
  private final boolean prefilter;
  private final NativeSeeds nativeSeeds; // null where Hyperscan is off or does not load
  // The seeds whose automata run in the keyword pass (by their number in the product), and the
  // product; null when the prefilter is off or no seed has an automaton.
  private final Map<Seeds, Integer> triggeredSeeds = new IdentityHashMap<>();
  private final TriggerAutomaton triggers;
  private final boolean[] nativeCovered; // by group

  /**
   * @param around the criteria's seeds when they are literals the keyword pass finds (their
   *     positions then bound the regions searched); null otherwise
   */
  private record Entry(int number, DataIdentifier identifier, DetectionCriteria criteria, boolean hasAnchors, Seeds.Around around) {}

  /**
   * @param margin how far beyond a keyword's proximity window a regional search extends: the
   *     pattern's longest match, or {@link #REGION_MARGIN} when that is longer or unbounded
   */
  /**
   * Members sharing one pattern and validator. {@code search} is what the prefilter reads from the
   * pattern to search it fast (null without the prefilter).
   */
  private record PatternGroup(DetectionCriteria criteria, int[] members, Search search) {}

  /**
   * What makes a group's regional search fast, read from its pattern on first use: building it for
   * every pattern costs start-up time that a scan of a few files does not win back (and a Unicode
   * class is read from re2j's tables only when a DFA needs it). {@code need} is what any match
   * contains, checked on a region before re2j runs there (null when it asks nothing); {@code dfa}
   * finds where re2j's search may start (null when the pattern uses what it does not follow);
   * {@code longest} is the longest match in chars, {@code margin} how far it extends a keyword's
   * region, and {@code fixed} the length of all matches when they have one (0 if not).
   * Thread-safe: built once, under a lock, and published through a volatile field.
   */
  private static final class Search {
    private final String regex;
    private volatile Search built;
    private RegexNeed need;
    private RegionDfa dfa;
    private int longest;
    private int margin;
    private int fixed;

    Search(String regex) {
      this.regex = regex;
    }

    Search get() {
      Search b = built;
      if (b == null) {
        synchronized (this) {
          if (built == null) {
            RegexNeed n = RegexNeed.of(regex);
            need = n.isNone() ? null : n;
            dfa = RegionDfa.of(regex);
            longest = MatchLength.max(regex);
            margin = Math.min(REGION_MARGIN, longest) + 1;
            fixed = MatchLength.fixed(regex);
            built = this;
          }
          b = built;
        }
      }
      return b;
    }
  }

  /** What a literal means: keyword of some entries, anchor of others. */
  private static final class LiteralUse {
    final String keyword; // the keyword as defined (before variants), for explanations
    int[] keywordOf = new int[0];
    int[] anchorOf = new int[0];
    // Literal seeds (Seeds.Around) this literal is, case aside: of which entry, as written, and
    // whether it must start a word.
    int[] seedOf = new int[0];
    String[] seedText = new String[0];
    boolean[] seedStartsWord = new boolean[0];
    boolean alnumFirst;
    boolean alnumLast;

    LiteralUse(String keyword) {
      this.keyword = keyword;
    }
  }

  private Detector(List<? extends DataIdentifier> identifiers, List<AllowList> allowLists, boolean prefilter) {
    this.prefilter = prefilter;
    this.identifiers = List.copyOf(identifiers);
    this.allowLists = List.copyOf(allowLists);
    this.entries = new Entry[this.identifiers.size()];
    Map<String, LiteralUse> literalUses = new LinkedHashMap<>();
    Map<String, List<Integer>> byPattern = new LinkedHashMap<>();
    Map<Validator, Integer> validatorIds = new IdentityHashMap<>();
    int reach = 0;
    for (int i = 0; i < entries.length; i++) {
      DataIdentifier id = this.identifiers.get(i);
      DetectionCriteria c = id.criteria();
      Seeds.Around around = c.seeds() instanceof Seeds.Around a ? a : null;
      List<String> anchors = new ArrayList<>(c.anchors());
      if (around != null) {
        for (String literal : around.literals()) {
          String body = Seeds.Around.text(literal);
          anchors.add(body);
          LiteralUse use = literalUses.computeIfAbsent(body.toLowerCase(Locale.ROOT), k -> new LiteralUse(null));
          int k = use.seedOf.length;
          use.seedOf = Arrays.copyOf(use.seedOf, k + 1);
          use.seedText = Arrays.copyOf(use.seedText, k + 1);
          use.seedStartsWord = Arrays.copyOf(use.seedStartsWord, k + 1);
          use.seedOf[k] = i;
          use.seedText[k] = body;
          use.seedStartsWord[k] = !body.equals(literal);
        }
      }
      entries[i] = new Entry(i, id, c, !anchors.isEmpty(), around);
      if (c.keywordRequirement() != KeywordRequirement.NOT_REQUIRED) {
        for (String keyword : c.keywords()) {
          for (String variant : variants(keyword)) {
            LiteralUse use = literalUses.computeIfAbsent(variant, k -> new LiteralUse(keyword));
            use.keywordOf = append(use.keywordOf, i);
            reach = Math.max(reach, c.proximity().reachBefore(variant.length()));
          }
        }
      }
      for (String anchor : anchors) {
        LiteralUse use = literalUses.computeIfAbsent(anchor.toLowerCase(Locale.ROOT), k -> new LiteralUse(null));
        use.anchorOf = append(use.anchorOf, i);
      }
      int validatorId = validatorIds.computeIfAbsent(c.validator(), v -> validatorIds.size());
      byPattern.computeIfAbsent(c.regex() + "\u0000" + validatorId, k -> new ArrayList<>()).add(i);
    }
    this.keywordReach = reach;
    List<String> literals = new ArrayList<>(literalUses.keySet());
    this.uses = literalUses.values().toArray(new LiteralUse[0]);
    for (int i = 0; i < uses.length; i++) {
      String lit = literals.get(i);
      uses[i].alnumFirst = Character.isLetterOrDigit(lit.charAt(0));
      uses[i].alnumLast = Character.isLetterOrDigit(lit.charAt(lit.length() - 1));
    }
    this.index = literals.isEmpty() ? null : new KeywordIndex(literals);
    this.groups = new PatternGroup[byPattern.size()];
    int g = 0;
    for (List<Integer> members : byPattern.values()) {
      DetectionCriteria criteria = entries[members.get(0)].criteria();
      groups[g++] =
          new PatternGroup(
              criteria, members.stream().mapToInt(Integer::intValue).toArray(), prefilter ? new Search(criteria.regex()) : null);
    }
    this.nativeCovered = new boolean[groups.length];
    NativeSeeds seeds = null;
    if (prefilter && NativeSeeds.available()) {
      // Only patterns that may need a search of the whole text: those of identifiers that count
      // without a keyword. Keyword-required ones are searched around their keywords already.
      List<String> regexes = new ArrayList<>();
      for (PatternGroup group : groups) {
        boolean wholeText = false;
        for (int member : group.members) {
          wholeText |= entries[member].criteria.keywordRequirement() != KeywordRequirement.REQUIRED;
        }
        regexes.add(wholeText ? group.criteria.regex() : null);
      }
      seeds = NativeSeeds.compile(regexes, nativeCovered);
    }
    this.nativeSeeds = seeds;
    List<Seeds.Triggered> triggered = new ArrayList<>();
    if (prefilter) {
      // Only seeds searched whatever the keywords: those of identifiers that count without one. A
      // keyword-required one runs only where its keyword is, rarely, and its states would grow
      // the product out of the first-level cache (40 more states for AWS_CREDENTIALS' run of 40
      // made the product 80 KB and the pass twice as slow).
      for (Entry entry : entries) {
        if (entry.criteria.seeds() instanceof Seeds.Triggered t
            && entry.criteria.keywordRequirement() != KeywordRequirement.REQUIRED
            && !triggeredSeeds.containsKey(t)) {
          triggeredSeeds.put(t, triggered.size());
          triggered.add(t);
        }
      }
    }
    this.triggers = TriggerAutomaton.of(triggered);
    if (triggers == null) {
      triggeredSeeds.clear(); // too many states: each seed runs its own pass
    }
  }

  /** Whether the native (Hyperscan) prefilter is in use for at least one pattern. */
  public boolean usesNativePrefilter() {
    return nativeSeeds != null;
  }

  /** A detector for {@code identifiers}, with {@code allowLists} applied to every occurrence. */
  public static Detector of(Collection<? extends DataIdentifier> identifiers, Collection<AllowList> allowLists) {
    return new Detector(List.copyOf(identifiers), List.copyOf(allowLists), true);
  }

  /**
   * A detector that runs every pattern over all of every text: keywords still decide proximity, but
   * no longer which patterns run, or where. It finds the same occurrences, slower; it exists to
   * measure what the prefilter saves and to check that it loses nothing.
   */
  public static Detector withoutPrefilter(Collection<? extends DataIdentifier> identifiers, Collection<AllowList> allowLists) {
    return new Detector(List.copyOf(identifiers), List.copyOf(allowLists), false);
  }

  public List<DataIdentifier> identifiers() {
    return identifiers;
  }

  public List<AllowList> allowLists() {
    return allowLists;
  }

  /**
   * How many chars before a match a keyword can start and still count: the context a window of a
   * longer text must keep before the region it reports.
   */
  public int keywordReach() {
    return keywordReach;
  }

  /** The occurrences in {@code text}: every match that counted, ordered by start offset. */
  public List<Candidate> scan(CharSequence text, FieldContext field) {
    return scan(text, field, 0, text.length(), false);
  }

  /**
   * Scans {@code text} and reports the matches that start in {@code [reportFrom, reportTo)}. The
   * rest of the text is context: keywords there still count, so a caller that splits a long text
   * into overlapping windows gets each occurrence exactly once.
   *
   * @param explain when true, every candidate match is returned with its verdict, including those
   *     that did not count; when false only those that counted
   */
  public List<Candidate> scan(CharSequence chars, FieldContext field, int reportFrom, int reportTo, boolean explain) {
    // Every pass below reads one final class, whose charAt the JIT inlines: the window's own
    // array when it comes as one (no copy), else a copy of the chars.
    CharArrayText text = CharArrayText.of(chars);
    int n = entries.length;
    int[][] keywordHits = new int[n][];
    int[] keywordHitCount = new int[n];
    boolean[] anchorSeen = new boolean[n];
    int[][] anchorHits = new int[n][];
    int[] anchorHitCount = new int[n];
    String[] fieldKeyword = new String[n];
    TriggerAutomaton.Fired fired = triggers == null ? null : new TriggerAutomaton.Fired(triggers.seeds());
    KeywordIndex.Hits onLiteral = null;
    if (index != null) {
      onLiteral =
          (literal, start, end) -> {
            LiteralUse use = uses[literal];
            for (int e : use.anchorOf) {
              anchorSeen[e] = true;
            }
            for (int k = 0; k < use.seedOf.length; k++) {
              int e = use.seedOf[k];
              if (entries[e].around.occursAt(text, start, use.seedText[k], use.seedStartsWord[k])) {
                addHit(anchorHits, anchorHitCount, e, start, end);
              }
            }
            if (use.keywordOf.length > 0 && isWholeWord(text, start, end, use)) {
              for (int e : use.keywordOf) {
                addHit(keywordHits, keywordHitCount, e, start, literal);
              }
            }
          };
    }
    if (triggers != null) {
      KeywordIndex.scan(index, text, onLiteral, triggers, fired);
    } else if (index != null) {
      index.scan(text, 0, text.length(), onLiteral);
    }
    if (index != null) {
      for (String name : field.names()) {
        index.scan(
            name,
            0,
            name.length(),
            (literal, start, end) -> {
              LiteralUse use = uses[literal];
              if (use.keywordOf.length > 0 && isWholeWord(name, start, end, use)) {
                for (int e : use.keywordOf) {
                  if (fieldKeyword[e] == null) {
                    fieldKeyword[e] = use.keyword;
                  }
                }
              }
            });
      }
    }

    List<Candidate> out = new ArrayList<>();
    boolean[] eligible = new boolean[n];
    int[][] nativeRegions = null;
    for (int gi = 0; gi < groups.length; gi++) {
      PatternGroup group = groups[gi];
      boolean any = false;
      for (int e : group.members) {
        Entry entry = entries[e];
        boolean keywordNear = keywordHitCount[e] > 0 || fieldKeyword[e] != null;
        // With REQUIRED_UNLESS_QUALIFIED, the anchors cover the values that count on their own;
        // the others need a keyword, so a keyword anywhere also wakes the pattern.
        boolean ok =
            !prefilter
                || !entry.hasAnchors
                || anchorSeen[e]
                || (entry.criteria.keywordRequirement() == KeywordRequirement.REQUIRED_UNLESS_QUALIFIED && keywordNear);
        if (ok && prefilter && entry.criteria.keywordRequirement() == KeywordRequirement.REQUIRED && !explain) {
          ok = keywordNear;
        }
        eligible[e] = ok;
        any |= ok;
      }
      if (!any) {
        continue;
      }
      boolean narrow = prefilter && !explain;
      int[] regions =
          narrow
              ? regions(group, text, eligible, keywordHits, keywordHitCount, fieldKeyword, anchorHits, anchorHitCount, fired)
              : null;
      if (regions == null && narrow && nativeCovered[gi]) {
        if (nativeRegions == null) {
          nativeRegions = nativeSeeds.regions(text);
        }
        regions = nativeRegions[gi];
      }
      if (regions == null) {
        Matcher m = group.criteria.pattern().matcher(text);
        find(group, m, text, 0, text.length(), reportFrom, reportTo, eligible, keywordHits, keywordHitCount, fieldKeyword,
            explain, out);
      } else if (regions.length > 0) {
        // One matcher for all of a group's regions: re2j's matcher is costly to create.
        Matcher m = group.criteria.pattern().matcher("");
        RegexNeed need = group.search.get().need; // regions come from the prefilter, so search is set
        for (int r = 0; r < regions.length; r += 2) {
          if (need != null && !need.mayMatch(text, regions[r], regions[r + 1])) {
            continue; // no match can lie here: re2j would only confirm it, at 40 ns or more a char
          }
          m.reset(text.prefix(regions[r + 1]));
          find(group, m, text, regions[r], regions[r + 1], reportFrom, reportTo, eligible, keywordHits, keywordHitCount,
              fieldKeyword, explain, out);
        }
      }
    }
    if (out.size() > 1) {
      // Stable sort: within a group, candidates stay in member (catalog) order.
      out.sort(Comparator.comparingInt(Candidate::start).thenComparingInt(Candidate::end));
      resolveSameSpan(out);
    }
    return out;
  }

  /** Appends the pair {@code (a, b)} to entry {@code e}'s hits, growing its array as needed. */
  private static void addHit(int[][] hits, int[] counts, int e, int a, int b) {
    int[] h = hits[e];
    int count = counts[e];
    if (h == null) {
      h = hits[e] = new int[8];
    } else if (h.length < (count + 1) * 2) {
      h = hits[e] = Arrays.copyOf(h, h.length * 2);
    }
    h[count * 2] = a;
    h[count * 2 + 1] = b;
    counts[e] = count + 1;
  }

  /**
   * Where several managed identifiers count the very same text (the same start and end), only one
   * reports it, so that a value is never counted twice (for example a 9-digit number that is both a
   * national id of one country and a tax id of another, each with a keyword nearby). The rule: a
   * keyword in the value's field names wins; then the longer (more specific) keyword; then the
   * nearest keyword in the text; then the identifier that comes first in the detector's list (the
   * catalog order). Custom identifiers are
   * never displaced: Macie reports custom and managed detections side by side.
   */
  private void resolveSameSpan(List<Candidate> out) {
    int i = 0;
    while (i < out.size()) {
      int j = i + 1;
      while (j < out.size() && out.get(j).start() == out.get(i).start() && out.get(j).end() == out.get(i).end()) {
        j++;
      }
      if (j - i > 1) {
        Candidate best = null;
        for (int k = i; k < j; k++) {
          Candidate c = out.get(k);
          if (c.counted() && c.identifier() instanceof ManagedDataIdentifier && (best == null || better(c, best))) {
            best = c;
          }
        }
        for (int k = j - 1; k >= i; k--) {
          Candidate c = out.get(k);
          if (c != best && c.counted() && c.identifier() instanceof ManagedDataIdentifier) {
            out.remove(k);
            j--;
          }
        }
      }
      i = j;
    }
  }

  private boolean better(Candidate a, Candidate b) {
    if (a.keywordInField() != b.keywordInField()) {
      return a.keywordInField();
    }
    // A longer keyword is the more specific one: "passport number" speaks for the identifier that
    // lists it more than a bare "passport" does for another.
    int ka = a.keyword() == null ? 0 : a.keyword().length();
    int kb = b.keyword() == null ? 0 : b.keyword().length();
    if (ka != kb) {
      return ka > kb;
    }
    int da = a.keywordDistance() < 0 ? Integer.MAX_VALUE : a.keywordDistance();
    int db = b.keywordDistance() < 0 ? Integer.MAX_VALUE : b.keywordDistance();
    if (da != db) {
      return da < db;
    }
    return order(a.identifier()) < order(b.identifier());
  }

  private int order(DataIdentifier id) {
    for (Entry e : entries) {
      if (e.identifier == id) {
        return e.number;
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * How far beyond a keyword's proximity window a regional search extends, so that a match is not
   * cut short by the region's end (a cut match is discarded, see {@link #find}).
   */
  static final int REGION_MARGIN = 256;

  /** A seed's regions: from where its automaton fired in the keyword pass, when it has one there. */
  private int[] seedRegions(Seeds seeds, CharSequence text, TriggerAutomaton.Fired fired) {
    Integer k = fired == null ? null : triggeredSeeds.get(seeds);
    if (k == null) {
      return seeds.regions(text);
    }
    return ((Seeds.Triggered) seeds).regionsAt(text, fired.offsets[k], fired.counts[k]);
  }

  /**
   * The regions of {@code text} worth searching for a group, or null when the whole text must be
   * searched. A member that requires a keyword is searched around each keyword hit, as far as the
   * proximity rule reaches plus a margin for the match itself; the matches a member counts without
   * a keyword (all of them, or the qualified ones) are searched where its {@link Seeds} say they
   * can be, or around its literal seeds found by the keyword pass. A member with a keyword in the
   * field names, or without seeds for what counts without a keyword, needs the whole text. Merged,
   * in order, as {@code [start0, end0, start1, end1, ...]}.
   */
  private int[] regions(
      PatternGroup group, CharSequence text, boolean[] eligible, int[][] keywordHits, int[] keywordHitCount,
      String[] fieldKeyword, int[][] anchorHits, int[] anchorHitCount, TriggerAutomaton.Fired fired) {
    int length = text.length();
    Seeds groupSeeds = group.criteria.seeds();
    if (groupSeeds != null && !(groupSeeds instanceof Seeds.Around) && !countsOnlyNearKeywords(group, eligible, fieldKeyword)) {
      // Plain seeds cover every match of the pattern, with a keyword (in the text or the field
      // names) or without. When only matches near a keyword in the text count, the regions
      // around those keywords are smaller, and cost no pass of their own over the text (a seed
      // not fused into the keyword pass costs 0.5 ns a char or more).
      return seedRegions(groupSeeds, text, fired);
    }
    int margin = group.search.get().margin; // regions are the prefilter's: search is set
    long[] spans = new long[16];
    int n = 0;
    Seeds seedsDone = null; // members of a group usually share one Seeds: run it once
    for (int member : group.members) {
      if (!eligible[member]) {
        continue;
      }
      Entry entry = entries[member];
      KeywordRequirement requirement = entry.criteria.keywordRequirement();
      if (fieldKeyword[member] != null) {
        return null;
      }
      if (requirement == KeywordRequirement.REQUIRED || requirement == KeywordRequirement.REQUIRED_UNLESS_QUALIFIED) {
        Proximity proximity = entry.criteria.proximity();
        int[] hits = keywordHits[member];
        for (int h = 0; h < keywordHitCount[member]; h++) {
          int kStart = hits[h * 2];
          int kEnd = kStart + index.literalLength(hits[h * 2 + 1]);
          int start = proximity.side() == Proximity.Side.PRECEDING ? kEnd : kStart - proximity.distance() - margin;
          int end = kEnd + proximity.distance() + margin;
          if (n == spans.length) {
            spans = Arrays.copyOf(spans, n * 2);
          }
          spans[n++] = ((long) Math.max(0, start) << 32) | Math.min(length, end);
        }
      }
      if (requirement == KeywordRequirement.REQUIRED) {
        continue;
      }
      // What counts without a keyword.
      if (entry.around != null) {
        int[] hits = anchorHits[member];
        for (int h = 0; h < anchorHitCount[member]; h++) {
          if (n == spans.length) {
            spans = Arrays.copyOf(spans, n * 2);
          }
          spans[n++] = entry.around.span(hits[h * 2], hits[h * 2 + 1], length);
        }
      } else if (entry.criteria.seeds() != null) {
        if (entry.criteria.seeds() != seedsDone) {
          seedsDone = entry.criteria.seeds();
          int[] seedRegions = seedRegions(seedsDone, text, fired);
          if (n + seedRegions.length / 2 > spans.length) {
            spans = Arrays.copyOf(spans, Math.max(spans.length * 2, n + seedRegions.length / 2));
          }
          for (int r = 0; r < seedRegions.length; r += 2) {
            spans[n++] = ((long) seedRegions[r] << 32) | seedRegions[r + 1];
          }
        }
      } else {
        return null;
      }
    }
    return Seeds.merge(spans, n);
  }

  /** Whether every eligible member of the group counts a match only near a keyword in the text. */
  private boolean countsOnlyNearKeywords(PatternGroup group, boolean[] eligible, String[] fieldKeyword) {
    for (int member : group.members) {
      if (eligible[member]
          && (fieldKeyword[member] != null || entries[member].criteria.keywordRequirement() != KeywordRequirement.REQUIRED)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs a group's pattern from {@code from} and judges each match that starts in {@code
   * [reportFrom, reportTo)}. {@code m} is the group's matcher, reset to {@code full} or to its
   * first {@code to} chars (a region's search stops there). When {@code to} is before the end of
   * {@code full}, a match that reaches {@code to} may have been cut short, and is left out: a
   * region extends beyond where a keyword could still be near by the pattern's longest match (see
   * {@link MatchLength}), or reaches as far as its seeds say a match can, so such a match would not
   * have counted anyway.
   */
  private void find(
      PatternGroup group, Matcher m, CharSequence full, int from, int to, int reportFrom, int reportTo, boolean[] eligible,
      int[][] keywordHits, int[] keywordHitCount, String[] fieldKeyword, boolean explain, List<Candidate> out) {
    boolean cut = to < full.length();
    Search search = group.search == null ? null : group.search.get();
    int searchFrom = from;
    while (searchFrom <= to) {
      int s;
      int e;
      if (search != null && search.dfa != null) {
        // re2j costs 40 ns or more a char, its search from where no match can start included.
        long match = search.dfa.next(m, full, searchFrom, to, search.longest, search.fixed);
        if (match < 0) {
          break;
        }
        s = (int) (match >>> 32);
        e = (int) match;
      } else if (m.find(searchFrom)) {
        s = m.start();
        e = m.end();
      } else {
        break;
      }
      searchFrom = e > s ? e : e + 1;
      if (s >= reportTo) {
        break;
      }
      if (s < reportFrom || e == s || (cut && e >= to)) {
        continue;
      }
      boolean valid = group.criteria.validator().accepts(full, s, e);
      for (int member : group.members) {
        if (!eligible[member]) {
          continue;
        }
        Candidate c = judge(entries[member], full, s, e, valid, keywordHits[member], keywordHitCount[member], fieldKeyword[member]);
        if (explain || c.counted()) {
          out.add(c);
        }
      }
    }
  }

  private Candidate judge(
      Entry entry, CharSequence text, int s, int e, boolean valid, int[] hits, int hitCount, String fieldKeyword) {
    DataIdentifier id = entry.identifier;
    DetectionCriteria c = entry.criteria;
    if (!valid) {
      return new Candidate(id, s, e, Verdict.INVALID, null, -1, fieldKeyword != null, null);
    }
    // Nearest keyword in the text, as the proximity rule measures distance.
    String nearest = null;
    int nearestDistance = -1;
    boolean anyBefore = false;
    boolean anyAfter = false;
    if (hits != null) {
      for (int h = 0; h < hitCount; h++) {
        int kStart = hits[h * 2];
        LiteralUse use = uses[hits[h * 2 + 1]];
        int kEnd = kStart + index.literalLength(hits[h * 2 + 1]);
        if (kEnd <= s) {
          anyBefore = true;
        } else if (kStart >= e) {
          anyAfter = true;
        }
        int d = c.proximity().distanceOf(kStart, kEnd, s, e);
        if (d >= 0 && (nearestDistance < 0 || d < nearestDistance)) {
          nearestDistance = d;
          nearest = use.keyword;
        }
      }
    }
    boolean near = fieldKeyword != null || (nearestDistance >= 0 && nearestDistance <= c.proximity().distance());
    switch (c.keywordRequirement()) {
      case REQUIRED_UNLESS_QUALIFIED -> {
        if (!near && !c.qualifier().accepts(text, s, e)) {
          Verdict why = nearestDistance >= 0 ? Verdict.KEYWORD_TOO_FAR : Verdict.NO_KEYWORD;
          return new Candidate(id, s, e, why, nearest, nearestDistance, false, null);
        }
      }
      case REQUIRED -> {
        if (!near) {
          Verdict why;
          if (nearestDistance >= 0) {
            why = Verdict.KEYWORD_TOO_FAR;
          } else if (anyAfter && !anyBefore && c.proximity().side() == Proximity.Side.PRECEDING) {
            why = Verdict.KEYWORD_AFTER;
          } else {
            why = Verdict.NO_KEYWORD;
          }
          return new Candidate(id, s, e, why, nearest, nearestDistance, false, null);
        }
      }
      case ABSENT -> {
        if (near) {
          return new Candidate(
              id, s, e, Verdict.KEYWORD_PRESENT, fieldKeyword != null ? fieldKeyword : nearest, nearestDistance,
              fieldKeyword != null, null);
        }
      }
      case NOT_REQUIRED -> {
        // Keywords play no part.
      }
    }
    String keyword = fieldKeyword != null && (nearest == null || nearestDistance > c.proximity().distance()) ? fieldKeyword : nearest;
    if (!c.ignoreWords().isEmpty()) {
      String value = text.subSequence(s, e).toString();
      for (String word : c.ignoreWords()) {
        if (value.contains(word)) {
          return new Candidate(id, s, e, Verdict.IGNORE_WORD, keyword, nearestDistance, fieldKeyword != null, word);
        }
      }
    }
    if (!allowLists.isEmpty()) {
      CharSequence value = text.subSequence(s, e);
      for (AllowList list : allowLists) {
        if (list.allows(value)) {
          return new Candidate(id, s, e, Verdict.ALLOW_LIST, keyword, nearestDistance, fieldKeyword != null, list.name());
        }
      }
    }
    return new Candidate(id, s, e, Verdict.COUNTED, keyword, nearestDistance, fieldKeyword != null, null);
  }

  /**
   * Whether a literal found at {@code [start, end)} stands as a whole word: at each edge where the
   * keyword has a letter or digit, the neighbouring char must not continue the word. A change from
   * letter to digit, or from lower to upper case (camelCase), also ends a word, so that {@code
   * customerSsn} and {@code SSN123} contain the keyword {@code ssn}.
   */
  private static boolean isWholeWord(CharSequence text, int start, int end, LiteralUse use) {
    if (use.alnumFirst && start > 0 && continuesWord(text.charAt(start - 1), text.charAt(start))) {
      return false;
    }
    return !(use.alnumLast && end < text.length() && continuesWord(text.charAt(end - 1), text.charAt(end)));
  }

  /** Whether {@code after} continues the word that {@code before}, the char just before it, is in. */
  private static boolean continuesWord(char before, char after) {
    if (Character.isLetter(before) && Character.isLetter(after)) {
      return !(Character.isLowerCase(before) && Character.isUpperCase(after));
    }
    return Character.isDigit(before) && Character.isDigit(after);
  }

  /**
   * A keyword and the variants Macie also matches: each space may instead be nothing, an
   * underscore or a hyphen ("Keyword requirements for managed data identifiers").
   */
  static List<String> variants(String keyword) {
    String k = keyword.toLowerCase(Locale.ROOT);
    if (k.indexOf(' ') < 0) {
      return List.of(k);
    }
    return List.of(k, k.replace(" ", ""), k.replace(' ', '_'), k.replace(' ', '-'));
  }

  private static int[] append(int[] array, int value) {
    for (int v : array) {
      if (v == value) {
        return array;
      }
    }
    int[] out = Arrays.copyOf(array, array.length + 1);
    out[array.length] = value;
    return out;
  }
}
