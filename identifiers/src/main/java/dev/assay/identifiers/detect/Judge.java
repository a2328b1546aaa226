package dev.assay.identifiers.detect;

import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.DetectionCriteria;
import dev.assay.identifiers.Proximity;
import java.util.List;

/**
 * Macie's rules for one match of an identifier's pattern, in the order Macie applies them: the
 * validator's verdict (checksums and the like), the keyword requirement within the maximum match
 * distance (a keyword in the field's names counts as near), the ignore words, then the allow lists.
 * The first rule that rejects the match names the {@link Verdict}; a match no rule rejects is
 * {@link Verdict#COUNTED}. Immutable and thread-safe.
 */
final class Judge {
  private final List<AllowList> allowLists;
  private final KeywordIndex index;
  private final LiteralUse[] uses;

  Judge(List<AllowList> allowLists, KeywordIndex index, LiteralUse[] uses) {
    this.allowLists = allowLists;
    this.index = index;
    this.uses = uses;
  }

  /**
   * Judges the match {@code [s, e)} of {@code entry}'s pattern in {@code text}.
   *
   * @param valid whether the identifier's validator accepts the match
   * @param evidence what the keyword pass found in the text: the entry's keyword hits, and its
   *     first keyword in the field's names
   */
  Candidate judge(
      Detector.Entry entry,
      CharSequence text,
      int s,
      int e,
      boolean valid,
      Detector.Evidence evidence) {
    int[] hits = evidence.keywordHits[entry.number()];
    int hitCount = evidence.keywordHitCount[entry.number()];
    String fieldKeyword = evidence.fieldKeyword[entry.number()];
    DataIdentifier id = entry.identifier();
    DetectionCriteria c = entry.criteria();
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
    boolean near =
        fieldKeyword != null
            || (nearestDistance >= 0 && nearestDistance <= c.proximity().distance());
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
              id,
              s,
              e,
              Verdict.KEYWORD_PRESENT,
              fieldKeyword != null ? fieldKeyword : nearest,
              nearestDistance,
              fieldKeyword != null,
              null);
        }
      }
      case NOT_REQUIRED -> {
        // Keywords play no part.
      }
    }
    String keyword =
        fieldKeyword != null && (nearest == null || nearestDistance > c.proximity().distance())
            ? fieldKeyword
            : nearest;
    if (!c.ignoreWords().isEmpty()) {
      String value = text.subSequence(s, e).toString();
      for (String word : c.ignoreWords()) {
        if (value.contains(word)) {
          return new Candidate(
              id, s, e, Verdict.IGNORE_WORD, keyword, nearestDistance, fieldKeyword != null, word);
        }
      }
    }
    if (!allowLists.isEmpty()) {
      CharSequence value = text.subSequence(s, e);
      for (AllowList list : allowLists) {
        if (list.allows(value)) {
          return new Candidate(
              id,
              s,
              e,
              Verdict.ALLOW_LIST,
              keyword,
              nearestDistance,
              fieldKeyword != null,
              list.name());
        }
      }
    }
    return new Candidate(
        id, s, e, Verdict.COUNTED, keyword, nearestDistance, fieldKeyword != null, null);
  }
}
