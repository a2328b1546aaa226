package dev.assay.identifiers.managed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.detect.Candidate;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.validate.Iban;
import dev.assay.identifiers.validate.IbanSamples;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random valid IBANs of every country, compact and grouped, through the whole catalog: each is
 * reported exactly once, by one identifier, always the same one for a country and a different one
 * for each country (the country code decides). France, Monaco, Italy, San Marino and Spain are left
 * out: their identifiers also check national keys that random BBANs do not carry (their samples and
 * corpus cover them).
 */
class IbanCountryIdentifiersTest {
  private static final Detector ALL = Detector.of(ManagedCatalog.all(), List.of());
  private static final List<String> WITH_NATIONAL_KEYS = List.of("FR", "MC", "IT", "SM", "ES");

  @Test
  void eachCountrysIban_isReportedOnce_byThatCountrysOwnIdentifier() {
    Random random = new Random(13616);
    Map<String, String> idByCountry = new HashMap<>();
    for (String country : Iban.countries().stream().sorted().toList()) {
      if (WITH_NATIONAL_KEYS.contains(country)) {
        continue;
      }
      for (int i = 0; i < 40; i++) {
        String iban = IbanSamples.generate(country, random);
        String written = i % 2 == 0 ? iban : String.join(" ", iban.split("(?<=\\G.{4})"));
        String text = "Refund to " + written + " by Friday.";
        List<Candidate> found = ALL.scan(text, FieldContext.NONE);
        assertThat(found).as(text).hasSize(1);
        Candidate c = found.get(0);
        assertThat(text.substring(c.start(), c.end())).isEqualTo(written);
        String id = c.identifier().id();
        assertThat(id).endsWith("_BANK_ACCOUNT_NUMBER");
        assertThat(idByCountry.computeIfAbsent(country, k -> id)).as(country).isEqualTo(id);
      }
    }
    assertThat(new HashSet<>(idByCountry.values())).hasSameSizeAs(idByCountry.keySet());
    assertThat(idByCountry).hasSize(Iban.countries().size() - WITH_NATIONAL_KEYS.size());
  }
}
