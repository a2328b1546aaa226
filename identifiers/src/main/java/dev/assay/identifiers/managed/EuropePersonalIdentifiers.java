package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.SeverityProfile;
import dev.assay.identifiers.Validator;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.FrenchIds;
import dev.assay.identifiers.validate.GermanIds;
import dev.assay.identifiers.validate.ItalianFiscalCodes;
import dev.assay.identifiers.validate.Luhn;
import dev.assay.identifiers.validate.SpanishIds;
import dev.assay.identifiers.validate.UkIds;
import java.util.List;
import java.util.function.Predicate;

/**
 * Managed identifiers for personally identifiable information specific to European countries
 * ("Managed data identifiers for PII"): national identification, taxpayer, social security and
 * passport numbers, and the UK electoral roll number. Driving licences are in {@link
 * EuropeDriversLicenses}, phone numbers in {@link EuropePhoneNumbers}.
 *
 * <p>Every one requires a keyword within 30 characters (Macie's keyword table). Severity: national
 * id, NINO, social security, taxpayer and electoral roll numbers are High at any count; passport
 * numbers Medium for one occurrence, High from two (Macie's severity table for managed
 * identifiers).
 */
final class EuropePersonalIdentifiers {
  private EuropePersonalIdentifiers() {}

  /**
   * Passport numbers: Medium for one occurrence, High for more (Macie's severity table for managed
   * identifiers).
   */
  static final SeverityProfile PASSPORT =
      new SeverityProfile(Severity.MEDIUM, Severity.HIGH, Severity.HIGH);

  /** This family's identifiers, in catalog order: by country, then by kind. */
  static List<ManagedDataIdentifier> all() {
    return List.of(
        franceNationalId(),
        franceTaxId(),
        francePassport(),
        germanyNationalId(),
        germanyTaxId(),
        germanyPassport(),
        italyNationalId(),
        italyPassport(),
        spainDni(),
        spainNie(),
        spainNif(),
        spainCif(),
        spainSocialSecurity(),
        spainPassport(),
        ukNationalInsurance(),
        ukTaxId(),
        ukPassport(),
        ukElectoralRoll());
  }

