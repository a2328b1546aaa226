package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Validator;
import dev.assay.identifiers.validate.CanadaHealthNumbers;
import dev.assay.identifiers.validate.DeaRegistrationNumbers;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.FranceHealthInsuranceNumbers;
import dev.assay.identifiers.validate.HealthInsuranceCardNumbers;
import dev.assay.identifiers.validate.MedicareNumbers;
import dev.assay.identifiers.validate.NationalDrugCodes;
import dev.assay.identifiers.validate.NationalProviderIdentifiers;
import dev.assay.identifiers.validate.UkNhsNumbers;
import dev.assay.identifiers.validate.UniqueDeviceIdentifiers;
import java.util.List;

/**
 * Managed identifiers for personal health information ("Managed data identifiers for PHI"). Their
 * category is PERSONAL_INFORMATION, as Macie reports PHI. Every one needs a keyword within 30
 * characters; all are High at any count except MEDICAL_DEVICE_UDI (Low, Medium, High).
 */
final class HealthIdentifiers {
  private HealthIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(
        usDrugEnforcementAgencyNumber(),
        usaHealthInsuranceClaimNumber(),
        canadaHealthNumber(),
        europeanHealthInsuranceCardNumber(),
        finlandEuropeanHealthInsuranceNumber(),
        franceHealthInsuranceNumber(),
        ukNhsNumber(),
        usaMedicareBeneficiaryIdentifier(),
        usaHealthcareProcedureCode(),
        usaNationalDrugCode(),
        usaNationalProviderIdentifier(),
        medicalDeviceUdi());
  }

  private static ManagedDataIdentifier.Builder health(String id) {
    return ManagedDataIdentifier.builder(id, Category.PERSONAL_INFORMATION);
  }

  static ManagedDataIdentifier usDrugEnforcementAgencyNumber() {
    return health("US_DRUG_ENFORCEMENT_AGENCY_NUMBER")
        .regex("\\b[A-Z][A-Z9]\\d{7}\\b")
        .requiredKeywords("dea number", "dea registration")
        .validator(StandaloneValue.code(DeaRegistrationNumbers::isValid))
        .positive("Prescriber DEA number: MM4580735", "dea registration A92157368 renewed")
        .negative("DEA number: MM4580736", "Prescriber id MM4580735", "DEA number: ZZ4580735")
        .build();
  }

  static ManagedDataIdentifier usaHealthInsuranceClaimNumber() {
    return health("USA_HEALTH_INSURANCE_CLAIM_NUMBER")
        // SSA-based HICN (9 digits + beneficiary code) or a Railroad Retirement Board number.
        .regex("\\b(?:\\d{3}-?\\d{2}-?\\d{4}-?[A-Z][0-9A-Z]?|[A-Z]{1,3}\\d{6}(?:\\d{3})?)\\b")
        .requiredKeywords(
            "health insurance claim number",
            "hic no",
            "hic no.",
            "hic number",
            "hic#",
            "hicn",
            "hicn#.",
            "hicno#")
        .validator(StandaloneValue.code(MedicareNumbers::isValidHicn))
        .positive("HICN: 512234411A", "health insurance claim number 512-23-4411-C1")
        .negative("HICN: 666234411A", "claim 512234411A filed", "HICN: 512234411")
        .build();
  }

  static ManagedDataIdentifier canadaHealthNumber() {
    return health("CANADA_HEALTH_NUMBER")
        .regex("\\b(?:\\d{4}[ -]?\\d{3}[ -]?\\d{3}|\\d{3}[ -]?\\d{3}[ -]?\\d{3})\\b")
        .requiredKeywords(
            "canada healthcare number",
            "msp number",
            "personal healthcare number",
            "phn",
            "soins de santé")
        .validator(StandaloneValue.number(CanadaHealthNumbers::isValid))
        .positive("BC PHN 9562241549 on the referral", "MSP number: 1951-454-758")
        .negative("PHN 9562241548", "referral 9562241549 sent", "PHN 0000000000")
        .build();
  }

  /** Keywords that Macie lists for both European health insurance card identifiers. */
  private static final String[] EHIC_KEYWORDS = {
    "assicurazione sanitaria numero",
    "carta assicurazione numero",
    "carte d’assurance maladie",
    "carte européenne d'assurance maladie",
    "ceam",
    "ehic",
    "ehic#",
    "finlandehicnumber#",
    "gesundheitskarte",
    "hälsokort",
    "health card",
    "health card number",
    "health insurance card",
    "health insurance number",
    "insurance card number",
    "krankenversicherungskarte",
    "krankenversicherungsnummer",
    "medical account number",
    "numero conto medico",
    "numéro d’assurance maladie",
    "numéro de carte d’assurance",
    "numéro de compte medical",
    "número de cuenta médica",
    "número de seguro de salud",
    "número de tarjeta de seguro",
    "sairaanhoitokortin",
    "sairausvakuutuskortti",
    "sairausvakuutusnumero",
    "sjukförsäkring nummer",
    "sjukförsäkringskort",
    "suomi ehic-numero",
    "tarjeta de salud",
    "terveyskortti",
    "tessera sanitaria assicurazione numero",
    "versicherungsnummer"
  };

  private static final String EHIC_REGEX = "\\b80\\d{18}\\b";

  /**
   * The card numbers of every issuing country but Finland, whose cards
   * FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER reports: one card number is never reported twice.
   */
  static ManagedDataIdentifier europeanHealthInsuranceCardNumber() {
    return health("EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER")
        .regex(EHIC_REGEX)
        .requiredKeywords(EHIC_KEYWORDS)
        .validator(
            StandaloneValue.number(
                v -> {
                  String issuer = HealthInsuranceCardNumbers.issuer(v);
                  return issuer != null && !issuer.equals(HealthInsuranceCardNumbers.FINLAND);
                }))
        .positive(
            "EHIC 80276454212472019860 valid until 2027", "Gesundheitskarte: 80250395476200753292")
        .negative(
            "EHIC 80999454212472019860", "EHIC 80246612652064279287", "ref 80276454212472019860")
        .build();
  }

  static ManagedDataIdentifier finlandEuropeanHealthInsuranceNumber() {
    return health("FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER")
        .regex(EHIC_REGEX)
        .requiredKeywords(
            "ehic",
            "ehic#",
            "finland health insurance card",
            "finlandehicnumber#",
            "finska sjukförsäkringskort",
            "hälsokort",
            "health card",
            "health card number",
            "health insurance card",
            "health insurance number",
            "sairaanhoitokortin",
            "sairausvakuutuskortti",
            "sairausvakuutusnumero",
            "sjukförsäkring nummer",
            "sjukförsäkringskort",
            "suomen sairausvakuutuskortti",
            "suomi ehic-numero",
            "terveyskortti")
        .validator(
            StandaloneValue.number(
                v ->
                    HealthInsuranceCardNumbers.FINLAND.equals(
                        HealthInsuranceCardNumbers.issuer(v))))
        .positive("Sairausvakuutuskortti 80246612652064279287", "EHIC: 80246757447621682752")
        .negative("EHIC 80276454212472019860", "card 80246612652064279287 lost")
        .build();
  }

  static ManagedDataIdentifier franceHealthInsuranceNumber() {
    return health("FRANCE_HEALTH_INSURANCE_NUMBER")
        .regex("\\b[12] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[ABab]) ?\\d{3} ?\\d{3} ?\\d{2}\\b")
        .requiredKeywords("carte d'assuré social", "carte vitale", "insurance card")
        .validator(StandaloneValue.number(FranceHealthInsuranceNumbers::isValid))
        .positive("Carte Vitale : 2 83 06 40 182 818 17", "insurance card 153066662637286")
        .negative("Carte Vitale : 2 83 06 40 182 818 18", "dossier 2 83 06 40 182 818 17")
        .build();
  }

  static ManagedDataIdentifier ukNhsNumber() {
    return health("UK_NHS_NUMBER")
        .regex("\\b(?:\\d{3} \\d{3} \\d{4}|\\d{3}-\\d{3}-\\d{4}|\\d{10})\\b")
        .requiredKeywords("national health service", "NHS")
        .validator(StandaloneValue.number(UkNhsNumbers::isValid))
        .positive("NHS number 086 569 0707", "national health service no. 2931375853")
        .negative("NHS number 086 569 0708", "order 086 569 0707")
        .build();
  }

  static ManagedDataIdentifier usaMedicareBeneficiaryIdentifier() {
    return health("USA_MEDICARE_BENEFICIARY_IDENTIFIER")
        .regex("\\b[1-9][A-Z][A-Z0-9]\\d-?[A-Z][A-Z0-9]\\d-?[A-Z]{2}\\d{2}\\b")
        .requiredKeywords("mbi", "medicare beneficiary")
        .validator(StandaloneValue.code(MedicareNumbers::isValidMbi))
        .positive("MBI: 2UK8-W78-PD59", "medicare beneficiary identifier 1MP8K67KM52")
        .negative("MBI: 2UK8-W78-PS59", "part 1MP8K67KM52 shipped")
        .build();
  }

  static ManagedDataIdentifier usaHealthcareProcedureCode() {
    return health("USA_HEALTHCARE_PROCEDURE_CODE")
        // Level II codes (a letter, 4 digits) and CPT (Level I: 5 digits; category II/III: 4 digits
        // + F/T).
        .regex("\\b(?:[A-CEGHJ-MP-V]\\d{4}|\\d{4}[0-9FT])\\b")
        .requiredKeywords(
            "current procedural terminology", "hcpcs", "healthcare common procedure coding system")
        .validator(
            StandaloneValue.code(
                v -> !Digits.only(v).equals("0000") && !Digits.only(v).equals("00000")))
        .positive("HCPCS code J1100 billed", "hcpcs: 99213")
        .negative("HCPCS code 00000", "room J1100 booked", "HCPCS 99213-1")
        .build();
  }

  static ManagedDataIdentifier usaNationalDrugCode() {
    return health("USA_NATIONAL_DRUG_CODE")
        // The FDA's 10-digit configurations 4-4-2, 5-3-2 and 5-4-1, and the 11-digit billing form
        // 5-4-2.
        .regex("\\b(?:\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d{1,2}|\\d{11})\\b")
        .requiredKeywords("national drug code", "ndc")
        .validator(StandaloneValue.number(NationalDrugCodes::isValid))
        .positive("NDC 0781-1506-10 dispensed", "national drug code: 50090-347-01")
        .negative("NDC 0000-0000-00", "lot 0781-1506-10 recalled")
        .build();
  }

  static ManagedDataIdentifier usaNationalProviderIdentifier() {
    return health("USA_NATIONAL_PROVIDER_IDENTIFIER")
        .regex("\\b[12]\\d{9}\\b")
        .requiredKeywords("hipaa", "n.p.i", "national provider", "npi")
        .validator(StandaloneValue.number(NationalProviderIdentifiers::isValid))
        .positive("Rendering NPI 2262129978", "national provider identifier: 1200332249")
        .negative("NPI 2262129979", "invoice 2262129978")
        .build();
  }

  static ManagedDataIdentifier medicalDeviceUdi() {
    return health("MEDICAL_DEVICE_UDI")
        // GS1 (01)+GTIN-14 with production identifiers; HIBCC primary data; ICCBBA ISBT 128.
        .regex(
            "\\(01\\)\\d{14}(?:\\((?:10|11|17|21)\\)[A-Za-z0-9-]{1,20})*"
                + "|\\+[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}\\d[A-Z0-9$/+%]"
                + "|=/[A-Z0-9]{16}")
        .requiredKeywords(
            "blood",
            "blood bag",
            "dev id",
            "device id",
            "device identifier",
            "gs1",
            "hibcc",
            "iccbba",
            "med",
            "udi",
            "unique device id",
            "unique device identifier")
        .validator(new UdiRule())
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive("UDI (01)05456527558282(17)271231(10)A12B", "device identifier +EKH8065E572A")
        .negative("UDI (01)05456527558283", "catalog (01)05456527558282", "UDI +EKH8065E572B")
        .build();
  }

  /** A UDI must end where its token ends, and carry its agency's check char where there is one. */
  private static final class UdiRule implements Validator {
    @Override
    public boolean accepts(CharSequence text, int start, int end) {
      return (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))
          && UniqueDeviceIdentifiers.isValid(text.subSequence(start, end));
    }
  }
}
