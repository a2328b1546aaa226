package dev.assay.identifiers.detect;

import com.google.re2j.Matcher;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.DetectionCriteria;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.KeywordRequirement;
import dev.assay.identifiers.Proximity;
import dev.assay.identifiers.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  final Entry[] entries;
  final PatternGroup[] groups;
  final KeywordIndex index;
  final LiteralUse[] uses;
  private final Judge judge;
  private final SameSpanRule sameSpan;
  private final int keywordReach;
  private final boolean prefilter;
  private final NativeSeeds nativeSeeds; // null where Hyperscan is off or does not load
  // The seeds whose automata run in the keyword pass (by their number in the product), and the
  // product; null when the prefilter is off or no seed has an automaton.
  final Map<Seeds, Integer> triggeredSeeds = new IdentityHashMap<>();
  final TriggerAutomaton triggers;
  private final boolean[] nativeCovered; // by group

  /** The group of each entry. */
  final int[] groupOf;

  /** Groups searched in every text of a batch, whatever the keyword pass found (ascending). */
  final int[] everyTextGroups;

  /** Groups searched in a text of a batch where their plain seeds have a region (ascending). */
  final int[] seededGroups;

  /** For each group in {@link #seededGroups}, the plain seeds whose regions it may search. */
  final Seeds[][] seededGroupSeeds;

  /**
   * The longest text of a batch whose groups are first sifted by a union of their patterns: a cell,
   * a JSON value. A longer text is searched in regions around its keywords and seeds, and a union
   * would read all of it.
   */
  static final int UNION_TEXT_MAX = 256;

  /**
   * Unions built at most; a set of groups past them is searched group by group. Each holds up to
   * 1,000 DFA states of a few hundred bytes: 128 of them are bounded by some 60 MB, and the 384 MB
   * realistic corpus builds 93 that take half a megabyte.
   */
  private static final int MAX_UNIONS = 128;

  /** The unions of groups' patterns, by the groups (ascending), built on first use. */
  private final Map<GroupSet, Union> unions = new ConcurrentHashMap<>();

  /** Groups, by number, ascending. */
  private record GroupSet(int[] groups) {
    @Override
    public boolean equals(Object o) {
      return o instanceof GroupSet g && Arrays.equals(g.groups, groups);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(groups);
    }
  }

  /** A set of groups' union, or null where it could not be built. */
  private record Union(RegionDfa dfa) {}

  /**
   * @param around the criteria's seeds when they are literals the keyword pass finds (their
   *     positions then bound the regions searched); null otherwise
   */
  record Entry(
      int number,
      DataIdentifier identifier,
      DetectionCriteria criteria,
      boolean hasAnchors,
      Seeds.Around around) {}

  /**
   * @param margin how far beyond a keyword's proximity window a regional search extends: the
   *     pattern's longest match, or {@link #REGION_MARGIN} when that is longer or unbounded
   */
  /**
   * Members sharing one pattern and validator. {@code search} is what the prefilter reads from the
   * pattern to search it fast (null without the prefilter).
   */
  record PatternGroup(DetectionCriteria criteria, int[] members, Search search) {}

  /**
   * What makes a group's regional search fast, read from its pattern on first use: building it for
   * every pattern costs start-up time that a scan of a few files does not win back (and a Unicode
   * class is read from re2j's tables only when a DFA needs it). {@code need} is what any match
   * contains, checked on a region before re2j runs there (null when it asks nothing); {@code dfa}
   * finds where re2j's search may start (null when the pattern uses what it does not follow);
   * {@code longest} is the longest match in chars, {@code margin} how far it extends a keyword's
   * region, and {@code fixed} the length of all matches when they have one (0 if not). Thread-safe:
   * built once, under a lock, and published through a volatile field.
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

  private Detector(
      List<? extends DataIdentifier> identifiers, List<AllowList> allowLists, boolean prefilter) {
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
          LiteralUse use =
              literalUses.computeIfAbsent(body.toLowerCase(Locale.ROOT), k -> new LiteralUse(null));
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
        LiteralUse use =
            literalUses.computeIfAbsent(anchor.toLowerCase(Locale.ROOT), k -> new LiteralUse(null));
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
              criteria,
              members.stream().mapToInt(Integer::intValue).toArray(),
              prefilter ? new Search(criteria.regex()) : null);
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
    this.groupOf = new int[entries.length];
    List<Integer> everyText = new ArrayList<>();
    List<Integer> seeded = new ArrayList<>();
    List<Seeds[]> seededSeeds = new ArrayList<>();
    for (int gi = 0; gi < groups.length; gi++) {
      // A text of a batch where the keyword pass found nothing for a group, and whose field names
      // hold none of its keywords, is searched for it only where a member counts without either
      // (no anchors, no keyword required): where its plain seeds say, or everywhere.
      PatternGroup group = groups[gi];
      Seeds groupSeeds = group.criteria.seeds();
      boolean plainGroupSeeds = groupSeeds != null && !(groupSeeds instanceof Seeds.Around);
      boolean everywhere = false;
      List<Seeds> searched = new ArrayList<>();
      for (int member : group.members) {
        groupOf[member] = gi;
        Entry entry = entries[member];
        if (entry.hasAnchors
            || entry.criteria.keywordRequirement() == KeywordRequirement.REQUIRED) {
          continue;
        }
        if (plainGroupSeeds) {
          if (!searched.contains(groupSeeds)) {
            searched.add(groupSeeds);
          }
        } else if (entry.around != null) {
          continue; // searched around its literal seeds, which the pass finds
        } else if (entry.criteria.seeds() != null) {
          if (!searched.contains(entry.criteria.seeds())) {
            searched.add(entry.criteria.seeds());
          }
        } else {
          everywhere = true;
        }
      }
      if (everywhere) {
        everyText.add(gi);
      } else if (!searched.isEmpty()) {
        seeded.add(gi);
        seededSeeds.add(searched.toArray(new Seeds[0]));
      }
    }
    this.everyTextGroups = everyText.stream().mapToInt(Integer::intValue).toArray();
    this.seededGroups = seeded.stream().mapToInt(Integer::intValue).toArray();
    this.seededGroupSeeds = seededSeeds.toArray(new Seeds[0][]);
    this.judge = new Judge(this.allowLists, index, uses);
    this.sameSpan = new SameSpanRule(this.identifiers);
  }

  /** Whether the native (Hyperscan) prefilter is in use for at least one pattern. */
  public boolean usesNativePrefilter() {
    return nativeSeeds != null;
  }

  /** A detector for {@code identifiers}, with {@code allowLists} applied to every occurrence. */
  public static Detector of(
      Collection<? extends DataIdentifier> identifiers, Collection<AllowList> allowLists) {
    return new Detector(List.copyOf(identifiers), List.copyOf(allowLists), true);
  }

  /**
   * A detector that runs every pattern over all of every text: keywords still decide proximity, but
   * no longer which patterns run, or where. It finds the same occurrences, slower; it exists to
   * measure what the prefilter saves and to check that it loses nothing.
   */
  public static Detector withoutPrefilter(
      Collection<? extends DataIdentifier> identifiers, Collection<AllowList> allowLists) {
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
  public List<Candidate> scan(
      CharSequence chars, FieldContext field, int reportFrom, int reportTo, boolean explain) {
    // Every pass below reads one final class, whose charAt the JIT inlines: the window's own
    // array when it comes as one (no copy), else a copy of the chars.
    CharArrayText text = CharArrayText.of(chars);
    Evidence evidence = new Evidence(entries.length);
    evidence.fired = triggers == null ? null : new TriggerAutomaton.Fired(triggers.seeds());
    KeywordIndex.Hits onLiteral = null;
    if (index != null) {
      onLiteral =
          (literal, start, end) -> {
            LiteralUse use = uses[literal];
            for (int e : use.anchorOf) {
              evidence.anchorSeen[e] = true;
            }
            for (int k = 0; k < use.seedOf.length; k++) {
              int e = use.seedOf[k];
              if (entries[e].around.occursAt(text, start, use.seedText[k], use.seedStartsWord[k])) {
                addHit(evidence.anchorHits, evidence.anchorHitCount, e, start, end);
              }
            }
            if (use.keywordOf.length > 0 && use.isWholeWordAt(text, start, end)) {
              for (int e : use.keywordOf) {
                addHit(evidence.keywordHits, evidence.keywordHitCount, e, start, literal);
              }
            }
          };
    }
    if (triggers != null) {
      KeywordIndex.scan(index, text, onLiteral, triggers, evidence.fired);
    } else if (index != null) {
      index.scan(text, 0, text.length(), onLiteral);
    }
    FieldKeywords inField = fieldKeywords(field);
    for (int k = 0; k < inField.entries.length; k++) {
      evidence.fieldKeyword[inField.entries[k]] = inField.keywords[k];
    }
    List<Candidate> out = new ArrayList<>();
    evidence.report(reportFrom, reportTo, explain, out);
    for (int gi = 0; gi < groups.length; gi++) {
      searchGroup(gi, text, evidence, null);
    }
    sortAndResolve(out);
    return out;
  }

  /**
   * Receives the occurrences of a {@link TextBatch}: {@code text} is the index of the batch's text
   * the candidate is in, and its offsets are relative to that text.
   */
  @FunctionalInterface
  public interface BatchSink {
    void accept(int text, Candidate candidate);
  }

  /**
   * Scans each text of {@code batch} as {@link #scan(CharSequence, FieldContext)} scans it alone,
   * with its own field names, and reports what counted to {@code sink}: text by text in the batch's
   * order, and within a text ordered by start offset, exactly as the text's own scan orders them.
   * One keyword pass reads all of the batch, so that a short value (a CSV cell, a JSON value) costs
   * about what its chars cost, not one scan's fixed cost; a text is searched only where the pass
   * found something for it, or where an identifier that counts without a keyword may match.
   * Keywords, seeds and matches of one text never count for another.
   *
   * <p>Runs on the calling thread; {@code batch} is read, not changed, apart from the scratch state
   * it keeps for the next call.
   */
  public void scan(TextBatch batch, BatchSink sink) {
    if (!prefilter || nativeSeeds != null) {
      // Without the prefilter (a reference that runs everything everywhere) or with Hyperscan's
      // regions, which are found per text: each text alone.
      for (int i = 0; i < batch.size(); i++) {
        CharSequence t = batch.text(i);
        for (Candidate c : scan(t, batch.field(i), 0, t.length(), false)) {
          sink.accept(i, c);
        }
      }
      return;
    }
    new BatchRun(this, batch).run(sink);
  }

  /** Sorts occurrences by span and keeps one of several managed identifiers on the same span. */
  void sortAndResolve(List<Candidate> out) {
    if (out.size() > 1) {
      // Stable sort: within a group, candidates stay in member (catalog) order.
      out.sort(Comparator.comparingInt(Candidate::start).thenComparingInt(Candidate::end));
      sameSpan.resolve(out);
    }
  }

  /**
   * Searches one group's pattern in {@code text} as far as {@code evidence} says it may match, and
   * adds the candidates to the list it reports to.
   *
   * @param matchers one matcher per group, kept between texts of a batch; null to make one
   */
  void searchGroup(int gi, CharArrayText text, Evidence evidence, Matcher[] matchers) {
    PatternGroup group = groups[gi];
    boolean explain = evidence.explain;
    boolean[] eligible = evidence.eligible;
    boolean any = false;
    for (int e : group.members) {
      Entry entry = entries[e];
      boolean keywordNear = evidence.keywordHitCount[e] > 0 || evidence.fieldKeyword[e] != null;
      // With REQUIRED_UNLESS_QUALIFIED, the anchors cover the values that count on their own;
      // the others need a keyword, so a keyword anywhere also wakes the pattern.
      boolean ok =
          !prefilter
              || !entry.hasAnchors
              || evidence.anchorSeen[e]
              || (entry.criteria.keywordRequirement()
                      == KeywordRequirement.REQUIRED_UNLESS_QUALIFIED
                  && keywordNear);
      if (ok
          && prefilter
          && entry.criteria.keywordRequirement() == KeywordRequirement.REQUIRED
          && !explain) {
        ok = keywordNear;
      }
      eligible[e] = ok;
      any |= ok;
    }
    if (!any) {
      return;
    }
    boolean narrow = prefilter && !explain;
    int[] regions = narrow ? regions(group, text, evidence) : null;
    if (regions == null && narrow && nativeCovered[gi]) {
      if (evidence.nativeRegions == null) {
        evidence.nativeRegions = nativeSeeds.regions(text);
      }
      regions = evidence.nativeRegions[gi];
    }
    if (regions == null) {
      Matcher m = matcher(gi, matchers, text);
      find(group, m, text, 0, text.length(), evidence);
    } else if (regions.length > 0) {
      // One matcher for all of a group's regions: re2j's matcher is costly to create.
      Matcher m = matcher(gi, matchers, "");
      RegexNeed need = group.search.get().need; // regions come from the prefilter, so search is set
      for (int r = 0; r < regions.length; r += 2) {
        if (need != null && !need.mayMatch(text, regions[r], regions[r + 1])) {
          continue; // no match can lie here: re2j would only confirm it, at 40 ns or more a char
        }
        m.reset(text.prefix(regions[r + 1]));
        find(group, m, text, regions[r], regions[r + 1], evidence);
      }
    }
  }

  /**
   * The union of the patterns of {@code groups} (ascending, each with a DFA, at most {@link
   * RegionDfa#UNION_MAX}), built on first use and shared by every thread; null when it cannot be
   * built or too many have been.
   */
  RegionDfa union(int[] groups) {
    GroupSet key = new GroupSet(groups);
    Union u = unions.get(key);
    if (u == null) {
      if (unions.size() >= MAX_UNIONS) {
        return null;
      }
      u =
          unions.computeIfAbsent(
              key,
              k -> {
                List<String> regexes = new ArrayList<>(k.groups.length);
                for (int g : k.groups) {
                  regexes.add(this.groups[g].criteria.regex());
                }
                return new Union(RegionDfa.union(regexes));
              });
    }
    return u.dfa;
  }

  /** The unions built so far (for tests). */
  int unionCount() {
    return unions.size();
  }

  /** Whether a group's regional search runs a DFA, and so the group may be in a union. */
  boolean searchedByDfa(int gi) {
    Search search = groups[gi].search;
    return search != null && search.get().dfa != null;
  }

  private Matcher matcher(int gi, Matcher[] matchers, CharSequence text) {
    if (matchers == null) {
      return groups[gi].criteria.pattern().matcher(text);
    }
    Matcher m = matchers[gi];
    if (m == null) {
      return matchers[gi] = groups[gi].criteria.pattern().matcher(text);
    }
    return m.reset(text);
  }

  /**
   * What the keyword pass found in one text for each entry (by entry number), and what the text's
   * field names hold, and where the scan reports what it finds. One per scan of a text; a batch
   * keeps one and resets what each text touched. Offsets are relative to the text. Not thread-safe.
   */
  static final class Evidence {
    final int[][] keywordHits; // pairs: keyword start, literal number
    final int[] keywordHitCount;
    final boolean[] anchorSeen;
    final int[][] anchorHits; // pairs: literal seed start, end
    final int[] anchorHitCount;
    final String[] fieldKeyword; // the first keyword found in the field names, or null
    final boolean[] eligible; // by searchGroup, for the group it searches
    TriggerAutomaton.Fired fired; // where the trigger seeds fired in this text; null in a batch
    BatchRun batch; // the batch this text is in, which knows its seeds' regions; null if alone
    int[][] nativeRegions;
    long[] spans = new long[16]; // regions' scratch: spans before they are merged
    // What the scan reports: the matches that start in [reportFrom, reportTo), to out; with
    // explain, those that did not count as well.
    int reportFrom;
    int reportTo;
    boolean explain;
    List<Candidate> out;

    Evidence(int n) {
      keywordHits = new int[n][];
      keywordHitCount = new int[n];
      anchorSeen = new boolean[n];
      anchorHits = new int[n][];
      anchorHitCount = new int[n];
      fieldKeyword = new String[n];
      eligible = new boolean[n];
    }

    void report(int from, int until, boolean everyCandidate, List<Candidate> into) {
      reportFrom = from;
      reportTo = until;
      explain = everyCandidate;
      out = into;
    }

    void reset(int e) {
      keywordHitCount[e] = 0;
      anchorSeen[e] = false;
      anchorHitCount[e] = 0;
      fieldKeyword[e] = null;
      eligible[e] = false;
    }
  }

  /** The entries a field's names hold a keyword of, each with the first such keyword. */
  record FieldKeywords(int[] entries, String[] keywords) {
    static final FieldKeywords NONE = new FieldKeywords(new int[0], new String[0]);
  }

  FieldKeywords fieldKeywords(FieldContext field) {
    if (index == null || field.isEmpty()) {
      return FieldKeywords.NONE;
    }
    String[] first = new String[entries.length];
    int[] count = new int[1];
    for (String name : field.names()) {
      index.scan(
          name,
          0,
          name.length(),
          (literal, start, end) -> {
            LiteralUse use = uses[literal];
            if (use.keywordOf.length > 0 && use.isWholeWordAt(name, start, end)) {
              for (int e : use.keywordOf) {
                if (first[e] == null) {
                  first[e] = use.keyword;
                  count[0]++;
                }
              }
            }
          });
    }
    if (count[0] == 0) {
      return FieldKeywords.NONE;
    }
    int[] es = new int[count[0]];
    String[] ks = new String[count[0]];
    int k = 0;
    for (int e = 0; e < first.length; e++) {
      if (first[e] != null) {
        es[k] = e;
        ks[k++] = first[e];
      }
    }
    return new FieldKeywords(es, ks);
  }

  /** Appends the pair {@code (a, b)} to entry {@code e}'s hits, growing its array as needed. */
  static void addHit(int[][] hits, int[] counts, int e, int a, int b) {
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
   * How far beyond a keyword's proximity window a regional search extends, so that a match is not
   * cut short by the region's end (a cut match is discarded, see {@link #find}).
   */
  static final int REGION_MARGIN = 256;

  /**
   * A seed's regions: from where its automaton fired in the keyword pass, when it has one there.
   */
  private int[] seedRegions(Seeds seeds, CharSequence text, Evidence evidence) {
    if (evidence.batch != null) {
      return evidence.batch.regionsInText(seeds);
    }
    TriggerAutomaton.Fired fired = evidence.fired;
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
  private int[] regions(PatternGroup group, CharSequence text, Evidence evidence) {
    boolean[] eligible = evidence.eligible;
    String[] fieldKeyword = evidence.fieldKeyword;
    int length = text.length();
    Seeds groupSeeds = group.criteria.seeds();
    if (groupSeeds != null
        && !(groupSeeds instanceof Seeds.Around)
        && !countsOnlyNearKeywords(group, eligible, fieldKeyword)) {
      // Plain seeds cover every match of the pattern, with a keyword (in the text or the field
      // names) or without. When only matches near a keyword in the text count, the regions
      // around those keywords are smaller, and cost no pass of their own over the text (a seed
      // not fused into the keyword pass costs 0.5 ns a char or more).
      return seedRegions(groupSeeds, text, evidence);
    }
    int margin = group.search.get().margin; // regions are the prefilter's: search is set
    long[] spans = evidence.spans;
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
      if (requirement == KeywordRequirement.REQUIRED
          || requirement == KeywordRequirement.REQUIRED_UNLESS_QUALIFIED) {
        Proximity proximity = entry.criteria.proximity();
        int[] hits = evidence.keywordHits[member];
        for (int h = 0; h < evidence.keywordHitCount[member]; h++) {
          int kStart = hits[h * 2];
          int kEnd = kStart + index.literalLength(hits[h * 2 + 1]);
          int start =
              proximity.side() == Proximity.Side.PRECEDING
                  ? kEnd
                  : kStart - proximity.distance() - margin;
          int end = kEnd + proximity.distance() + margin;
          if (n == spans.length) {
            spans = evidence.spans = Arrays.copyOf(spans, n * 2);
          }
          spans[n++] = ((long) Math.max(0, start) << 32) | Math.min(length, end);
        }
      }
      if (requirement == KeywordRequirement.REQUIRED) {
        continue;
      }
      // What counts without a keyword.
      if (entry.around != null) {
        int[] hits = evidence.anchorHits[member];
        for (int h = 0; h < evidence.anchorHitCount[member]; h++) {
          if (n == spans.length) {
            spans = evidence.spans = Arrays.copyOf(spans, n * 2);
          }
          spans[n++] = entry.around.span(hits[h * 2], hits[h * 2 + 1], length);
        }
      } else if (entry.criteria.seeds() != null) {
        if (entry.criteria.seeds() != seedsDone) {
          seedsDone = entry.criteria.seeds();
          int[] seedRegions = seedRegions(seedsDone, text, evidence);
          if (n + seedRegions.length / 2 > spans.length) {
            spans =
                evidence.spans =
                    Arrays.copyOf(spans, Math.max(spans.length * 2, n + seedRegions.length / 2));
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
  private boolean countsOnlyNearKeywords(
      PatternGroup group, boolean[] eligible, String[] fieldKeyword) {
    for (int member : group.members) {
      if (eligible[member]
          && (fieldKeyword[member] != null
              || entries[member].criteria.keywordRequirement() != KeywordRequirement.REQUIRED)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs a group's pattern from {@code from} and judges each match that starts in {@code
   * [reportFrom, reportTo)} of {@code evidence}. {@code m} is the group's matcher, reset to {@code
   * full} or to its first {@code to} chars (a region's search stops there). When {@code to} is
   * before the end of {@code full}, a match that reaches {@code to} may have been cut short, and is
   * left out: a region extends beyond where a keyword could still be near by the pattern's longest
   * match (see {@link MatchLength}), or reaches as far as its seeds say a match can, so such a
   * match would not have counted anyway.
   */
  private void find(
      PatternGroup group, Matcher m, CharSequence full, int from, int to, Evidence evidence) {
    boolean[] eligible = evidence.eligible;
    int reportFrom = evidence.reportFrom;
    int reportTo = evidence.reportTo;
    boolean explain = evidence.explain;
    List<Candidate> out = evidence.out;
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
        Candidate c = judge.judge(entries[member], full, s, e, valid, evidence);
        if (explain || c.counted()) {
          out.add(c);
        }
      }
    }
  }

  /**
   * A keyword and the variants Macie also matches: each space may instead be nothing, an underscore
   * or a hyphen ("Keyword requirements for managed data identifiers").
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