  /**
   * A validator that first makes sure the match stands alone, not inside a longer word or number,
   * then applies {@code rule} to the matched value.
   */
  static Validator alone(Predicate<String> rule) {
    return (text, start, end) ->
        Digits.standsAlone(text, start, end)
            && !(start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))
            && !(end < text.length() && Character.isLetterOrDigit(text.charAt(end)))
            && rule.test(text.subSequence(start, end).toString());
  }

  // ---- France ----

  static ManagedDataIdentifier franceNationalId() {
    return ManagedDataIdentifier.builder(
            "FRANCE_NATIONAL_IDENTIFICATION_NUMBER", Category.PERSONAL_INFORMATION)
        // The NIR (INSEE code), 15 chars, written unbroken or grouped 1 2 2 2 3 3 2.
        .regex("\\b[1234578] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[ABab]) ?\\d{3} ?\\d{3} ?\\d{2}\\b")
        .requiredKeywords(
            "assurance sociale",
            "carte nationale d’identité",
            "cni",
            "code sécurité sociale",
            "French social security number",
            "fssn#",
            "insee",
            "insurance number",
            "national id number",
            "nationalid#",
            "numéro d'assurance",
            "sécurité sociale",
            "sécurité sociale non.",
            "sécurité sociale numéro",
            "social",
            "social security",
            "social security number",
            "socialsecuritynumber",
            "ss#",
            "ssn",
            "ssn#")
        .validator(alone(FrenchIds::isValidNir))
        .recommended()
        .positive(
            "Numéro de sécurité sociale : 1 85 05 78 006 084 91",
            "INSEE 269027512345680 (assurée)",
            "NIR corse, code INSEE 1 85 05 2A 006 084 35")
        .negative(
            "Numéro de sécurité sociale : 1 85 05 78 006 084 92",
            "Référence commande 1 85 05 78 006 084 91 expédiée",
            "insee 185057800608491234")
        .build();
  }

  static ManagedDataIdentifier franceTaxId() {
    return ManagedDataIdentifier.builder(
            "FRANCE_TAX_IDENTIFICATION_NUMBER", Category.PERSONAL_INFORMATION)
        // The numéro fiscal (SPI), 13 digits, printed 2 2 3 3 3 on the avis d'impôt.
        .regex("\\b[0-3]\\d ?\\d{2} ?\\d{3} ?\\d{3} ?\\d{3}\\b")
        .requiredKeywords(
            "numéro d'identification fiscal",
            "tax id",
            "tax identification number",
            "tax number",
            "tin",
            "tin#")
        .validator(alone(FrenchIds::isValidTaxNumber))
        .recommended()
        .positive("Numéro d'identification fiscal: 30 23 217 600 053", "tax number 1234567890066")
        .negative(
            "tax number 1234567890067", "TIN 0000000000000", "order 30 23 217 600 053 shipped")
        .build();
  }

  static ManagedDataIdentifier francePassport() {
    return ManagedDataIdentifier.builder("FRANCE_PASSPORT_NUMBER", Category.PERSONAL_INFORMATION)
        // Nine chars: 2 digits, 2 letters, 5 digits (passeport électronique).
        .regex("\\b\\d{2}[A-Z]{2}\\d{5}\\b")
        .requiredKeywords(
            "numéro de passeport", "passeport", "passeport #", "passeport n °", "passeport non")
        .validator(alone(v -> !Digits.allSame(Digits.only(v))))
        .severity(PASSPORT)
        .recommended()
        .positive("Numéro de passeport : 18AV02356", "passeport 09KC71824 délivré à Lyon")
        .negative("numéro de dossier 18AV02356", "passeport 18AV023567")
        .build();
  }

  // ---- Germany ----

  /** Serial numbers of German identity cards and passports (authority code letter first). */
  private static final String GERMAN_DOCUMENT = "[CFGHJKLMNPRTVWXYZ0-9]{8}\\d?\\b";

  static ManagedDataIdentifier germanyNationalId() {
    return ManagedDataIdentifier.builder(
            "GERMANY_NATIONAL_IDENTIFICATION_NUMBER", Category.PERSONAL_INFORMATION)
        // Personalausweis serial since 2010: 9 chars, optionally the MRZ check digit.
        .regex("\\b[CFGHJKLMNPRTVWXYZ]" + GERMAN_DOCUMENT)
        .requiredKeywords(
            "ausweisnummer",
            "id number",
            "identification number",
            "identity number",
            "insurance number",
            "personal id",
            "personalausweis")
        .validator(alone(GermanIds::isValidDocumentNumber))
        .recommended()
        .positive(
            "Personalausweis: L01X00T47", "Ausweisnummer T220001293", "personal id LZ6311T475")
        .negative(
            "Ausweisnummer T220001294", "Personalausweis: LAB123456", "Kundennummer L01X00T47")
        .build();
  }

  static ManagedDataIdentifier germanyTaxId() {
    return ManagedDataIdentifier.builder(
            "GERMANY_TAX_IDENTIFICATION_NUMBER", Category.PERSONAL_INFORMATION)
        // The Steuer-IdNr, 11 digits, often printed 2 3 3 3.
        .regex("\\b[1-9]\\d ?\\d{3} ?\\d{3} ?\\d{3}\\b")
        .requiredKeywords(
            "identifikationsnummer",
            "steuer id",
            "steueridentifikationsnummer",
            "steuernummer",
            "tax id",
            "tax identification number",
            "tax number")
        .validator(alone(GermanIds::isValidTaxId))
        .recommended()
        .positive("Steuer-ID: 28 365 461 076", "Steueridentifikationsnummer 62941307876")
        .negative("Steuer-ID: 28 365 461 077", "Steuer-ID: 12 345 678 901", "Rechnung 62941307876")
        .build();
  }

  static ManagedDataIdentifier germanyPassport() {
    return ManagedDataIdentifier.builder("GERMANY_PASSPORT_NUMBER", Category.PERSONAL_INFORMATION)
        // Reisepass serial: first char C, F, G, H, J or K.
        .regex("\\b[CFGHJK]" + GERMAN_DOCUMENT)
        .requiredKeywords(
            "ausstellungsdatum",
            "ausstellungsort",
            "geburtsdatum",
            "passport",
            "passports",
            "reisepass",
            "reisepass–nr",
            "reisepassnummer")
        .validator(alone(GermanIds::isValidDocumentNumber))
        .severity(PASSPORT)
        .recommended()
        .positive("Reisepassnummer: C01X00T47", "Reisepass C01X00T478, Ausstellungsort Köln")
        .negative("Reisepassnummer: C01X00T479", "Reisepass: CAB123456", "Bestellung C01X00T47")
        .build();
  }

  // ---- Italy ----

  static ManagedDataIdentifier italyNationalId() {
    return ManagedDataIdentifier.builder(
            "ITALY_NATIONAL_IDENTIFICATION_NUMBER", Category.PERSONAL_INFORMATION)
        // The codice fiscale of a person (16 chars, omocodia letters allowed), or the 11-digit
        // codice fiscale / partita IVA of an entity: Macie's id serves both national id and
        // taxpayer.
        // The keyword "codice fiscal" is Macie's own; as keywords match whole words, the usual
        // "codice fiscale" does not satisfy it (the other keywords, field names, do).
        .regex(
            "\\b(?:[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|\\d{11})\\b")
        .requiredKeywords(
            "codice fiscal",
            "dati anagrafici",
            "ehic",
            "health card",
            "health insurance card",
            "p. iva",
            "partita i.v.a.",
            "personal data",
            "tax code",
            "tessera sanitaria")
        .validator(alone(EuropePersonalIdentifiers::isItalianFiscalCode))
        .recommended()
        .positive(
            "Tessera sanitaria: RSSMRA85T10A562S",
            "tessera sanitaria BNCGLI80A41H501C",
            "dati anagrafici RSSMRA85T10A56NH (omocodia)",
            "P. IVA 12345670017")
        .negative(
            "Tessera sanitaria: RSSMRA85T10A562T", "P. IVA 12345670018", "ordine RSSMRA85T10A562S")
        .build();
  }

  /**
   * A person's codice fiscale, or an entity's 11-digit number: 7-digit number, 3-digit office code
   * (001-100, 120, 121, 888 or 999) and a Luhn check digit (DPR 605/1973, art. 2).
   */
  static boolean isItalianFiscalCode(String value) {
    if (value.length() == 16) {
      return ItalianFiscalCodes.isValid(value);
    }
    if (value.startsWith("0000000")) {
      return false;
    }
    int office = Integer.parseInt(value.substring(7, 10));
    boolean officeOk =
        (office >= 1 && office <= 100)
            || office == 120
            || office == 121
            || office == 888
            || office == 999;
    return officeOk && Luhn.isValid(value);
  }

  static ManagedDataIdentifier italyPassport() {
    return ManagedDataIdentifier.builder("ITALY_PASSPORT_NUMBER", Category.PERSONAL_INFORMATION)
        // Two letters and seven digits (passaporto elettronico).
        .regex("\\b[A-Z]{2}\\d{7}\\b")
        .requiredKeywords(
            "italian passport number",
            "numéro passeport",
            "numéro passeport italien",
            "passaporto",
            "passaporto italiana",
            "passaporto numero",
            "passport number",
            "repubblica italiana passaporto")
        .validator(alone(v -> !Digits.allSame(Digits.only(v))))
        .severity(PASSPORT)
        .recommended()
        .positive("Passaporto numero YA1234567", "passaporto: YB7306615, rilasciato a Roma")
        .negative("Codice articolo YA1234567", "passaporto YA0000000")
        .build();
  }

  // ---- Spain ----

  /** The keywords Macie gives the three Spanish tax numbers (NIE, NIF, CIF) alike. */
  private static final String[] SPAIN_TAX_KEYWORDS = {
    "cif",
    "cif número",
    "cifnúmero#",
    "nie",
    "nif",
    "número de contribuyente",
    "número de identidad de extranjero",
    "número de identificación fiscal",
    "número de impuesto corporativo",
    "personal tax number",
    "tax id",
    "tax identification number",
    "tax number",
    "tin",
    "tin#"
  };

  /** 8 digits (plain or dotted 2.3.3) and a letter, as a DNI is written. */
  private static final String DNI_SHAPE = "(?:\\d{8}|\\d{2}\\.\\d{3}\\.\\d{3})[- ]?[A-Z]";

  static ManagedDataIdentifier spainDni() {
    return ManagedDataIdentifier.builder("SPAIN_DNI_NUMBER", Category.PERSONAL_INFORMATION)
        .regex("\\b" + DNI_SHAPE + "\\b")
        .requiredKeywords(
            "dni",
            "dni#",
            "dninúmero#",
            "documento nacional de identidad",
            "identidad único",
            "identidadúnico#",
            "insurance number",
            "national identification number",
            "national identity",
            "nationalid#",
            "nationalidno#",
            "número nacional identidad",
            "personal identification number",
            "personal identity no",
            "unique identity number",
            "uniqueid#")
        // The mod-23 letter; the documentation's 99999999 and all-zero values are never reported.
        .validator(alone(SpanishIds::isValidDni))
        .recommended()
        .positive(
            "DNI: 12345678Z", "Documento nacional de identidad 48.213.567-R", "dni 73829104-R")
        .negative("DNI: 12345678A", "DNI 00000000T", "Pedido 12345678Z enviado")
        .build();
  }

  static ManagedDataIdentifier spainNie() {
    return ManagedDataIdentifier.builder("SPAIN_NIE_NUMBER", Category.PERSONAL_INFORMATION)
        .regex("\\b[XYZ][- ]?\\d{7}[- ]?[A-Z]\\b")
        .requiredKeywords(SPAIN_TAX_KEYWORDS)
        .validator(alone(SpanishIds::isValidNie))
        .recommended()
        .positive("NIE: X1234567L", "número de identidad de extranjero Y-2345678-Z")
        .negative("NIE: X1234567M", "Referencia X1234567L")
        .build();
  }

  static ManagedDataIdentifier spainNif() {
    return ManagedDataIdentifier.builder("SPAIN_NIF_NUMBER", Category.PERSONAL_INFORMATION)
        // A person's NIF: the DNI number with its letter, or the K, L and M series.
        .regex("\\b(?:" + DNI_SHAPE + "|[KLM]\\d{7}[- ]?[A-Z])\\b")
        .requiredKeywords(SPAIN_TAX_KEYWORDS)
        .validator(alone(SpanishIds::isValidPersonalNif))
        .recommended()
        .positive("NIF: 51928374D", "nif K1234567L", "Número de identificación fiscal 30472916-D")
        .negative("NIF: 51928374E", "NIF 00000000T", "factura 51928374D")
        .build();
  }

  static ManagedDataIdentifier spainCif() {
    return ManagedDataIdentifier.builder(
            "SPAIN_TAX_IDENTIFICATION_NUMBER", Category.PERSONAL_INFORMATION)
        // The CIF of a legal entity: type letter, 7 digits, control digit or letter.
        .regex("\\b[ABCDEFGHJNPQRSUVW][- ]?\\d{7}[- ]?[0-9A-J]\\b")
        .requiredKeywords(SPAIN_TAX_KEYWORDS)
        .validator(alone(SpanishIds::isValidCif))
        .recommended()
        .positive("CIF: B12345674", "cif número Q2818002D", "CIF A-58392010")
        .negative("CIF: B12345675", "CIF: Q28180024", "albarán B12345674")
        .build();
  }

  static ManagedDataIdentifier spainSocialSecurity() {
    return ManagedDataIdentifier.builder(
            "SPAIN_SOCIAL_SECURITY_NUMBER", Category.PERSONAL_INFORMATION)
        // 12 digits: province, number, control; written unbroken or 2/8/2.
        .regex("\\b\\d{2}[ /-]?\\d{8}[ /-]?\\d{2}\\b")
        .requiredKeywords(
            "número de la seguridad social",
            "social security no.",
            "social security number",
            "socialsecurityno#",
            "ssn",
            "ssn#")
        .validator(alone(SpanishIds::isValidSocialSecurityNumber))
        .recommended()
        .positive("Número de la Seguridad Social: 28/12345678/40", "SSN 084021345638")
        .negative("Número de la Seguridad Social: 28/12345678/41", "pedido 281234567840")
        .build();
  }

  static ManagedDataIdentifier spainPassport() {
    return ManagedDataIdentifier.builder("SPAIN_PASSPORT_NUMBER", Category.PERSONAL_INFORMATION)
        // Two or three letters and six digits.
        .regex("\\b[A-Z]{2,3}\\d{6}\\b")
        .requiredKeywords(
            "españa pasaporte",
            "libreta pasaporte",
            "número pasaporte",
            "pasaporte",
            "passport",
            "passport book",
            "passport no",
            "passport number",
            "spain passport")
        .validator(alone(v -> !Digits.allSame(Digits.only(v))))
        .severity(PASSPORT)
        .recommended()
        .positive("Número pasaporte: PAA123456", "pasaporte XDB381274")
        .negative("Número de pedido PAA123456", "pasaporte PAA000000")
        .build();
  }

  // ---- United Kingdom ----

  static ManagedDataIdentifier ukNationalInsurance() {
    return ManagedDataIdentifier.builder(
            "UK_NATIONAL_INSURANCE_NUMBER", Category.PERSONAL_INFORMATION)
        .regex("\\b[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b")
        .requiredKeywords(
            "insurance no.",
            "insurance number",
            "insurance#",
            "national insurance number",
            "nationalinsurance#",
            "nationalinsurancenumber",
            "nin",
            "nino")
        .validator(alone(UkIds::isValidNino))
        .recommended()
        .positive("National Insurance number: JG 10 37 59 A", "NINO=PX123456C")
        .negative("NINO: QQ123456C", "NINO: GB123456A", "NINO: JG103759E", "ref JG103759A")
        .build();
  }

  static ManagedDataIdentifier ukTaxId() {
    return ManagedDataIdentifier.builder(
            "UK_TAX_IDENTIFICATION_NUMBER", Category.PERSONAL_INFORMATION)
        // The Unique Taxpayer Reference: 10 digits, optionally 5 5, optionally a trailing K.
        .regex("\\b\\d{5} ?\\d{5}K?\\b")
        .requiredKeywords(
            "paye",
            "tax id",
            "tax id no.",
            "tax id number",
            "tax identification",
            "tax identification#",
            "tax no.",
            "tax number",
            "tax reference",
            "tax#",
            "taxid#",
            "temporary reference number",
            "tin",
            "trn",
            "unique tax reference",
            "unique taxpayer reference",
            "utr")
        .validator(alone(UkIds::isValidUtr))
        .positive("UTR: 22345 67890", "Unique Taxpayer Reference 9987654321K")
        .negative("UTR: 12345 67890", "UTR 0000000000", "invoice 2234567890")
        .build();
  }

  static ManagedDataIdentifier ukPassport() {
    return ManagedDataIdentifier.builder("UK_PASSPORT_NUMBER", Category.PERSONAL_INFORMATION)
        .regex("\\b\\d{9}\\b")
        .requiredKeywords(
            "passeport #",
            "passeport n °",
            "passeport non",
            "passeportn °",
            "passport #",
            "passport no",
            "passport number",
            "passport#",
            "passportid")
        .validator(alone(v -> !Digits.allSame(v)))
        .severity(PASSPORT)
        .recommended()
        .positive("Passport number: 925076473", "passport no 107185703")
        .negative("Passport number: 000000000", "Order 925076473", "passport no 9250764731")
        .build();
  }

  static ManagedDataIdentifier ukElectoralRoll() {
    return ManagedDataIdentifier.builder("UK_ELECTORAL_ROLL_NUMBER", Category.PERSONAL_INFORMATION)
        // Polling district code (2-3 letters) and elector number (1-4 digits).
        .regex("\\b[A-Z]{2,3}-?\\d{1,4}\\b")
        .requiredKeywords(
            "electoral #",
            "electoral number",
            "electoral roll #",
            "electoral roll no.",
            "electoral roll number",
            "electoralrollno")
        .validator(alone(v -> Integer.parseInt(Digits.only(v)) != 0))
        .recommended()
        .positive("Electoral roll number: KA1234", "electoral number AB-372")
        .negative(
            "Electoral roll number: KA0000", "Reference KA1234", "electoral roll number: KA12345")
        .build();
  }
}
