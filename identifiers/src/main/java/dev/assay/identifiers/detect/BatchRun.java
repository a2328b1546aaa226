package dev.assay.identifiers.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scan of a batch: the keyword pass over all of its chars, then each text searched as its own
 * evidence says. Hits are recorded with their offsets in the batch and sorted by where they end,
 * which is the order a text's own pass reports them in (it reports each literal where it ends), so
 * that each text's evidence, and so its candidates, are those of its own scan.
 */
final class BatchRun {
  private static final int ANCHOR = 0;
  private static final int AROUND = 1;
  private static final int KEYWORD = 2;

  private final Detector d;

  private final TextBatch batch;
  private final CharArrayText whole;
  private final TextBatch.Scratch scratch;
  private final TriggerAutomaton.Fired fired;
  private final Map<Seeds, int[]> seedRegions = new IdentityHashMap<>();

  /**
   * Per text, {@code seededWords} longs of bits, one for each seeded group with a region of one of
   * its seeds in the text (bit {@code k % 64} of word {@code k / 64} for seeded group {@code k}).
   */
  private long[] seededBits;

  private int seededWords;
  private int nextHit; // the first hit, in end order, not yet given to a text
  private int textStart; // the text being searched, in batch offsets
  private int textEnd;

  BatchRun(Detector d, TextBatch batch) {
    this.d = d;
    this.batch = batch;
    this.whole = new CharArrayText(batch.chars, 0, batch.length);
    this.scratch = batch.scratchFor(d, d.entries.length, d.groups.length);
    this.fired = d.triggers == null ? null : new TriggerAutomaton.Fired(d.triggers.seeds());
  }

  void run(Detector.BatchSink sink) {
    keywordPass();
    TextBatch.Scratch s = scratch;
    long[] order = s.order;
    for (int h = 0; h < s.hitCount; h++) {
      order[h] = ((long) s.hitEnd[h] << 32) | h;
    }
    if (!ascending(order, s.hitCount)) {
      Arrays.sort(order, 0, s.hitCount); // the pass reports in end order but for its two walks
    }
    Detector.Evidence evidence = s.evidence;
    evidence.batch = this;
    evidence.fired = null;
    List<Candidate> out = new ArrayList<>();
    // Each step its own method: the JIT compiles small methods sooner and recompiles one, not
    // the whole loop, when a new path turns up (a loop with all of them inlined was compiled eight
    // times in a 48 MB scan, most of it while the scan ran in slower code).
    nextHit = 0;
    markSeededTexts();
    for (int i = 0; i < batch.count; i++) {
      int a = batch.starts[i];
      int b = batch.ends[i];
      int nTouched = gatherHits(a, b);
      nTouched = gatherFieldKeywords(i, nTouched);
      int nVisit = groupsToVisit(i, nTouched);
      if (nVisit > 0) {
        searchText(i, a, b, nVisit, out, sink);
      }
      for (int k = 0; k < nTouched; k++) {
        evidence.reset(s.touched[k]);
        s.touchedMark[s.touched[k]] = false;
      }
    }
    evidence.batch = null;
  }

  /** The keyword pass over the whole batch, its hits recorded in the scratch state. */
  private void keywordPass() {
    TextBatch.Scratch s = scratch;
    s.hitCount = 0;
    if (d.index != null) {
      KeywordIndex.Hits onLiteral =
          (literal, start, end) -> {
            LiteralUse use = d.uses[literal];
            for (int e : use.anchorOf) {
              s.record(ANCHOR, e, start, end, 0);
            }
            for (int k = 0; k < use.seedOf.length; k++) {
              int e = use.seedOf[k];
              if (d.entries[e]
                  .around()
                  .occursAt(whole, start, use.seedText[k], use.seedStartsWord[k])) {
                s.record(AROUND, e, start, end, end);
              }
            }
            if (use.keywordOf.length > 0 && use.isWholeWordAt(whole, start, end)) {
              for (int e : use.keywordOf) {
                s.record(KEYWORD, e, start, end, literal);
              }
            }
          };
      if (d.triggers != null) {
        KeywordIndex.scan(d.index, whole, onLiteral, d.triggers, fired);
      } else {
        d.index.scan(whole, 0, whole.length(), onLiteral);
      }
    } else if (d.triggers != null) {
      KeywordIndex.scan(null, whole, null, d.triggers, fired);
    }
  }

