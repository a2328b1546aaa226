package dev.assay.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The native (Hyperscan) prefilter narrows where re2j runs; the occurrences must be exactly those a
 * full re2j search finds. Skipped where Hyperscan does not load.
 */
class NativePrefilterTest {
  @Test
  void nativePrefilter_findsExactlyWhatTheFullSearchFinds() {
    assumeTrue(NativeSeeds.available(), "Hyperscan does not load here");
    List<? extends DataIdentifier> ids = ManagedCatalog.all();
    Detector fast = Detector.of(ids, List.of());
    Detector full = Detector.withoutPrefilter(ids, List.of());
    assertThat(fast.usesNativePrefilter()).isTrue();
    Random random = new Random(99);
    String[] planted = {
      "4556737586899855", "4556 7375 8689 9855", "5425-2334-3010-9903", "4556 7375 8689 9856", "ünïcødé 4024007153361885 ü",
      "SSN 512-23-4411", "12345678901234567890", "x4556737586899855x", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAx3Qz0xExampleOnlyNotARealKeyButShaped\n"
    };
    for (int round = 0; round < 40; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        sb.append(random.nextBoolean() ? planted[random.nextInt(planted.length)] : Integer.toString(random.nextInt(1_000_000)));
        sb.append(random.nextInt(4) == 0 ? "\n" : " ");
      }
      String text = sb.toString();
      assertThat(fast.scan(text, FieldContext.NONE)).as(text).isEqualTo(full.scan(text, FieldContext.NONE));
    }
  }
}
