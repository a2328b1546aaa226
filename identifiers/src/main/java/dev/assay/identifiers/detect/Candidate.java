package dev.assay.identifiers.detect;

import dev.assay.identifiers.DataIdentifier;

/**
 * A match of an identifier's pattern and the verdict on it. Offsets are UTF-16 char offsets into
 * the scanned text, 0-based, end exclusive.
 *
 * @param identifier the identifier whose pattern matched
 * @param start first char of the match
 * @param end one past the last char of the match
 * @param verdict whether it counted, and if not why
 * @param keyword the keyword found nearest (null if none, or if it was found in a field name)
 * @param keywordDistance the keyword's distance as the identifier's proximity rule measures it; -1
 *     when there is no keyword in the text
 * @param keywordInField whether a keyword was found in the value's field names
 * @param detail extra words for an explanation (the ignore word, the allow list), or null
 */
public record Candidate(
    DataIdentifier identifier,
    int start,
    int end,
    Verdict verdict,
    String keyword,
    int keywordDistance,
    boolean keywordInField,
    String detail) {

  public boolean counted() {
    return verdict == Verdict.COUNTED;
  }
}
