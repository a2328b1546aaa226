package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.ManagedDataIdentifier;
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
    String before = System.getProperty("assay.hyperscan");
    System.setProperty("assay.hyperscan", "true");
    try {
      assumeTrue(NativeSeeds.available(), "Hyperscan does not load here");
      check();
    } finally {
      if (before == null) {
        System.clearProperty("assay.hyperscan");
      } else {
        System.setProperty("assay.hyperscan", before);
      }
    }
  }

  private static void check() {
    // The identifiers whose patterns run without a keyword (the ones the native prefilter serves),
    // and a few that need one; the whole catalog takes Hyperscan too long to compile for a test.
    List<ManagedDataIdentifier> ids =
        ManagedCatalog.all().stream()
            .filter(
                m ->
                    m.id().startsWith("CREDIT_CARD")
                        || m.id().equals("PKCS")
                        || m.id().equals("USA_SOCIAL_SECURITY_NUMBER")
                        || m.id().equals("GERMANY_BANK_ACCOUNT_NUMBER")
                        || m.id().equals("JSON_WEB_TOKEN"))
            .toList();
    Detector fast = Detector.of(ids, List.of());
    Detector full = Detector.withoutPrefilter(ids, List.of());
    assertThat(fast.usesNativePrefilter()).isTrue();
    Random random = new Random(99);
    String[] planted = {
      "4556737586899855",
      "4556 7375 8689 9855",
      "5425-2334-3010-9903",
      "4556 7375 8689 9856",
      "ünïcødé 4024007153361885 ü",
      "SSN 512-23-4411",
      "12345678901234567890",
      "IBAN DE89 3704 0044 0532 0130 00",
      "DE89370400440532013000",
      "x4556737586899855x",
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAx3Qz0xExampleOnlyNotARealKeyButShaped\n"
    };
    for (int round = 0; round < 40; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        sb.append(
            random.nextBoolean()
                ? planted[random.nextInt(planted.length)]
                : Integer.toString(random.nextInt(1_000_000)));
        sb.append(random.nextInt(4) == 0 ? "\n" : " ");
      }
      String text = sb.toString();
      assertThat(fast.scan(text, FieldContext.NONE))
          .as(text)
          .isEqualTo(full.scan(text, FieldContext.NONE));
    }
  }
}
