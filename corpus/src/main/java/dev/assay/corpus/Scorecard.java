package dev.assay.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision, recall and F1 per identifier and overall, counted in occurrences: for each sample and
 * identifier, true positives are the expected occurrences found, false positives those found beyond
 * the expected count, false negatives those expected but not found. Mutable while an evaluation
 * fills it; not thread-safe.
 */
public final class Scorecard {
  /** Counts for one identifier. */
  public static final class Score {
    long truePositives;
    long falsePositives;
    long falseNegatives;
    long positiveSamples;
    long negativeSamples;

    public long truePositives() {
      return truePositives;
    }

    public long falsePositives() {
      return falsePositives;
    }

    public long falseNegatives() {
      return falseNegatives;
    }

    public long positiveSamples() {
      return positiveSamples;
    }

    public long negativeSamples() {
      return negativeSamples;
    }

    /** 1 when nothing was reported (no false alarm is possible). */
    public double precision() {
      long reported = truePositives + falsePositives;
      return reported == 0 ? 1.0 : (double) truePositives / reported;
    }

    /** 1 when nothing was expected. */
    public double recall() {
      long expected = truePositives + falseNegatives;
      return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private final Map<String, Score> byIdentifier = new TreeMap<>();

  Score score(String id) {
    return byIdentifier.computeIfAbsent(id, k -> new Score());
  }

  /** Scores by identifier ID, in ID order. */
  public Map<String, Score> byIdentifier() {
    return byIdentifier;
  }

  /** All identifiers together (micro-averaged). */
  public Score overall() {
    Score total = new Score();
    for (Score s : byIdentifier.values()) {
      total.truePositives += s.truePositives;
      total.falsePositives += s.falsePositives;
      total.falseNegatives += s.falseNegatives;
      total.positiveSamples += s.positiveSamples;
      total.negativeSamples += s.negativeSamples;
    }
    return total;
  }

  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-52s %5s %5s %5s %5s %5s  %6s %6s %6s%n",
            "IDENTIFIER",
            "POS",
            "NEG",
            "TP",
            "FP",
            "FN",
            "PREC",
            "RECALL",
            "F1"));
    byIdentifier.forEach((id, s) -> sb.append(line(id, s)));
    sb.append(line("OVERALL", overall()));
    return sb.toString();
  }

  private static String line(String id, Score s) {
    return String.format(
        Locale.ROOT,
        "%-52s %5d %5d %5d %5d %5d  %6.4f %6.4f %6.4f%n",
        id,
        s.positiveSamples,
        s.negativeSamples,
        s.truePositives,
        s.falsePositives,
        s.falseNegatives,
        s.precision(),
        s.recall(),
        s.f1());
  }

  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.set("overall", json(mapper, overall()));
    ObjectNode ids = root.putObject("identifiers");
    byIdentifier.forEach((id, s) -> ids.set(id, json(mapper, s)));
    return root;
  }

  private static ObjectNode json(ObjectMapper mapper, Score s) {
    ObjectNode n = mapper.createObjectNode();
    n.put("positiveSamples", s.positiveSamples);
    n.put("negativeSamples", s.negativeSamples);
    n.put("truePositives", s.truePositives);
    n.put("falsePositives", s.falsePositives);
    n.put("falseNegatives", s.falseNegatives);
    n.put("precision", round(s.precision()));
    n.put("recall", round(s.recall()));
    n.put("f1", round(s.f1()));
    return n;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
