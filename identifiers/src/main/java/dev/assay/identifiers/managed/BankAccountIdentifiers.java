package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Validator;
import dev.assay.identifiers.detect.Seeds;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.Iban;
import dev.assay.identifiers.validate.NationalAccountKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Managed identifiers for bank account numbers (Macie User Guide, "Managed data identifiers for
 * financial information"): the Canada/US domestic account number, which needs a keyword, and one
 * identifier per country for its IBAN (ISO 13616), which needs none. For France, Germany, Italy,
 * Spain and the UK, Macie also reports the national BBAN form, with a keyword. All are High
 * severity at any count and none is in the RECOMMENDED set.
 */
final class BankAccountIdentifiers {
  private BankAccountIdentifiers() {}

  /** This family's identifiers, in catalog order (that of Macie's table). */
  static List<ManagedDataIdentifier> all() {
    List<ManagedDataIdentifier> out = new ArrayList<>();
    out.add(bankAccountNumber());
    for (IbanCountry c : COUNTRIES) {
      BbanForm bban = BBAN_FORMS.get(c.code());
      out.add(bban == null ? ibanOnly(c) : withBban(c, bban));
    }
    return List.copyOf(out);
  }

  /** A country's identifier with one synthetic valid IBAN and a copy with wrong check digits. */
  private record IbanCountry(String id, String code, String sampleIban, String badCheckDigits) {}

  private static final List<IbanCountry> COUNTRIES =
      List.of(
          new IbanCountry(
              "ALBANIA_BANK_ACCOUNT_NUMBER",
              "AL",
              "AL30 1588 1399 9790 1173 5585 9295",
              "AL31158813999790117355859295"),
          new IbanCountry(
              "ANDORRA_BANK_ACCOUNT_NUMBER",
              "AD",
              "AD74 5761 6987 6964 9702 8167",
              "AD7557616987696497028167"),
          new IbanCountry(
              "BOSNIA_AND_HERZEGOVINA_BANK_ACCOUNT_NUMBER",
              "BA",
              "BA73 3177 8486 4887 6634",
              "BA743177848648876634"),
          new IbanCountry(
              "BRAZIL_BANK_ACCOUNT_NUMBER",
              "BR",
              "BR21 4002 9787 5347 7876 8045 717W 8",
              "BR2240029787534778768045717W8"),
          new IbanCountry(
              "BULGARIA_BANK_ACCOUNT_NUMBER",
              "BG",
              "BG39 IOFN 7147 5160 E139 85",
              "BG40IOFN71475160E13985"),
          new IbanCountry(
              "COSTA_RICA_BANK_ACCOUNT_NUMBER",
              "CR",
              "CR94 2059 9728 3792 9841 62",
              "CR95205997283792984162"),
          new IbanCountry(
              "CROATIA_BANK_ACCOUNT_NUMBER",
              "HR",
              "HR76 2948 6628 3601 6105 5",
              "HR7729486628360161055"),
          new IbanCountry(
              "CYPRUS_BANK_ACCOUNT_NUMBER",
              "CY",
              "CY18 0087 5475 7928 9910 2130 6822",
              "CY19008754757928991021306822"),
          new IbanCountry(
              "CZECH_REPUBLIC_BANK_ACCOUNT_NUMBER",
              "CZ",
              "CZ77 6468 6164 2524 7764 7258",
              "CZ7864686164252477647258"),
          new IbanCountry(
              "DENMARK_BANK_ACCOUNT_NUMBER", "DK", "DK48 7718 8413 3017 56", "DK4977188413301756"),
          new IbanCountry(
              "DOMINICAN_REPUBLIC_BANK_ACCOUNT_NUMBER",
              "DO",
              "DO70 2559 8319 4893 9494 8214 1621",
              "DO71255983194893949482141621"),
          new IbanCountry(
              "EGYPT_BANK_ACCOUNT_NUMBER",
              "EG",
              "EG34 0521 8549 1452 4410 6460 0130 4",
              "EG350521854914524410646001304"),
          new IbanCountry(
              "ESTONIA_BANK_ACCOUNT_NUMBER",
              "EE",
              "EE13 1189 5579 9065 9397",
              "EE141189557990659397"),
          new IbanCountry(
              "FAROE_ISLANDS_BANK_ACCOUNT_NUMBER",
              "FO",
              "FO10 6158 4645 0604 54",
              "FO1161584645060454"),
          new IbanCountry(
              "FINLAND_BANK_ACCOUNT_NUMBER", "FI", "FI56 1465 9085 3801 29", "FI5714659085380129"),
          new IbanCountry(
              "FRANCE_BANK_ACCOUNT_NUMBER",
              "FR",
              "FR76 1102 8594 0656 6208 6207 529",
              "FR7711028594065662086207529"),
          new IbanCountry(
              "GEORGIA_BANK_ACCOUNT_NUMBER",
              "GE",
              "GE39 CF80 8458 5003 7038 26",
              "GE40CF8084585003703826"),
          new IbanCountry(
              "GERMANY_BANK_ACCOUNT_NUMBER",
              "DE",
              "DE32 5384 5355 7787 9432 62",
              "DE33538453557787943262"),
          new IbanCountry(
              "GREECE_BANK_ACCOUNT_NUMBER",
              "GR",
              "GR91 7058 602B 4309 0682 1C49 344",
              "GR927058602B430906821C49344"),
          new IbanCountry(
              "GREENLAND_BANK_ACCOUNT_NUMBER",
              "GL",
              "GL55 5263 0976 5828 02",
              "GL5652630976582802"),
          new IbanCountry(
              "HUNGARY_BANK_ACCOUNT_NUMBER",
              "HU",
              "HU20 5822 0180 5154 3829 9321 5711",
              "HU21582201805154382993215711"),
          new IbanCountry(
              "ICELAND_BANK_ACCOUNT_NUMBER",
              "IS",
              "IS82 6494 1577 1883 5795 1117 44",
              "IS836494157718835795111744"),
          new IbanCountry(
              "IRELAND_BANK_ACCOUNT_NUMBER",
              "IE",
              "IE62 YVHF 5688 5576 5237 35",
              "IE63YVHF56885576523735"),
          new IbanCountry(
              "ITALY_BANK_ACCOUNT_NUMBER",
              "IT",
              "IT02 W569 6327 9261 7832 1968 678",
              "IT03W5696327926178321968678"),
          new IbanCountry(
              "JORDAN_BANK_ACCOUNT_NUMBER",
              "JO",
              "JO68 QGNL 5062 8D77 0143 8560 2332 18",
              "JO69QGNL50628D7701438560233218"),
          new IbanCountry(
              "KOSOVO_BANK_ACCOUNT_NUMBER",
              "XK",
              "XK65 9821 0460 2883 7555",
              "XK669821046028837555"),
          new IbanCountry(
              "LIECHTENSTEIN_BANK_ACCOUNT_NUMBER",
              "LI",
              "LI04 5974 74FF 4746 9D84 9",
              "LI05597474FF47469D849"),
          new IbanCountry(
              "LITHUANIA_BANK_ACCOUNT_NUMBER",
              "LT",
              "LT04 1889 5755 5218 2488",
              "LT051889575552182488"),
          new IbanCountry(
              "MALTA_BANK_ACCOUNT_NUMBER",
              "MT",
              "MT09 MUDT 3073 3864 7A68 9229 142B 502",
              "MT10MUDT307338647A689229142B502"),
          new IbanCountry(
              "MAURITANIA_BANK_ACCOUNT_NUMBER",
              "MR",
              "MR75 6978 0438 5817 6252 8070 015",
              "MR7669780438581762528070015"),
          new IbanCountry(
              "MAURITIUS_BANK_ACCOUNT_NUMBER",
              "MU",
              "MU65 SWWI 5028 3166 3233 7352 866O LW",
              "MU66SWWI5028316632337352866OLW"),
          new IbanCountry(
              "MONACO_BANK_ACCOUNT_NUMBER",
              "MC",
              "MC58 3478 9713 3159 1664 4574 795",
              "MC5934789713315916644574795"),
          new IbanCountry(
              "MONTENEGRO_BANK_ACCOUNT_NUMBER",
              "ME",
              "ME05 2835 7699 0854 1775 88",
              "ME06283576990854177588"),
          new IbanCountry(
              "NETHERLANDS_BANK_ACCOUNT_NUMBER",
              "NL",
              "NL61 QDIJ 0190 1879 16",
              "NL62QDIJ0190187916"),
          new IbanCountry(
              "NORTH_MACEDONIA_BANK_ACCOUNT_NUMBER",
              "MK",
              "MK52 9790 5324 118A 473",
              "MK5397905324118A473"),
          new IbanCountry(
              "POLAND_BANK_ACCOUNT_NUMBER",
              "PL",
              "PL24 5736 3856 0739 2731 9796 7807",
              "PL25573638560739273197967807"),
          new IbanCountry(
              "PORTUGAL_BANK_ACCOUNT_NUMBER",
              "PT",
              "PT12 3608 7243 8546 9059 8281 9",
              "PT13360872438546905982819"),
          new IbanCountry(
              "SAN_MARINO_BANK_ACCOUNT_NUMBER",
              "SM",
              "SM74 C391 8276 1160 0255 08E0 780",
              "SM75C39182761160025508E0780"),
          new IbanCountry(
              "SENEGAL_BANK_ACCOUNT_NUMBER",
              "SN",
              "SN58 GU70 4121 4304 9074 1828 8983",
              "SN59GU7041214304907418288983"),
          new IbanCountry(
              "SERBIA_BANK_ACCOUNT_NUMBER",
              "RS",
              "RS84 7085 3867 1300 6681 79",
              "RS85708538671300668179"),
          new IbanCountry(
              "SLOVAKIA_BANK_ACCOUNT_NUMBER",
              "SK",
              "SK18 2232 8385 6427 1051 2983",
              "SK1922328385642710512983"),
          new IbanCountry(
              "SLOVENIA_BANK_ACCOUNT_NUMBER",
              "SI",
              "SI10 7252 7812 0617 695",
              "SI11725278120617695"),
          new IbanCountry(
              "SPAIN_BANK_ACCOUNT_NUMBER",
              "ES",
              "ES68 8519 0431 1449 9924 8005",
              "ES6985190431144999248005"),
          new IbanCountry(
              "SWEDEN_BANK_ACCOUNT_NUMBER",
              "SE",
              "SE85 2791 3729 8711 2098 4264",
              "SE8627913729871120984264"),
          new IbanCountry(
              "SWITZERLAND_BANK_ACCOUNT_NUMBER",
              "CH",
              "CH71 0794 201A 1474 9420 4",
              "CH720794201A147494204"),
          new IbanCountry(
              "TIMOR_LESTE_BANK_ACCOUNT_NUMBER",
              "TL",
              "TL92 6352 1362 9586 3984 886",
              "TL936352136295863984886"),
          new IbanCountry(
              "TUNISIA_BANK_ACCOUNT_NUMBER",
              "TN",
              "TN17 4573 2840 9342 6927 6709",
              "TN1845732840934269276709"),
          new IbanCountry(
              "TURKIYE_BANK_ACCOUNT_NUMBER",
              "TR",
              "TR35 4098 5868 8958 6653 6069 23",
              "TR364098586889586653606923"),
          new IbanCountry(
              "UK_BANK_ACCOUNT_NUMBER",
              "GB",
              "GB81 LARC 1136 1795 8163 54",
              "GB82LARC11361795816354"),
          new IbanCountry(
              "UKRAINE_BANK_ACCOUNT_NUMBER",
              "UA",
              "UA66 0115 2713 8517 E186 2E10 5064 8",
              "UA67011527138517E1862E1050648"),
          new IbanCountry(
              "UNITED_ARAB_EMIRATES_BANK_ACCOUNT_NUMBER",
              "AE",
              "AE53 3615 2029 9446 1351 619",
              "AE543615202994461351619"),
          new IbanCountry(
              "VIRGIN_ISLANDS_BANK_ACCOUNT_NUMBER",
              "VG",
              "VG56 YTIK 6994 3982 8640 8948",
              "VG57YTIK6994398286408948"));

  static ManagedDataIdentifier bankAccountNumber() {
    return ManagedDataIdentifier.builder("BANK_ACCOUNT_NUMBER", Category.FINANCIAL_INFORMATION)
        // Canada/US domestic account numbers: 9 to 17 digits written without spaces. The number
        // carries no check digit of its own, so the keyword does the work; a digit run that is one
        // group of a longer grouped number (an IBAN, a card) is not one.
        .regex("\\b\\d{9,17}\\b")
        .requiredKeywords(
            "bank account",
            "bank acct",
            "checking account",
            "checking acct",
            "deposit account",
            "deposit acct",
            "savings account",
            "savings acct",
            "chequing account",
            "chequing acct")
        .validator(Digits::standsApart)
        .positive(
            "Direct deposit to checking account 004417829351 at routing 021000021 was set up.",
            "savings_account,holder\n73650918244,R. Ortiz\n",
            "{\"bank_account\": \"1029384756123\"}")
        .negative(
            "account 004417829351 was closed",
            "bank account: 12345678",
            "bank account 4556 7375 8689 9855 1234 is not a domestic number",
            "savings account, see note. Reference numbers are listed far below the heading: 004417829351")
        .build();
  }

  /**
   * The regex of {@code country}'s IBAN: compact, or in groups of four split by spaces or by
   * hyphens.
   */
  static String ibanRegex(String country) {
    int n = Iban.length(country) - 4;
    String unit = "[0-9A-Z]";
    StringBuilder sb =
        new StringBuilder(country)
            .append("\\d{2}(?:")
            .append(unit)
            .append('{')
            .append(n)
            .append('}');
    for (String sep : List.of(" ", "-")) {
      sb.append("|(?:").append(sep).append(unit).append("{4}){").append(n / 4).append('}');
      if (n % 4 > 0) {
        sb.append(sep).append(unit).append('{').append(n % 4).append('}');
      }
    }
    return sb.append(')').toString();
  }

  /**
   * A national form whose fields are written together, or split by spaces, or split by hyphens (the
   * separator options Macie lists for the BBAN form).
   */
  static String fields(String... fields) {
    return "(?:"
        + String.join("", fields)
        + "|"
        + String.join(" ", fields)
        + "|"
        + String.join("-", fields)
        + ")";
  }

  /** Check characters inside a country's BBAN; none where the check depends on per-bank tables. */
  private static final Map<String, Predicate<String>> NATIONAL_KEYS =
      Map.of(
          "FR", NationalAccountKeys::isFrenchRib,
          "MC", NationalAccountKeys::isFrenchRib,
          "IT", NationalAccountKeys::isItalianCin,
          "SM", NationalAccountKeys::isItalianCin,
          "ES", NationalAccountKeys::isSpanishCcc);

  /**
   * Whether {@code compact} starts as an IBAN of {@code country}: its country code then two digits.
   */
  private static boolean isIbanForm(String country, String compact) {
    return compact.length() > 4
        && compact.startsWith(country)
        && Character.isDigit(compact.charAt(2))
        && Character.isDigit(compact.charAt(3));
  }

  /**
   * The value check shared by a country's forms: a token of its own; an IBAN passes ISO 13616
   * (country length, BBAN structure, mod 97); a BBAN has the country's structure, or is one of
   * {@code domestic}'s forms; and either carries valid national check characters where the country
   * defines them.
   */
  private static Validator accountValidator(String country, Predicate<String> domestic) {
    Predicate<String> key = NATIONAL_KEYS.getOrDefault(country, bban -> true);
    return (text, start, end) -> {
      if (!Digits.standsApart(text, start, end)) {
        return false;
      }
      String compact = Iban.compact(text.subSequence(start, end));
      if (isIbanForm(country, compact)) {
        return Iban.isValid(compact) && key.test(compact.substring(4));
      }
      return (Iban.isBban(country, compact) && key.test(compact)) || domestic.test(compact);
    };
  }

  /**
   * The prefilter literals of {@code country}'s IBAN: its code and the first check digit (always 0
   * to 9). A bare two-letter code is in almost every text (the literals are case-insensitive); with
   * a digit after it, far fewer texts wake the pattern. An IBAN begins with one and runs at most 34
   * characters and 8 separators beyond it, so the pattern is searched only there.
   */
  static Seeds ibanSeeds(String country) {
    String[] anchors = new String[10];
    for (int d = 0; d < 10; d++) {
      anchors[d] = country + d;
    }
    return Seeds.around(IBAN_REACH, anchors);
  }

  /** The longest IBAN (34 characters) with a separator every four, and some slack. */
  private static final int IBAN_REACH = 48;

  /** Macie: "IBAN only", no keyword; the country code prefix decides the identifier. */
  private static ManagedDataIdentifier ibanOnly(IbanCountry c) {
    return ManagedDataIdentifier.builder(c.id(), Category.FINANCIAL_INFORMATION)
        .regex(ibanRegex(c.code()))
        .seeds(ibanSeeds(c.code()))
        .validator(accountValidator(c.code(), v -> false))
        .positive(
            "Please wire the deposit to " + c.sampleIban() + " before Friday.",
            "iban=" + c.sampleIban().replace(" ", ""))
        .negative("Please wire the deposit to " + c.badCheckDigits() + " before Friday.")
        .build();
  }

  /**
   * The BBAN form of a country whose identifier also takes it: the regex of the national forms,
   * Macie's keywords (required for the BBAN form only), domestic forms beyond the BBAN, and samples
   * of the BBAN form.
   */
  private record BbanForm(
      String regex,
      List<String> keywords,
      Predicate<String> domestic,
      List<String> positives,
      List<String> negatives) {}

  private static final List<String> COMMON_KEYWORDS =
      List.of(
          "account code",
          "account number",
          "accountno#",
          "accountnumber#",
          "bban",
          "customer account id",
          "customer account number",
          "customer bank account id",
          "iban");

  private static List<String> keywords(String... more) {
    List<String> all = new ArrayList<>(COMMON_KEYWORDS);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }

  private static final Map<String, BbanForm> BBAN_FORMS =
      Map.of(
          "FR",
          new BbanForm(
              // code banque, code guichet, numéro de compte, clé RIB
              fields("\\d{5}", "\\d{5}", "[0-9A-Z]{11}", "\\d{2}"),
              keywords("code bancaire", "compte bancaire", "numéro de compte"),
              v -> false,
              List.of(
                  "RIB du compte bancaire : 45333 14789 888F3658316 36",
                  "bban=4533314789888F365831636"),
              List.of(
                  "RIB du compte bancaire : 45333 14789 888F3658316 37",
                  "reference 45333 14789 888F3658316 36 on the delivery note")),
          "DE",
          new BbanForm(
              // Bankleitzahl, Kontonummer (ten digits with leading zeros)
              fields("\\d{8}", "\\d{10}"),
              keywords(
                  "bankleitzahl",
                  "geheimzahl",
                  "kartennummer",
                  "kontonummer",
                  "kreditkartennummer",
                  "sepa"),
              v -> false,
              List.of("Kontonummer und BLZ: 98113511 9718147815", "BBAN 981135119718147815"),
              List.of("Lieferschein 98113511 9718147815", "Kontonummer: 98113511 971814781")),
          "IT",
          new BbanForm(
              // CIN, ABI, CAB, numero di conto
              fields("[A-Z]", "\\d{5}", "\\d{5}", "[0-9A-Z]{12}"),
              keywords("codice bancario", "conto bancario", "numero di conto"),
              v -> false,
              List.of(
                  "numero di conto: G 06998 33976 6116FF12F602", "BBAN G06998339766116FF12F602"),
              List.of(
                  "numero di conto: H 06998 33976 6116FF12F602",
                  "pratica G 06998 33976 6116FF12F602")),
          "ES",
          new BbanForm(
              // entidad, oficina, dígitos de control, número de cuenta
              fields("\\d{4}", "\\d{4}", "\\d{2}", "\\d{10}"),
              keywords(
                  "código cuenta",
                  "código cuenta bancaria",
                  "cuenta cliente id",
                  "número cuenta bancaria cliente",
                  "número cuenta cliente"),
              v -> false,
              List.of(
                  "Número cuenta cliente: 0031 7167 12 3431222003",
                  "código cuenta 0031-7167-12-3431222003"),
              List.of(
                  "Número cuenta cliente: 0031 7167 13 3431222003",
                  "pedido 0031 7167 12 3431222003")),
          "GB",
          new BbanForm(
              // The BBAN (bank code, sort code, account) and the domestic sort code + account
              // form, which Macie also reports ("60-16-13 31926819").
              "(?:"
                  + fields("[A-Z]{4}", "\\d{6}", "\\d{8}")
                  + "|\\d{2}-\\d{2}-\\d{2} \\d{8}|\\d{6} \\d{8})",
              keywords("sepa"),
              v -> v.length() == 14 && v.chars().allMatch(Character::isDigit),
              List.of(
                  "Account number 99-67-84 91796484 (sort code first).",
                  "bban: VQYM 996784 91796484"),
              List.of("Order 99-67-84 91796484 shipped.", "account number VQYM 996784 9179648")));

  /**
   * Macie: "IBAN: no keyword; BBAN: yes" — one pattern for both forms, the keyword rule per form.
   */
  private static ManagedDataIdentifier withBban(IbanCountry c, BbanForm bban) {
    String country = c.code();
    return ManagedDataIdentifier.builder(c.id(), Category.FINANCIAL_INFORMATION)
        .regex("(?:" + ibanRegex(country) + ")|" + bban.regex())
        .keywordsUnlessQualified(
            (text, start, end) -> isIbanForm(country, Iban.compact(text.subSequence(start, end))),
            bban.keywords().toArray(String[]::new))
        .validator(accountValidator(country, bban.domestic()))
        // The IBAN form begins with a seed literal; a BBAN form counts only with a keyword, and is
        // searched around the keywords (DetectionCriteria#seeds).
        .seeds(ibanSeeds(country))
        .positive("Please wire the deposit to " + c.sampleIban() + " before Friday.")
        .positive(bban.positives().toArray(String[]::new))
        .negative("Please wire the deposit to " + c.badCheckDigits() + " before Friday.")
        .negative(bban.negatives().toArray(String[]::new))
        .build();
  }
}
