package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Published BBANs (the IBAN registry's examples) and single-character changes of them. */
class NationalAccountKeysTest {

  @Test
  void frenchRib() {
    assertThat(NationalAccountKeys.isFrenchRib("20041010050500013M02606")).isTrue();
    assertThat(NationalAccountKeys.isFrenchRib("30006000011234567890189")).isTrue();
    assertThat(NationalAccountKeys.isFrenchRib("20041010050500013M02607")).isFalse();
    assertThat(NationalAccountKeys.isFrenchRib("20041010050500013N02606")).isFalse();
    assertThat(NationalAccountKeys.isFrenchRib("2004101005050001")).isFalse();
  }

  @Test
  void italianCin() {
    assertThat(NationalAccountKeys.isItalianCin("X0542811101000000123456")).isTrue();
    assertThat(NationalAccountKeys.isItalianCin("Y0542811101000000123456")).isFalse();
    assertThat(NationalAccountKeys.isItalianCin("X0542811101000000123457")).isFalse();
  }

  @Test
  void spanishCcc() {
    assertThat(NationalAccountKeys.isSpanishCcc("21000418450200051332")).isTrue();
    assertThat(NationalAccountKeys.isSpanishCcc("21000418460200051332")).isFalse();
    assertThat(NationalAccountKeys.isSpanishCcc("21000418450200051333")).isFalse();
    assertThat(NationalAccountKeys.isSpanishCcc("2100041845020005133A")).isFalse();
  }
}
