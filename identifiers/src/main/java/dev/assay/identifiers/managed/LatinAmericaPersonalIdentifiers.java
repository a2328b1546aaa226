package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Validator;
import dev.assay.identifiers.validate.ArgentinaTaxpayerNumbers;
import dev.assay.identifiers.validate.BrazilTaxpayerNumbers;
import dev.assay.identifiers.validate.ChileRoleNumbers;
import dev.assay.identifiers.validate.ColombiaTaxpayerNumbers;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.Luhn;
import dev.assay.identifiers.validate.MexicoPopulationRegistryCodes;
import dev.assay.identifiers.validate.MexicoTaxpayerCodes;
import dev.assay.identifiers.validate.PhoneNumbers;
import java.util.List;

/**
 * Managed identifiers for personally identifiable information of Brazil, Argentina, Chile, Colombia
 * and Mexico. Every one needs a keyword (Brazil's phone numbers: unless they carry +55). Individual
 * and organization variants of one tax id (CUIT, NIT, RFC) share their keywords and are told apart
 * by the number itself, so one value is never reported as both.
 */
final class LatinAmericaPersonalIdentifiers {
  private LatinAmericaPersonalIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(
        brazilCpfNumber(),
        brazilCnpjNumber(),
        brazilRgNumber(),
        brazilCepCode(),
        brazilPhoneNumber(),
        argentinaDniNumber(),
        argentinaIndividualTaxIdentificationNumber(),
        argentinaOrganizationTaxIdentificationNumber(),
        argentinaTarjetaSube(),
        chileRutNumber(),
        colombiaCitizenshipCardNumber(),
        colombiaIndividualNitNumber(),
        colombiaOrganizationNitNumber(),
        mexicoCurpNumber(),
        mexicoIndividualRfcNumber(),
        mexicoOrganizationRfcNumber());
  }

  private static ManagedDataIdentifier.Builder personal(String id) {
    return ManagedDataIdentifier.builder(id, Category.PERSONAL_INFORMATION);
  }

  /** Macie lists the same keywords for the CPF and the CNPJ. */
  private static final String[] BRAZIL_TAX_KEYWORDS = {
    "cadastro de pessoa física", "cadastro de pessoa fisica", "cadastro de pessoas físicas",
    "cadastro de pessoas fisicas", "cadastro nacional da pessoa jurídica",
        "cadastro nacional da pessoa juridica",
    "cnpj", "cpf"
  };

  static ManagedDataIdentifier brazilCpfNumber() {
    return personal("BRAZIL_CPF_NUMBER")
        .regex("\\b\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}\\b")
        .requiredKeywords(BRAZIL_TAX_KEYWORDS)
        .validator(StandaloneValue.number(BrazilTaxpayerNumbers::isValidCpf))
        .recommended()
        .positive("CPF: 033.224.538-12", "cpf 24154990993 confirmado")
        .negative("CPF: 033.224.538-13", "CPF 000.000.000-00", "pedido 033.224.538-12")
        .build();
  }

  static ManagedDataIdentifier brazilCnpjNumber() {
    return personal("BRAZIL_CNPJ_NUMBER")
        .regex("\\b\\d{2}\\.?\\d{3}\\.?\\d{3}/?\\d{4}-?\\d{2}\\b")
        .requiredKeywords(BRAZIL_TAX_KEYWORDS)
        .validator(StandaloneValue.number(BrazilTaxpayerNumbers::isValidCnpj))
        .positive("CNPJ: 51.454.752/0001-63", "cnpj 08656907000115")
        .negative("CNPJ: 51.454.752/0001-64", "CNPJ 00.000.000/0000-00", "nota 51.454.752/0001-63")
        .build();
  }

  static ManagedDataIdentifier brazilRgNumber() {
    return personal("BRAZIL_RG_NUMBER")
        // The state-issued RG, most often 8 digits and a check char (X for 10) as 12.345.678-9.
        .regex("\\b\\d{1,2}\\.?\\d{3}\\.?\\d{3}-?[0-9Xx]\\b")
        .requiredKeywords("registro geral", "rg")
        .validator(StandaloneValue.code(v -> !Digits.allSame(Digits.only(v))))
        .positive("RG: 24.678.301-5", "registro geral 43.902.118-X")
        .negative("RG: 00.000.000-0", "lote 24.678.301-5")
        .build();
  }

  static ManagedDataIdentifier brazilCepCode() {
    return personal("BRAZIL_CEP_CODE")
        .regex("\\b\\d{5}-?\\d{3}\\b")
        .requiredKeywords(
            "cep",
            "código de endereçamento postal",
            "codigo de endereçamento postal",
            "código postal",
            "codigo postal")
        .validator(StandaloneValue.number(v -> !Digits.allSame(Digits.only(v))))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive("CEP 01310-100, São Paulo", "código postal: 22041001")
        .negative("CEP 00000-000", "ramal 01310-100")
        .build();
  }

  static ManagedDataIdentifier brazilPhoneNumber() {
    return personal("BRAZIL_PHONE_NUMBER")
        // +55 11 98765-4321, (11) 98765-4321, 11 3456-7890: area code (DDD), then 8 or 9 digits.
        .regex("(?:\\+55 ?)?(?:\\(\\d{2}\\) ?|\\b\\d{2} )(?:9\\d{4}|\\d{4})-?\\d{4}\\b")
        // Macie: with a keyword nearby the country code is optional; without one it is required.
        .keywordsUnlessQualified(
            Validator.ofValue(PhoneNumbers::hasBrazilianCountryCode),
            "cell",
            "contact",
            "fax",
            "fax number",
            "mobile",
            "phone",
            "phone number",
            "tel",
            "telephone",
            "telephone number",
            "cel",
            "celular",
            "fone",
            "móvel",
            "número residencial",
            "numero residencial",
            "telefone")
        .seeds(PhoneSeeds.countryCode("55"))
        .validator(StandaloneValue.number(PhoneNumbers::isBrazilian))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive(
            "Ligue +55 11 98765-4321 hoje", "celular: (21) 99812-3344", "telefone 31 3456-7890")
        .negative(
            "ligue (11) 98765-4321 hoje", "telefone (01) 3456-7890", "celular (21) 19812-3344")
        .build();
  }

  static ManagedDataIdentifier argentinaDniNumber() {
    return personal("ARGENTINA_DNI_NUMBER")
        .regex("\\b\\d{1,2}\\.?\\d{3}\\.?\\d{3}\\b")
        .requiredKeywords("dni", "dni#", "d.n.i.", "documento nacional de identidad")
        // Macie never reports 99999999, 99.999.999 or all-zero values. A control letter after the
        // number (48.213.567-R) makes it a Spanish DNI, not an Argentine one.
        .validator(
            StandaloneValue.number(
                    v -> Digits.only(v).length() >= 7 && !Digits.allSame(Digits.only(v)))
                .and(LatinAmericaPersonalIdentifiers::noControlLetterAfter))
        .positive("DNI 27.451.903 (titular)", "documento nacional de identidad: 30128744")
        .negative("DNI 99.999.999", "DNI 00.000.000", "pedido 27.451.903", "DNI 48.213.567-R")
        .build();
  }

  /**
   * Whether no letter follows the number, directly or after a hyphen or space (a DNI control
   * letter).
   */
  private static boolean noControlLetterAfter(CharSequence text, int start, int end) {
    int i = end;
    if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == ' ')) {
      i++;
    }
    return !(i < text.length()
        && Character.isLetter(text.charAt(i))
        && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1))));
  }

  /** Macie lists the same keywords for the individual and the organization CUIT/CUIL. */
  private static final String[] ARGENTINA_TAX_KEYWORDS = {
    "argentina taxpayer id",
    "clave única de identificación tributaria",
    "cuil",
    "c.u.i.l",
    "cuit",
    "c.u.i.t",
    "número de identificación fiscal",
    "número de contribuyente",
    "unified labor identification code"
  };

  private static final String CUIT_REGEX = "\\b\\d{2}-?\\d{8}-?\\d\\b";

  static ManagedDataIdentifier argentinaIndividualTaxIdentificationNumber() {
    return personal("ARGENTINA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER")
        .regex(CUIT_REGEX)
        .requiredKeywords(ARGENTINA_TAX_KEYWORDS)
        .validator(StandaloneValue.number(ArgentinaTaxpayerNumbers::isValidIndividual))
        .positive("CUIL 20-17987334-7", "cuit: 27265146045")
        .negative("CUIL 20-17987334-8", "CUIT 30-33111072-4", "ref 20-17987334-7")
        .build();
  }

  static ManagedDataIdentifier argentinaOrganizationTaxIdentificationNumber() {
    return personal("ARGENTINA_ORGANIZATION_TAX_IDENTIFICATION_NUMBER")
        .regex(CUIT_REGEX)
        .requiredKeywords(ARGENTINA_TAX_KEYWORDS)
        .validator(StandaloneValue.number(ArgentinaTaxpayerNumbers::isValidOrganization))
        .severity(Severities.MEDIUM_MEDIUM_HIGH)
        .positive("CUIT 30-33111072-4 (proveedor)", "c.u.i.t 33443930251")
        .negative("CUIT 30-33111072-5", "CUIT 20-17987334-7", "ref 30-33111072-4")
        .build();
  }

  static ManagedDataIdentifier argentinaTarjetaSube() {
    return personal("ARGENTINA_TARJETA_SUBE")
        // 16 digits starting 6061, Luhn-valid (Macie User Guide); separators space, hyphen or none.
        .regex("\\b6061(?:[ -]?\\d{4}){3}\\b")
        .requiredKeywords("sistema único de boleto electrónico", "sube")
        .validator(StandaloneValue.number(v -> Luhn.isValid(Digits.only(v))))
        .severity(Severities.MEDIUM_MEDIUM_HIGH)
        .positive("tarjeta SUBE 6061 9840 3297 9237", "sube: 6061-2073-2021-5274")
        .negative("tarjeta SUBE 6061 9840 3297 9238", "tarjeta 6061 9840 3297 9237")
        .build();
  }

  static ManagedDataIdentifier chileRutNumber() {
    return personal("CHILE_RUT_NUMBER")
        .regex("\\b\\d{1,2}\\.?\\d{3}\\.?\\d{3}-[0-9Kk]\\b")
        .requiredKeywords(
            "identidad número",
            "nacional identidad",
            "national unique role",
            "nationaluniqueroleID#",
            "número identificación",
            "rol único nacional",
            "rol único tributario",
            "run",
            "run#",
            "r.u.n.",
            "rut",
            "rut#",
            "r.u.t.",
            "unique national number",
            "unique national role",
            "unique tax registry",
            "unique tax role",
            "unique tributary number",
            "unique tributary role")
        .validator(StandaloneValue.code(ChileRoleNumbers::isValid))
        .positive("RUT 11.070.650-2", "rol único tributario: 6567901-9")
        .negative("RUT 11.070.650-3", "RUT 00.000.000-0", "folio 11.070.650-2")
        .build();
  }

  static ManagedDataIdentifier colombiaCitizenshipCardNumber() {
    return personal("COLOMBIA_CITIZENSHIP_CARD_NUMBER")
        // The cédula: 6 to 10 digits, often grouped with dots.
        .regex("\\b\\d{1,3}(?:\\.\\d{3}){1,3}\\b|\\b\\d{6,10}\\b")
        .requiredKeywords("cédula de ciudadanía", "documento de identificación")
        .validator(
            StandaloneValue.number(
                v ->
                    Digits.only(v).length() >= 6
                        && Digits.only(v).charAt(0) != '0'
                        && !Digits.allSame(Digits.only(v))))
        .positive("cédula de ciudadanía 1.020.734.118", "documento de identificación: 79512846")
        .negative("cédula de ciudadanía 000.000", "factura 1.020.734.118")
        .build();
  }

  /** Macie lists the same keywords for the individual and the organization NIT. */
  private static final String[] NIT_KEYWORDS = {"nit", "nit.", "nit#", "n.i.t."};

  /** A base of up to 15 digits, grouped with dots or not, a hyphen and the check digit. */
  private static final String NIT_REGEX = "\\b(?:\\d{1,3}(?:\\.\\d{3}){2,4}|\\d{6,15})-\\d\\b";

  static ManagedDataIdentifier colombiaIndividualNitNumber() {
    return personal("COLOMBIA_INDIVIDUAL_NIT_NUMBER")
        .regex(NIT_REGEX)
        .requiredKeywords(NIT_KEYWORDS)
        .validator(StandaloneValue.number(ColombiaTaxpayerNumbers::isValidIndividual))
        .positive("NIT 356.881.873-4", "nit: 114264990-3")
        .negative("NIT 356.881.873-5", "NIT 971.954.061-6", "ref 356.881.873-4")
        .build();
  }

  static ManagedDataIdentifier colombiaOrganizationNitNumber() {
    return personal("COLOMBIA_ORGANIZATION_NIT_NUMBER")
        .regex(NIT_REGEX)
        .requiredKeywords(NIT_KEYWORDS)
        .validator(StandaloneValue.number(ColombiaTaxpayerNumbers::isValidOrganization))
        .severity(Severities.MEDIUM_MEDIUM_HIGH)
        .positive("NIT 971.954.061-6", "nit# 858952548-1")
        .negative("NIT 971.954.061-7", "NIT 356.881.873-4", "ref 971.954.061-6")
        .build();
  }

  static ManagedDataIdentifier mexicoCurpNumber() {
    return personal("MEXICO_CURP_NUMBER")
        .regex("\\b[A-Z]{4}\\d{6}[HMX][A-Z]{5}[A-Z0-9]\\d\\b")
        .requiredKeywords(
            "clave personal identidad",
            "clave única",
            "clave única de registro de población",
            "clavepersonalIdentidad",
            "curp",
            "registration code",
            "registry code",
            "personal identidad clave",
            "population code")
        .validator(StandaloneValue.code(MexicoPopulationRegistryCodes::isValid))
        .positive("CURP: GOMA850315HDFRRN02", "curp LOPA921104MJCPZR01")
        .negative(
            "CURP: GOMA850315HDFRRN03", "CURP: GOMA851315HDFRRN02", "folio GOMA850315HDFRRN02")
        .build();
  }

  /** Macie lists the same keywords for the individual and the organization RFC. */
  private static final String[] RFC_KEYWORDS = {
    "código del registro federal de contribuyentes",
    "identificación de impuestos",
    "identificacion de impuestos",
    "impuesto al valor agregado",
    "iva",
    "iva#",
    "i.v.a.",
    "registro federal de contribuyentes",
    "rfc",
    "rfc#",
    "r.f.c."
  };

  static ManagedDataIdentifier mexicoIndividualRfcNumber() {
    return personal("MEXICO_INDIVIDUAL_RFC_NUMBER")
        .regex("[A-ZÑ&]{4}\\d{6}[A-Z0-9]{3}")
        .requiredKeywords(RFC_KEYWORDS)
        .validator(StandaloneValue.code(MexicoTaxpayerCodes::isValidIndividual))
        .positive("RFC: GOMA850315AB1", "rfc LOPA921104QZ7")
        .negative("RFC: XAXX010101000", "RFC: GOMA851315AB1", "folio GOMA850315AB1")
        .build();
  }

  static ManagedDataIdentifier mexicoOrganizationRfcNumber() {
    return personal("MEXICO_ORGANIZATION_RFC_NUMBER")
        .regex("[A-ZÑ&]{3}\\d{6}[A-Z0-9]{3}")
        .requiredKeywords(RFC_KEYWORDS)
        .validator(StandaloneValue.code(MexicoTaxpayerCodes::isValidOrganization))
        .severity(Severities.MEDIUM_MEDIUM_HIGH)
        .positive("RFC: ABC010203XY4", "R.F.C. TME950817K21")
        .negative("RFC: ABC011303XY4", "RFC: GOMA850315AB1", "folio ABC010203XY4")
        .build();
  }
}
