package dev.assay.identifiers.managed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.detect.Detector;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * European identifiers that share a shape: one occurrence is reported once, by the identifier that
 * the detector's same-span rule picks (nearest keyword, then catalog order) as the families
 * document.
 */
class EuropeSameShapeTest {
  private static final Detector ALL = Detector.of(ManagedCatalog.all(), List.of());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rijbewijs 5102938476 | NETHERLANDS_DRIVERS_LICENSE",
        "permis de conduire 5102938476 | NETHERLANDS_DRIVERS_LICENSE",
        "Führerscheinnummer 3018274659 | BELGIUM_DRIVERS_LICENSE",
        "Führerschein 28371946 | AUSTRIA_DRIVERS_LICENSE",
        "phone 07700 900123 | UK_PHONE_NUMBER",
        "mobile 0151 23456789 | GERMANY_PHONE_NUMBER",
        "tel 0612345678 | FRANCE_PHONE_NUMBER",
        "NIF/DNI: 44827193D | SPAIN_DNI_NUMBER",
        "nif 44827193D | SPAIN_NIF_NUMBER",
        "Permiso de conducción 61839205W | SPAIN_DRIVERS_LICENSE",
        "körkort 811228-9874 | SWEDEN_DRIVERS_LICENSE",
        "körkort 131052-308T | FINLAND_DRIVERS_LICENSE",
        "insurance number JG103759A | UK_NATIONAL_INSURANCE_NUMBER",
        "insurance number 285037511604233 | FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
        "Reisepass C01X00T47 | GERMANY_PASSPORT_NUMBER",
        "Personalausweis C01X00T47 | GERMANY_NATIONAL_IDENTIFICATION_NUMBER"
      })
  void oneOccurrence_isReportedOnce_byTheDocumentedIdentifier(String text, String expected) {
    assertThat(ALL.scan(text, FieldContext.NONE))
        .singleElement()
        .satisfies(c -> assertThat(c.identifier().id()).isEqualTo(expected));
  }
}
