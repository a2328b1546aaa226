package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/**
 * Property tests of the national check-digit validators: a value built from a random payload and
 * its computed check digit passes, and changing any one digit makes it fail (for every scheme that
 * detects all single-digit errors; the exceptions are tested on the positions they do cover).
 */
class CheckDigitPropertiesTest {

  private static final int EXAMPLES = 300;

  @Test
  void verhoeff_aadhaar() {
    qt().withExamples(EXAMPLES)
        .forAll(
            longs().between(20_000_000_000L, 99_999_999_999L),
            integers().all(),
            integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String p = Long.toString(payload);
              String valid = p + Verhoeff.checkDigit(p);
              String mutated = Mutations.changeDigit(valid, at, delta);
              return Verhoeff.isValid(valid)
                  && (AadhaarNumbers.isValid(valid) || Digits.allSame(p))
                  && !Verhoeff.isValid(mutated);
            });
  }

  @Test
  void canadaSocialInsuranceNumber() {
    qt().withExamples(EXAMPLES)
        .forAll(
            longs().between(10_000_000L, 79_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String p = Long.toString(payload);
              String valid = p + Luhn.checkDigit(p);
              return CanadaSocialInsuranceNumbers.isValid(valid)
                  && !CanadaSocialInsuranceNumbers.isValid(Mutations.changeDigit(valid, at, delta));
            });
  }

  @Test
  void nationalProviderIdentifier() {
    qt().withExamples(EXAMPLES)
        .forAll(
            longs().between(100_000_000L, 299_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String p = Long.toString(payload);
              String valid = p + Luhn.checkDigit("80840" + p);
              String mutated = Mutations.changeDigit(valid, at, delta);
              return NationalProviderIdentifiers.isValid(valid)
                  && !NationalProviderIdentifiers.isValid(mutated);
            });
  }

  @Test
  void deaNumber_checkDigitAndOddPositions() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().between(0, 999_999L), integers().between(0, 2), integers().between(1, 9))
        .check(
            (payload, odd, delta) -> {
              String six = Mutations.digits(payload, 6);
              String valid = "AM" + six + DeaRegistrationNumbers.checkDigit(six);
              if (Digits.allSame(valid.substring(2))) {
                return true;
              }
              // Weight 1 positions (digits 1, 3, 5) and the check digit catch every change; weight
              // 2
              // positions miss a change of 5, as the DEA's scheme does.
              String mutated = "AM" + Mutations.changeDigit(valid.substring(2), odd * 2, delta);
              String checkChanged = "AM" + Mutations.changeDigit(valid.substring(2), 6, delta);
              return DeaRegistrationNumbers.isValid(valid)
                  && !DeaRegistrationNumbers.isValid(mutated)
                  && !DeaRegistrationNumbers.isValid(checkChanged);
            });
  }

  /**
   * CPF and CNPJ fold remainders 0 and 1 into one check digit, so a payload change is caught
   * exactly when it changes a check digit; a change of a check digit itself is always caught.
   */
  @Test
  void brazilCpfAndCnpj() {
    qt().withExamples(EXAMPLES)
        .forAll(
            longs().between(1_000_000L, 999_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String p = Mutations.digits(payload, 9);
              String cpf = withCpfDigits(p);
              String changedPayload = Mutations.changeDigit(p, at, delta);
              String q = Mutations.digits(payload, 8) + "0001";
              String cnpj = withCnpjDigits(q);
              String changedCnpjPayload = Mutations.changeDigit(q, at, delta);
              return (BrazilTaxpayerNumbers.isValidCpf(cpf) || Digits.allSame(p))
                  && !BrazilTaxpayerNumbers.isValidCpf(
                      Mutations.changeDigit(cpf, 9 + Math.floorMod(at, 2), delta))
                  && BrazilTaxpayerNumbers.isValidCpf(changedPayload + cpf.substring(9))
                      == (withCpfDigits(changedPayload).equals(changedPayload + cpf.substring(9))
                          && !Digits.allSame(changedPayload + cpf.substring(9)))
                  && BrazilTaxpayerNumbers.isValidCnpj(cnpj)
                  && !BrazilTaxpayerNumbers.isValidCnpj(
                      Mutations.changeDigit(cnpj, 12 + Math.floorMod(at, 2), delta))
                  && BrazilTaxpayerNumbers.isValidCnpj(changedCnpjPayload + cnpj.substring(12))
                      == withCnpjDigits(changedCnpjPayload)
                          .equals(changedCnpjPayload + cnpj.substring(12));
            });
  }

  private static String withCpfDigits(String nine) {
    String s = nine + BrazilTaxpayerNumbers.cpfDigit(nine, 9);
    return s + BrazilTaxpayerNumbers.cpfDigit(s, 10);
  }

  private static String withCnpjDigits(String twelve) {
    String s = twelve + BrazilTaxpayerNumbers.cnpjDigit(twelve, 12);
    return s + BrazilTaxpayerNumbers.cnpjDigit(s, 13);
  }

  @Test
  void chileRut() {
    qt().withExamples(EXAMPLES)
        .forAll(
            longs().between(1_000_000L, 29_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String body = Long.toString(payload);
              String valid = body + "-" + ChileRoleNumbers.checkChar(body);
              String mutatedBody = Mutations.changeDigit(body, at, delta);
              return ChileRoleNumbers.isValid(valid)
                  && (mutatedBody.charAt(0) == '0'
                      || !ChileRoleNumbers.isValid(
                          mutatedBody + "-" + ChileRoleNumbers.checkChar(body)));
            });
  }

  @Test
  void argentinaCuit() {
    qt().withExamples(EXAMPLES)
        .forAll(
            longs().between(1_000_000L, 99_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String person = "20" + Mutations.digits(payload, 8);
              String company = "30" + Mutations.digits(payload, 8);
              int p = ArgentinaTaxpayerNumbers.checkDigit(person);
              int c = ArgentinaTaxpayerNumbers.checkDigit(company);
              boolean personOk =
                  p == 10
                      || (ArgentinaTaxpayerNumbers.isValidIndividual(person + p)
                          && !ArgentinaTaxpayerNumbers.isValidOrganization(person + p)
                          && !ArgentinaTaxpayerNumbers.isValidIndividual(
                              Mutations.changeDigit(person + p, 2 + Math.floorMod(at, 9), delta)));
              boolean companyOk =
                  c == 10
                      || (ArgentinaTaxpayerNumbers.isValidOrganization(company + c)
                          && !ArgentinaTaxpayerNumbers.isValidIndividual(company + c)
                          && !ArgentinaTaxpayerNumbers.isValidOrganization(
                              Mutations.changeDigit(company + c, 2 + Math.floorMod(at, 9), delta)));
              return personOk && companyOk;
            });
  }

  /**
   * The NIT folds remainders 1 and 10 into the check digit 1, so a base change is caught exactly
   * when it changes the check digit; organization and person bases never overlap.
   */
  @Test
  void colombiaNit() {
    qt().withExamples(EXAMPLES)
        .forAll(
            longs().between(10_000_000L, 99_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String company = "9" + Mutations.digits(payload, 8);
              String person = Long.toString(payload);
              int check = ColombiaTaxpayerNumbers.checkDigit(company);
              String changed = Mutations.changeDigit(company, 1 + Math.floorMod(at, 8), delta);
              return ColombiaTaxpayerNumbers.isValidOrganization(company + "-" + check)
                  && !ColombiaTaxpayerNumbers.isValidIndividual(company + "-" + check)
                  && ColombiaTaxpayerNumbers.isValidIndividual(
                      person + "-" + ColombiaTaxpayerNumbers.checkDigit(person))
                  && !ColombiaTaxpayerNumbers.isValidOrganization(
                      company + "-" + (check + delta) % 10)
                  && ColombiaTaxpayerNumbers.isValidOrganization(changed + "-" + check)
                      == (ColombiaTaxpayerNumbers.checkDigit(changed) == check);
            });
  }

  @Test
  void australiaTfn() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().between(0, 99_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String p = Mutations.digits(payload, 8);
              String valid = null;
              for (int d = 0; d <= 9 && valid == null; d++) {
                if (WeightedSum.of(p + d, 1, 4, 3, 7, 5, 8, 6, 9, 10) % 11 == 0) {
                  valid = p + d;
                }
              }
              return valid == null
                  || Digits.allSame(valid)
                  || (AustraliaTaxFileNumbers.isValid(valid)
                      && !AustraliaTaxFileNumbers.isValid(Mutations.changeDigit(valid, at, delta)));
            });
  }

  @Test
  void ukNhsNumber() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().between(0, 999_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String p = Mutations.digits(payload, 9);
              int check = UkNhsNumbers.checkDigit(p);
              return check == 10
                  || Digits.allSame(p + check)
                  || (UkNhsNumbers.isValid(p + check)
                      && !UkNhsNumbers.isValid(Mutations.changeDigit(p + check, at, delta)));
            });
  }

  @Test
  void canadaHealthNumber_britishColumbia() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().between(0, 99_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String p = "9" + Mutations.digits(payload, 8);
              int check = CanadaHealthNumbers.britishColumbiaCheck(p);
              String mutated = Mutations.changeDigit(p + check, 1 + Math.floorMod(at, 9), delta);
              return check >= 10
                  || (CanadaHealthNumbers.isValid(p + check)
                      && !CanadaHealthNumbers.isValid(mutated));
            });
  }

  @Test
  void franceHealthInsuranceNumber() {
    qt().withExamples(EXAMPLES)
        .forAll(
            longs().between(0, 9_999_999L),
            integers().between(1, 12),
            integers().all(),
            integers().between(1, 9))
        .check(
            (payload, month, at, delta) -> {
              String body =
                  "1" + "85" + String.format("%02d", month) + "75" + Mutations.digits(payload, 6);
              String key = String.format("%02d", FranceHealthInsuranceNumbers.key(body));
              String mutated = Mutations.changeDigit(body + key, 5 + Math.floorMod(at, 10), delta);
              return FranceHealthInsuranceNumbers.isValid(body + key)
                  && !FranceHealthInsuranceNumbers.isValid(mutated);
            });
  }

  @Test
  void vehicleIdentificationNumber_northAmerica() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().between(0, 99_999_999L), integers().all(), integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String vin = "1HGCM" + "826" + "0" + "A" + "Z" + Mutations.digits(payload, 6);
              vin =
                  vin.substring(0, 8)
                      + VehicleIdentificationNumbers.checkChar(vin)
                      + vin.substring(9);
              // Change a serial digit (positions 12-17), whose weights are all non-zero.
              int pos = 11 + Math.floorMod(at, 6);
              String mutated =
                  vin.substring(0, pos)
                      + (char) ('0' + (vin.charAt(pos) - '0' + delta) % 10)
                      + vin.substring(pos + 1);
              return VehicleIdentificationNumbers.isValid(vin)
                  && !VehicleIdentificationNumbers.isValid(mutated);
            });
  }

  @Test
  void gtinAndHibc() {
    qt().withExamples(EXAMPLES)
        .forAll(
            longs().between(1_000_000_000L, 9_999_999_999_999L),
            integers().all(),
            integers().between(1, 9))
        .check(
            (payload, at, delta) -> {
              String p = Mutations.digits(payload, 13);
              String gtin = p + UniqueDeviceIdentifiers.gtinCheck(p);
              String hibc = "+A123" + p.substring(0, 8) + "0";
              hibc = hibc + UniqueDeviceIdentifiers.hibcCheck(hibc);
              String hibcMutated =
                  "+A123" + Mutations.changeDigit(hibc.substring(5), Math.floorMod(at, 8), delta);
              return UniqueDeviceIdentifiers.isValidGtin(gtin)
                  && !UniqueDeviceIdentifiers.isValidGtin(Mutations.changeDigit(gtin, at, delta))
                  && UniqueDeviceIdentifiers.isValid(hibc)
                  && !UniqueDeviceIdentifiers.isValid(hibcMutated);
            });
  }

  @Test
  void curp_checkDigitChanges() {
    qt().withExamples(EXAMPLES)
        .forAll(
            integers().between(0, 99),
            integers().between(1, 12),
            integers().between(1, 28),
            integers().between(1, 9))
        .check(
            (yy, mm, dd, delta) -> {
              String first17 = "GOMA" + String.format("%02d%02d%02d", yy, mm, dd) + "HDFRRN" + "0";
              String valid = first17 + MexicoPopulationRegistryCodes.checkDigit(first17);
              String mutated =
                  first17 + (MexicoPopulationRegistryCodes.checkDigit(first17) + delta) % 10;
              return MexicoPopulationRegistryCodes.isValid(valid)
                  && !MexicoPopulationRegistryCodes.isValid(mutated);
            });
  }

  @Test
  void knownValues() {
    assertThat(DeaRegistrationNumbers.isValid("AB1234563")).isTrue();
    assertThat(NationalProviderIdentifiers.isValid("1234567893")).isTrue();
    assertThat(BrazilTaxpayerNumbers.isValidCpf("000.000.000-00")).isFalse();
    assertThat(BrazilTaxpayerNumbers.isValidCnpj("00.000.000/0000-00")).isFalse();
    assertThat(ChileRoleNumbers.isValid("00000000-K")).isFalse();
    assertThat(ArgentinaTaxpayerNumbers.isValidIndividual("20-00000000-1")).isFalse();
    assertThat(AustraliaTaxFileNumbers.isValid("000 000 000")).isFalse();
    assertThat(VehicleIdentificationNumbers.isValid("1HGCM82633A004352")).isTrue();
    assertThat(VehicleIdentificationNumbers.isValid("1HGCM82633A004353")).isFalse();
    assertThat(VehicleIdentificationNumbers.isValid("WVWZZZ1JZXW000001")).isTrue();
    assertThat(VehicleIdentificationNumbers.isValid("WVWZZZ1JZXW00000I")).isFalse();
    assertThat(UkNhsNumbers.isValid("943 476 5919")).isTrue();
    assertThat(MexicoTaxpayerCodes.isValidIndividual("XAXX010101000")).isFalse();
    assertThat(MexicoTaxpayerCodes.isValidIndividual("XEXX010101000")).isFalse();
    assertThat(MexicoTaxpayerCodes.isValidIndividual("GOMA850315AB1")).isTrue();
    assertThat(MexicoTaxpayerCodes.isValidIndividual("GOMA851315AB1")).isFalse();
    assertThat(MexicoTaxpayerCodes.isValidOrganization("ABC010203XY4")).isTrue();
    assertThat(IndiaPermanentAccountNumbers.isValid("ABCPE1234F")).isTrue();
    assertThat(IndiaPermanentAccountNumbers.isValid("ABCXE1234F")).isFalse();
    assertThat(IndiaPermanentAccountNumbers.isValid("ABCPE0000F")).isFalse();
    assertThat(UsIndividualTaxpayerNumbers.isValid("912-70-1234")).isTrue();
    assertThat(UsIndividualTaxpayerNumbers.isValid("912-93-1234")).isFalse();
    assertThat(UsIndividualTaxpayerNumbers.isValid("812-70-1234")).isFalse();
    assertThat(MedicareNumbers.isValidMbi("1EG4-TE5-MK73")).isTrue();
    assertThat(MedicareNumbers.isValidMbi("1EG4-TE5-MK7S")).isFalse();
    assertThat(MedicareNumbers.isValidMbi("1SG4-TE5-MK73")).isFalse();
    assertThat(MedicareNumbers.isValidHicn("512234411A")).isTrue();
    assertThat(MedicareNumbers.isValidHicn("000234411A")).isFalse();
    assertThat(NationalDrugCodes.isValid("0781-1506-10")).isTrue();
    assertThat(NationalDrugCodes.isValid("00378180110")).isTrue();
    assertThat(NationalDrugCodes.isValid("0000-1506-10")).isFalse();
    assertThat(NationalDrugCodes.isValid("00000000110")).isFalse();
  }
}
