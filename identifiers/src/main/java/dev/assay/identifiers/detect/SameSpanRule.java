package dev.assay.identifiers.detect;

import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.ManagedDataIdentifier;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value, one managed identifier: the rule that decides which of several managed identifiers
 * counting the same span reports it. Immutable and thread-safe.
 */
final class SameSpanRule {
  private final Map<DataIdentifier, Integer> order = new IdentityHashMap<>();

  /** The rule for identifiers in this order: the detector's, which is the catalog's. */
  SameSpanRule(List<? extends DataIdentifier> identifiers) {
    for (int i = 0; i < identifiers.size(); i++) {
      order.putIfAbsent(identifiers.get(i), i);
    }
  }

  /**
   * Where several managed identifiers count the very same text (the same start and end), only one
   * reports it, so that a value is never counted twice (for example a 9-digit number that is both a
   * national id of one country and a tax id of another, each with a keyword nearby). The rule: a
   * keyword in the value's field names wins; then the longer (more specific) keyword; then the
   * nearest keyword in the text; then the identifier that comes first in the detector's list (the
   * catalog order). Custom identifiers are never displaced: Macie reports custom and managed
   * detections side by side.
   */
  void resolve(List<Candidate> out) {
    int i = 0;
    while (i < out.size()) {
      int j = i + 1;
      while (j < out.size()
          && out.get(j).start() == out.get(i).start()
          && out.get(j).end() == out.get(i).end()) {
        j++;
      }
      if (j - i > 1) {
        Candidate best = null;
        for (int k = i; k < j; k++) {
          Candidate c = out.get(k);
          if (c.counted()
              && c.identifier() instanceof ManagedDataIdentifier
              && (best == null || better(c, best))) {
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
    return order.getOrDefault(id, Integer.MAX_VALUE);
  }
}
