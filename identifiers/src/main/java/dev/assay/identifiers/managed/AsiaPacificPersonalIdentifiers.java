package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.validate.AadhaarNumbers;
import dev.assay.identifiers.validate.AustraliaTaxFileNumbers;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.IndiaPermanentAccountNumbers;
import java.util.List;

/** Managed identifiers for personally identifiable information of Australia and India. */
final class AsiaPacificPersonalIdentifiers {
  private AsiaPacificPersonalIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(
        australiaDriversLicense(),
        australiaTaxFileNumber(),
        indiaDriversLicense(),
        indiaAadhaarNumber(),
        indiaPermanentAccountNumber());
  }

  private static ManagedDataIdentifier.Builder personal(String id) {
    return ManagedDataIdentifier.builder(id, Category.PERSONAL_INFORMATION);
  }

  static ManagedDataIdentifier australiaDriversLicense() {
    return personal("AUSTRALIA_DRIVERS_LICENSE")
        // State formats: 8 to 10 digits (NSW, VIC, QLD, NT, ACT), or 1-2 letters and 4-6 digits
        // (TAS, SA, WA). Numbers that are also a US format go to DRIVERS_LICENSE (catalog order).
        .regex("\\b(?:\\d{8,10}|[A-Z]{1,2}\\d{4,6})\\b")
        .requiredKeywords(
            "dl#",
            "dl:",
            "dlno#",
            "driver licence",
            "driver license",
            "driver permit",
            "drivers lic.",
            "drivers licence",
            "driver's licence",
            "drivers license",
            "driver's license",
            "drivers permit",
            "driver's permit",
            "drivers permit number",
            "driving licence",
            "driving license",
            "driving permit")
        .validator(StandaloneValue.code(v -> !Digits.allSame(Digits.only(v))))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive("NSW driver licence 3841029577", "driver licence: S81204 (SA)")
        .negative("driver licence 0000000000", "invoice 3841029577")
        .build();
  }

  static ManagedDataIdentifier australiaTaxFileNumber() {
    return personal("AUSTRALIA_TAX_FILE_NUMBER")
        .regex("\\b\\d{3}(?: \\d{3} |-\\d{3}-|\\d{3})\\d{2,3}\\b")
        .requiredKeywords("tax file number", "tfn")
        .validator(StandaloneValue.number(AustraliaTaxFileNumbers::isValid))
        .recommended()
        .positive("TFN: 574 476 211", "tax file number 682752175")
        .negative("TFN: 574 476 212", "TFN 000 000 000", "ref 574 476 211")
        .build();
  }

  static ManagedDataIdentifier indiaDriversLicense() {
    return personal("INDIA_DRIVERS_LICENSE")
        // State code, RTO code, year of issue, 7-digit serial: MH12 20110012345, MH-1220110012345.
        .regex("\\b[A-Z]{2}[- ]?\\d{2}[- ]?(?:19|20)\\d{2}[- ]?\\d{7}\\b")
        .requiredKeywords(
            "driver licence",
            "driver licences",
            "driver license",
            "driver licenses",
            "drivers lic.",
            "drivers licence",
            "driver's licence",
            "drivers licences",
            "driver's licences",
            "drivers license",
            "driver's license",
            "drivers licenses",
            "driver's licenses",
            "driving licence",
            "driving license")
        .validator(StandaloneValue.code(v -> !Digits.allSame(Digits.only(v).substring(8))))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive("Driving licence MH12 20110012345", "driving license: KA-0519990087321")
        .negative("driving licence MH12 20110000000", "vehicle MH12 20110012345")
        .build();
  }

  static ManagedDataIdentifier indiaAadhaarNumber() {
    return personal("INDIA_AADHAAR_NUMBER")
        .regex("\\b\\d{4}(?: \\d{4} |-\\d{4}-|\\d{4})\\d{4}\\b")
        .requiredKeywords("aadhaar", "aadhar", "adhaar", "uidai")
        .validator(StandaloneValue.number(AadhaarNumbers::isValid))
        .positive("Aadhaar: 8039 5476 2007", "aadhar no 953292612657")
        .negative("Aadhaar: 8039 5476 2008", "Aadhaar 1039 5476 2007", "order 8039 5476 2007")
        .build();
  }

  static ManagedDataIdentifier indiaPermanentAccountNumber() {
    return personal("INDIA_PERMANENT_ACCOUNT_NUMBER")
        .regex("\\b[A-Z]{5}\\d{4}[A-Z]\\b")
        .requiredKeywords("e-pan", "pan card", "pan number", "permanent account number")
        .validator(StandaloneValue.code(IndiaPermanentAccountNumbers::isValid))
        .positive("PAN card: ABCPE1234F", "permanent account number AAKCS4521M")
        .negative("PAN card: ABCXE1234F", "PAN number ABCPE0000F", "code ABCPE1234F")
        .build();
  }
}
