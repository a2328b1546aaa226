package dev.assay.identifiers.managed;

import static dev.assay.identifiers.managed.EuropePersonalIdentifiers.alone;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.SeverityProfile;
import dev.assay.identifiers.Validator;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.NordicPersonalNumbers;
import dev.assay.identifiers.validate.SpanishIds;
import dev.assay.identifiers.validate.UkIds;
import java.util.List;

/**
 * Driving licence numbers of European countries ("Managed data identifiers for PII", driver's
 * license ID). Each requires one of its keywords within 30 characters; severity Low for one
 * occurrence, Medium for 2-99, High from 100 (Macie's severity table for managed identifiers). Only
 * the UK's is in RECOMMENDED.
 *
 * <p>Macie does not document the number formats. The shapes here are those the issuing authorities
 * print, as catalogued in Microsoft Purview's sensitive information type definitions
 * ("&lt;country&gt; driver's license number"): Finland, Spain and Sweden print the holder's
 * personal number (HETU, DNI, personnummer) and get its check; the UK's structure is DVLA's. The
 * rest have no published check, so a value that is not one repeated digit counts.
 *
 * <p>Several countries share a shape and a keyword (10 digits with "rijbewijs" or "permis de
 * conduire" in Belgium and the Netherlands; a personal number with "körkort" in Finland and
 * Sweden). The detector's same-span rule then reports one of them (field keyword, nearest keyword,
 * then catalog order); this list puts the Netherlands before Belgium because all of its keywords
 * are also Belgian ones, so Belgium still wins with its German keywords while the Netherlands wins
 * with the Dutch and French ones.
 */
final class EuropeDriversLicenses {
  private EuropeDriversLicenses() {}