  /**
   * Moves the hits that end by {@code b} into the evidence of the text {@code [a, b)}, and returns
   * how many entries they touched (listed in the scratch state).
   */
  private int gatherHits(int a, int b) {
    TextBatch.Scratch s = scratch;
    Detector.Evidence evidence = s.evidence;
    long[] order = s.order;
    int nTouched = 0;
    int h = nextHit;
    for (; h < s.hitCount && (int) (order[h] >>> 32) <= b; h++) {
      int hit = (int) order[h];
      int start = s.hitStart[hit];
      if (start < a) {
        continue; // a literal with the separator in it: it belongs to no text
      }
      int e = s.hitEntry[hit];
      switch (s.hitKind[hit]) {
        case ANCHOR -> evidence.anchorSeen[e] = true;
        case AROUND ->
            Detector.addHit(
                evidence.anchorHits, evidence.anchorHitCount, e, start - a, s.hitEnd[hit] - a);
        default ->
            Detector.addHit(
                evidence.keywordHits, evidence.keywordHitCount, e, start - a, s.hitValue[hit]);
      }
      if (!s.touchedMark[e]) {
        s.touchedMark[e] = true;
        s.touched[nTouched++] = e;
      }
    }
    nextHit = h;
    return nTouched;
  }

  /** Adds text {@code i}'s field-name keywords to its evidence; returns the entries touched. */
  private int gatherFieldKeywords(int i, int nTouched) {
    TextBatch.Scratch s = scratch;
    Detector.FieldKeywords inField = batch.fieldKeywords(i, d);
    int[] entries = inField.entries();
    for (int k = 0; k < entries.length; k++) {
      int e = entries[k];
      s.evidence.fieldKeyword[e] = inField.keywords()[k];
      if (!s.touchedMark[e]) {
        s.touchedMark[e] = true;
        s.touched[nTouched++] = e;
      }
    }
    return nTouched;
  }

  /**
   * Lists in the scratch state the groups to search in text {@code i}: those of the entries its
   * evidence touched, those searched in every text, and the seeded ones with a region in it.
   * Returns how many.
   */
  private int groupsToVisit(int i, int nTouched) {
    TextBatch.Scratch s = scratch;
    boolean[] visit = s.visit;
    int[] toVisit = s.toVisit;
    int nVisit = 0;
    for (int k = 0; k < nTouched; k++) {
      int g = d.groupOf[s.touched[k]];
      if (!visit[g]) {
        visit[g] = true;
        toVisit[nVisit++] = g;
      }
    }
    for (int g : d.everyTextGroups) {
      if (!visit[g]) {
        visit[g] = true;
        toVisit[nVisit++] = g;
      }
    }
    for (int w = 0; w < seededWords; w++) {
      long bits = seededBits[i * seededWords + w];
      while (bits != 0) {
        int g = d.seededGroups[w * 64 + Long.numberOfTrailingZeros(bits)];
        bits &= bits - 1;
        if (!visit[g]) {
          visit[g] = true;
          toVisit[nVisit++] = g;
        }
      }
    }
    return nVisit;
  }

  /** Searches text {@code i}, {@code [a, b)}, for the groups listed, and reports what counted. */
  private void searchText(
      int i, int a, int b, int nVisit, List<Candidate> out, Detector.BatchSink sink) {
    TextBatch.Scratch s = scratch;
    Detector.Evidence evidence = s.evidence;
    int[] toVisit = s.toVisit;
    Arrays.sort(toVisit, 0, nVisit);
    textStart = a;
    textEnd = b;
    CharArrayText text = new CharArrayText(batch.chars, a, b - a);
    if (nVisit > 1 && b - a <= Detector.UNION_TEXT_MAX) {
      siftByUnion(text, toVisit, nVisit);
    }
    evidence.report(0, b - a, false, out);
    for (int k = 0; k < nVisit; k++) {
      int g = toVisit[k];
      s.visit[g] = false;
      if (s.noMatch[g]) {
        s.noMatch[g] = false;
        continue;
      }
      d.searchGroup(g, text, evidence, s.matchers);
      for (int e : d.groups[g].members()) {
        evidence.eligible[e] = false;
      }
    }
    d.sortAndResolve(out);
    for (Candidate c : out) {
      sink.accept(i, c);
    }
    out.clear();
  }

