package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Finding and job ids look as Macie's do: 32 lowercase hex digits, leading zeros kept, and
 * distinct.
 */
class FindingIdTest {

  @Test
  void idsAre32HexDigitsAndDistinct() {
    Set<String> seen = new HashSet<>();
    boolean leadingZero = false;
    for (int i = 0; i < 20_000; i++) {
      String id = FindingFactory.newId();
      assertThat(id).matches("[0-9a-f]{32}");
      leadingZero |= id.charAt(0) == '0' || id.charAt(16) == '0';
      seen.add(id);
    }
    assertThat(seen).hasSize(20_000);
    // One half in eight starts with a zero digit: 20,000 ids have thousands; each must be kept.
    assertThat(leadingZero).isTrue();
    assertThat(FindingFactory.newJobId()).matches("[0-9a-f]{32}");
  }
}