  /** Driver's license ID: Low, Medium, High (Macie's severity table for managed identifiers). */
  static final SeverityProfile LICENCE =
      new SeverityProfile(Severity.LOW, Severity.MEDIUM, Severity.HIGH);

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(
        austria(),
        netherlands(),
        belgium(),
        bulgaria(),
        croatia(),
        cyprus(),
        czechia(),
        denmark(),
        estonia(),
        finland(),
        france(),
        germany(),
        greece(),
        hungary(),
        ireland(),
        italy(),
        latvia(),
        lithuania(),
        luxembourg(),
        malta(),
        poland(),
        portugal(),
        romania(),
        slovakia(),
        slovenia(),
        spain(),
        sweden(),
        uk());
  }

  /** A value with no check of its own: anything but one repeated digit. */
  private static final Validator NOT_REPEATED = alone(v -> !Digits.allSame(Digits.only(v)));

  private static ManagedDataIdentifier.Builder licence(
      String id, String regex, Validator validator) {
    return ManagedDataIdentifier.builder(id, Category.PERSONAL_INFORMATION)
        .regex(regex)
        .validator(validator)
        .severity(LICENCE);
  }

  static ManagedDataIdentifier austria() {
    return licence("AUSTRIA_DRIVERS_LICENSE", "\\b\\d{8}\\b", NOT_REPEATED)
        .requiredKeywords(
            "führerschein",
            "fuhrerschein",
            "führerschein republik österreich",
            "fuhrerschein republik osterreich")
        .positive("Führerschein Nr. 28371946", "fuhrerschein: 61029384")
        .negative("Führerschein Nr. 2837194", "Rechnung 28371946", "Führerschein 00000000")
        .build();
  }

  static ManagedDataIdentifier netherlands() {
    return licence("NETHERLANDS_DRIVERS_LICENSE", "\\b\\d{10}\\b", NOT_REPEATED)
        .requiredKeywords("permis de conduire", "rijbewijs", "rijbewijsnummer")
        .positive("Rijbewijsnummer: 4820193756", "rijbewijs 5102938476 geldig tot 2031")
        .negative("Klantnummer 4820193756", "rijbewijs 482019375")
        .build();
  }

  static ManagedDataIdentifier belgium() {
    return licence("BELGIUM_DRIVERS_LICENSE", "\\b\\d{10}\\b", NOT_REPEATED)
        .requiredKeywords(
            "fuehrerschein",
            "fuehrerschein- nr",
            "fuehrerscheinnummer",
            "fuhrerschein",
            "führerschein",
            "fuhrerschein- nr",
            "führerschein- nr",
            "fuhrerscheinnummer",
            "führerscheinnummer",
            "numéro permis conduire",
            "permis de conduire",
            "rijbewijs",
            "rijbewijsnummer")
        .positive("Führerscheinnummer 3018274659 (Eupen)", "fuehrerschein: 2093847561")
        .negative("Führerscheinnummer 30182746", "Bestellung 3018274659")
        .build();
  }

  static ManagedDataIdentifier bulgaria() {
    return licence("BULGARIA_DRIVERS_LICENSE", "\\b\\d{9}\\b", NOT_REPEATED)
        .requiredKeywords(
            "превозно средство",
            "свидетелство за управление на моторно",
            "свидетелство за управление на мпс",
            "сумпс",
            "шофьорска книжка")
        .positive("Шофьорска книжка № 284710395", "СУМПС: 300128476")
        .negative("Фактура 284710395", "шофьорска книжка 28471039")
        .build();
  }

  static ManagedDataIdentifier croatia() {
    return licence("CROATIA_DRIVERS_LICENSE", "\\b\\d{8}\\b", NOT_REPEATED)
        .requiredKeywords("vozačka dozvola")
        .positive("Vozačka dozvola br. 10293847", "vozačka dozvola: 58203941")
        .negative("Račun 10293847", "vozačka dozvola 1029384")
        .build();
  }

  static ManagedDataIdentifier cyprus() {
    return licence("CYPRUS_DRIVERS_LICENSE", "\\b\\d{12}\\b", NOT_REPEATED)
        .requiredKeywords("άδεια οδήγησης")
        .positive("Άδεια οδήγησης: 201938475610", "άδεια οδήγησης 300481726354")
        .negative("Τιμολόγιο 201938475610", "άδεια οδήγησης 20193847561")
        .build();
  }

  static ManagedDataIdentifier czechia() {
    return licence("CZECHIA_DRIVERS_LICENSE", "\\b[A-Z]{2} ?\\d{6}\\b", NOT_REPEATED)
        .requiredKeywords(
            "číslo licence",
            "císlo licence řidiče",
            "číslo řidičského průkazu",
            "ovladače lic.",
            "povolení k jízdě",
            "povolení řidiče",
            "řidiči povolení",
            "řidičský prúkaz",
            "řidičský průkaz")
        .positive("Řidičský průkaz: EA 482019", "číslo řidičského průkazu EB193746")
        .negative("Objednávka EA482019", "řidičský průkaz EA48201")
        .build();
  }

  static ManagedDataIdentifier denmark() {
    return licence("DENMARK_DRIVERS_LICENSE", "\\b\\d{8}\\b", NOT_REPEATED)
        .requiredKeywords("kørekort", "kørekortnummer")
        .positive("Kørekortnummer: 30192847", "kørekort 71829304 udstedt 2019")
        .negative("Ordrenummer 30192847", "kørekort 3019284")
        .build();
  }

  static ManagedDataIdentifier estonia() {
    return licence("ESTONIA_DRIVERS_LICENSE", "\\b[A-Z]{2}\\d{6}\\b", NOT_REPEATED)
        .requiredKeywords("juhi litsentsi number", "juhiloa number", "juhiluba", "juhiluba number")
        .positive("Juhiloa number: ET391028", "juhiluba EH204817")
        .negative("Tellimus ET391028", "juhiluba ET39102")
        .build();
  }

  static ManagedDataIdentifier finland() {
    return licence(
            "FINLAND_DRIVERS_LICENSE",
            "\\b\\d{6}[-+ABCDEFUVWXY]\\d{3}[0-9A-Y]\\b",
            alone(NordicPersonalNumbers::isValidHetu))
        .requiredKeywords(
            "ajokortin numero",
            "ajokortti",
            "förare lic.",
            "körkort",
            "körkort nummer",
            "kuljettaja lic.",
            "permis de conduire")
        .positive("Ajokortti: 131052-308T", "ajokortin numero 010594Y2865")
        .negative("Ajokortti: 131052-308U", "Tilaus 131052-308T")
        .build();
  }

  static ManagedDataIdentifier france() {
    return licence("FRANCE_DRIVERS_LICENSE", "\\b\\d{12}\\b", NOT_REPEATED)
        .requiredKeywords("permis de conduire")
        .positive("Permis de conduire n° 120475203918", "permis de conduire : 930391827465")
        .negative("Commande 120475203918", "permis de conduire 12047520391")
        .build();
  }

  static ManagedDataIdentifier germany() {
    return licence(
            "GERMANY_DRIVERS_LICENSE", "\\b[A-Z0-9]\\d{2}[A-Z0-9]{6}\\d[A-Z0-9]\\b", NOT_REPEATED)
        .requiredKeywords(
            "fuehrerschein",
            "fuehrerschein- nr",
            "fuehrerscheinnummer",
            "fuhrerschein",
            "führerschein",
            "fuhrerschein- nr",
            "führerschein- nr",
            "fuhrerscheinnummer",
            "führerscheinnummer")
        .positive("Führerscheinnummer: B072RRE2I55", "Führerschein J010000SD51")
        .negative("Bestellnummer B072RRE2I55", "Führerschein B072RRE2I5")
        .build();
  }

  static ManagedDataIdentifier greece() {
    return licence("GREECE_DRIVERS_LICENSE", "\\b\\d{9}\\b", NOT_REPEATED)
        .requiredKeywords("δεια οδήγησης", "adeia odigisis")
        .positive("adeia odigisis: 284019375", "Adeia odigisis 500192837")
        .negative("Τιμολόγιο 284019375", "adeia odigisis 28401937")
        .build();
  }

  static ManagedDataIdentifier hungary() {
    return licence("HUNGARY_DRIVERS_LICENSE", "\\b[A-Z]{2}\\d{6}\\b", NOT_REPEATED)
        .requiredKeywords(
            "illesztőprogramok lic",
            "jogosítvány",
            "jogsi",
            "licencszám",
            "vezető engedély",
            "vezetői engedély")
        .positive("Vezetői engedély száma: CA104928", "jogosítvány: BD339201")
        .negative("Rendelés CA104928", "jogosítvány CA10492")
        .build();
  }

  static ManagedDataIdentifier ireland() {
    return licence("IRELAND_DRIVERS_LICENSE", "\\b\\d{6}[A-Z]{4}\\b", NOT_REPEATED)
        .requiredKeywords("ceadúnas tiomána")
        .positive("Ceadúnas tiomána: 394812ABCD", "ceadúnas tiomána 102938KLMN")
        .negative("Ordú 394812ABCD", "ceadúnas tiomána 394812ABC")
        .build();
  }

  static ManagedDataIdentifier italy() {
    return licence("ITALY_DRIVERS_LICENSE", "\\b[A-Z][A-Z0-9]\\d{7}[A-Z]\\b", NOT_REPEATED)
        .requiredKeywords(
            "patente di guida", "patente di guida numero", "patente guida", "patente guida numero")
        .positive("Patente di guida numero U19382746K", "patente di guida: RM5038291X")
        .negative("Ordine U19382746K", "patente di guida U1938274K")
        .build();
  }

  static ManagedDataIdentifier latvia() {
    return licence("LATVIA_DRIVERS_LICENSE", "\\b[A-Z]{3}\\d{6}\\b", NOT_REPEATED)
        .requiredKeywords(
            "autovadītāja apliecība",
            "licences numurs",
            "vadītāja apliecība",
            "vadītāja apliecības numurs",
            "vadītāja atļauja",
            "vadītāja licences numurs",
            "vadītāji lic.")
        .positive("Vadītāja apliecības numurs: AAB123847", "vadītāja apliecība LVA204918")
        .negative("Pasūtījums AAB123847", "vadītāja apliecība AAB12384")
        .build();
  }

  static ManagedDataIdentifier lithuania() {
    return licence("LITHUANIA_DRIVERS_LICENSE", "\\b\\d{8}\\b", NOT_REPEATED)
        .requiredKeywords("vairuotojo pažymėjimas")
        .positive("Vairuotojo pažymėjimas Nr. 40192837", "vairuotojo pažymėjimas: 12039485")
        .negative("Užsakymas 40192837", "vairuotojo pažymėjimas 4019283")
        .build();
  }

  static ManagedDataIdentifier luxembourg() {
    return licence("LUXEMBOURG_DRIVERS_LICENSE", "\\b\\d{6}\\b", NOT_REPEATED)
        .requiredKeywords("fahrerlaubnis", "führerschäin")
        .positive("Führerschäin Nr. 482910", "Fahrerlaubnis: 103948")
        .negative("Bestellung 482910", "Fahrerlaubnis 48291")
        .build();
  }

  static ManagedDataIdentifier malta() {
    return licence("MALTA_DRIVERS_LICENSE", "\\b[A-Z0-9]{2} ?\\d{3} ?\\d{3}\\b", NOT_REPEATED)
        .requiredKeywords("liċenzja tas-sewqan")
        .positive("Liċenzja tas-sewqan: MT 482 019", "liċenzja tas-sewqan 4A193827")
        .negative("Ordni MT 482 019", "liċenzja tas-sewqan MT 482 01")
        .build();
  }

  static ManagedDataIdentifier poland() {
    return licence("POLAND_DRIVERS_LICENSE", "\\b\\d{5}/\\d{2}/\\d{4}\\b", NOT_REPEATED)
        .requiredKeywords("numer licencyjny", "prawo jazdy", "zezwolenie na prowadzenie")
        .positive("Prawo jazdy nr 00123/15/1234", "prawo jazdy: 04821/19/0612")
        .negative("Zamówienie 00123/15/1234", "prawo jazdy 0012/15/1234")
        .build();
  }

  static ManagedDataIdentifier portugal() {
    return licence("PORTUGAL_DRIVERS_LICENSE", "\\b[A-Z]{1,2}-\\d{6,7} \\d\\b", NOT_REPEATED)
        .requiredKeywords(
            "carta de condução",
            "carteira de habilitação",
            "carteira de motorist",
            "carteira habilitação",
            "carteira motorist",
            "licença condução",
            "licença de condução",
            "número de licença",
            "número licença",
            "permissão condução",
            "permissão de condução")
        .positive("Carta de condução n.º L-1234567 8", "carta de condução: AV-482019 3")
        .negative("Encomenda L-1234567 8", "carta de condução L-12345 8")
        .build();
  }

  static ManagedDataIdentifier romania() {
    return licence("ROMANIA_DRIVERS_LICENSE", "\\b[A-Z0-9]\\d{8}\\b", NOT_REPEATED)
        .requiredKeywords("numărul permisului de conducere", "permis de conducere")
        .positive("Permis de conducere nr. B01928374", "numărul permisului de conducere: 102938475")
        .negative("Comanda B01928374", "permis de conducere B0192837")
        .build();
  }

  static ManagedDataIdentifier slovakia() {
    return licence("SLOVAKIA_DRIVERS_LICENSE", "\\b[A-Z0-9]\\d{7}\\b", NOT_REPEATED)
        .requiredKeywords(
            "číslo licencie",
            "číslo vodičského preukazu",
            "ovládače lic.",
            "povolenia vodičov",
            "povolenie jazdu",
            "povolenie na jazdu",
            "povolenie vodiča",
            "vodičský preukaz")
        .positive("Vodičský preukaz č. E1029384", "číslo vodičského preukazu: 50192837")
        .negative("Objednávka E1029384", "vodičský preukaz E102938")
        .build();
  }

  static ManagedDataIdentifier slovenia() {
    return licence("SLOVENIA_DRIVERS_LICENSE", "\\b\\d{9}\\b", NOT_REPEATED)
        .requiredKeywords("vozniško dovoljenje")
        .positive("Vozniško dovoljenje št. 102938475", "vozniško dovoljenje: 500192834")
        .negative("Naročilo 102938475", "vozniško dovoljenje 10293847")
        .build();
  }

  static ManagedDataIdentifier spain() {
    // Spanish licences carry the holder's DNI number and letter (Reglamento General de
    // Conductores).
    return licence(
            "SPAIN_DRIVERS_LICENSE",
            "\\b(?:\\d{8}|\\d{2}\\.\\d{3}\\.\\d{3})[- ]?[A-Z]\\b",
            alone(SpanishIds::isValidDni))
        .requiredKeywords(
            "carnet conducer",
            "el carnet de conducer",
            "licencia conducer",
            "licencia de manejo",
            "número carnet conducer",
            "número de carnet de conducer",
            "número de permiso conducer",
            "número de permiso de conducer",
            "número licencia conducer",
            "número permiso conducer",
            "permiso conducción",
            "permiso conducer",
            "permiso de conducción")
        .positive("Permiso de conducción: 61839205W", "licencia de manejo 12345678Z")
        .negative("Permiso de conducción: 61839205X", "pedido 61839205W")
        .build();
  }

  static ManagedDataIdentifier sweden() {
    return licence(
            "SWEDEN_DRIVERS_LICENSE",
            "\\b(?:19|20)?\\d{6}[-+]?\\d{4}\\b",
            alone(NordicPersonalNumbers::isValidPersonnummer))
        .requiredKeywords(
            "ajokortin numero",
            "dlno# ajokortti",
            "drivere lic.",
            "förare lic.",
            "körkort",
            "körkort nummer",
            "körkortsnummer",
            "kuljettajat lic.")
        .positive("Körkortsnummer: 811228-9874", "körkort 19640823-3234")
        .negative("Körkortsnummer: 811228-9875", "Order 811228-9874")
        .build();
  }

  static ManagedDataIdentifier uk() {
    return licence(
            "UK_DRIVERS_LICENSE",
            "\\b[A-Z][A-Z9]{4}\\d{6}[A-Z9]{2}\\d[A-Z]{2}\\b",
            alone(UkIds::isValidDrivingLicence))
        .requiredKeywords(
            "dl#",
            "dl:",
            "dlno#",
            "driver licence",
            "driver licences",
            "driver license",
            "driver licenses",
            "driver permit",
            "drivers lic.",
            "drivers licence",
            "driver's licence",
            "drivers licences",
            "driver's licences",
            "drivers license",
            "driver's license",
            "drivers licenses",
            "driver's licenses",
            "drivers permit",
            "driver's permit",
            "drivers permit number",
            "driving licence",
            "driving license",
            "driving permit")
        .recommended()
        .positive("Driving licence number: MORGA753116SM9IJ", "DL: JONES710238HJ9AB")
        .negative(
            "Driving licence number: MORGA713116SM9IJ",
            "Ref MORGA753116SM9IJ",
            "driving licence MORGA753116SM9I")
        .build();
  }
}