  /**
   * Marks in {@link TextBatch.Scratch#noMatch} the groups to visit whose pattern has no match
   * anywhere in {@code text}, found by one pass of their union's DFA instead of a search per group:
   * a search of a region of the text finds only matches of the pattern in the text (a match cut
   * short by the region's end is left out, see {@link Detector#find}), so such a group finds
   * nothing. A set of groups gets a union once it has come {@value TextBatch#UNION_AFTER} times, so
   * that sets that come rarely cost no DFA.
   */
  private void siftByUnion(CharArrayText text, int[] toVisit, int nVisit) {
    TextBatch.Scratch s = scratch;
    int[] members = s.unionMembers;
    int m = 0;
    for (int k = 0; k < nVisit && m < RegionDfa.UNION_MAX; k++) {
      if (d.searchedByDfa(toVisit[k])) {
        members[m++] = toVisit[k];
      }
    }
    if (m < 2) {
      return;
    }
    RegionDfa union = s.union(members, m);
    if (union == null) {
      return;
    }
    int matching = union.matchingPatterns(text, 0, text.length());
    for (int j = 0; j < m; j++) {
      if ((matching & (1 << j)) == 0) {
        s.noMatch[members[j]] = true;
      }
    }
  }

  private static boolean ascending(long[] values, int n) {
    for (int i = 1; i < n; i++) {
      if (values[i] < values[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sets, for each text, the bits of the seeded groups with a region of one of their seeds in it: a
   * region {@code [rs, re)} reaches a text {@code [a, b)} when {@code a < re} and {@code rs < b}.
   * Regions and texts both come in order, so one walk over each seed's regions and the texts they
   * reach does it, not a look at every seeded group for every text.
   */
  private void markSeededTexts() {
    int groups = d.seededGroups.length;
    int count = batch.count;
    seededWords = (groups + 63) >>> 6;
    seededBits = scratch.seededBits(count * seededWords);
    int[] starts = batch.starts;
    int[] ends = batch.ends;
    for (int k = 0; k < groups; k++) {
      int word = k >>> 6;
      long bit = 1L << k;
      for (Seeds seeds : d.seededGroupSeeds[k]) {
        int[] r = wholeRegions(seeds);
        int i = 0;
        for (int j = 0; j < r.length; j += 2) {
          int from = r[j];
          int to = r[j + 1];
          while (i < count && ends[i] <= from) {
            i++; // ends before this region, and so before every later one
          }
          for (int t = i; t < count && starts[t] < to; t++) {
            seededBits[t * seededWords + word] |= bit;
          }
        }
      }
    }
  }

  /** The seed's regions over the whole batch, found once per batch. */
  private int[] wholeRegions(Seeds seeds) {
    int[] r = seedRegions.get(seeds);
    if (r == null) {
      Integer k = fired == null ? null : d.triggeredSeeds.get(seeds);
      r =
          k == null
              ? seeds.regions(whole)
              : ((Seeds.Triggered) seeds).regionsAt(whole, fired.offsets[k], fired.counts[k]);
      seedRegions.put(seeds, r);
    }
    return r;
  }

  /** The seed's regions in the text being searched, cut to it, in its own offsets. */
  int[] regionsInText(Seeds seeds) {
    int[] r = wholeRegions(seeds);
    int k = firstEndingAfter(r, textStart);
    int n = 0;
    while (k + n < r.length && r[k + n] < textEnd) {
      n += 2;
    }
    int[] out = new int[n];
    for (int j = 0; j < n; j += 2) {
      out[j] = Math.max(r[k + j], textStart) - textStart;
      out[j + 1] = Math.min(r[k + j + 1], textEnd) - textStart;
    }
    return out;
  }

  /** The index of the first region of {@code r} that ends after {@code at} (r.length if none). */
  private int firstEndingAfter(int[] r, int at) {
    int lo = 0;
    int hi = r.length / 2;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (r[mid * 2 + 1] <= at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo * 2;
  }
}
