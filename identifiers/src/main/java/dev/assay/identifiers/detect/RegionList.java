package dev.assay.identifiers.detect;

import java.util.Arrays;

/** Regions of a text collected in order, merged where they touch or overlap. Not thread-safe. */
final class RegionList {
  private int[] spans = new int[16];
  private int n;

  /** Adds {@code [start, end)}; {@code start} must not be less than that of the previous region. */
  void add(int start, int end) {
    if (n > 0 && start <= spans[n - 1]) {
      spans[n - 1] = Math.max(spans[n - 1], end);
      return;
    }
    if (n + 2 > spans.length) {
      spans = Arrays.copyOf(spans, spans.length * 2);
    }
    spans[n++] = start;
    spans[n++] = end;
  }

  /** The regions as {@code [s0, e0, s1, e1, ...]}. */
  int[] toArray() {
    return Arrays.copyOf(spans, n);
  }
}
