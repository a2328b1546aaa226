package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.validate.BirthDates;
import dev.assay.identifiers.validate.Coordinates;
import dev.assay.identifiers.validate.MailingAddresses;
import dev.assay.identifiers.validate.PersonNames;
import dev.assay.identifiers.validate.VehicleIdentificationNumbers;
import java.util.List;

/**
 * Managed identifiers for personal information of any country, most of them loosely defined by
 * Macie: birth dates, full names, mailing addresses, GPS coordinates, HTTP cookies and vehicle
 * identification numbers. Macie detects names and addresses with models we do not have; Assay uses
 * structure rules and its own small dictionaries instead (see {@link PersonNames} and {@link
 * MailingAddresses}, and "Managed data identifiers" in the README for the measured accuracy).
 */
final class AnyCountryPersonalIdentifiers {
  private AnyCountryPersonalIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(
        dateOfBirth(),
        name(),
        address(),
        latitudeLongitude(),
        httpCookie(),
        vehicleIdentificationNumber());
  }

  private static ManagedDataIdentifier.Builder personal(String id) {
    return ManagedDataIdentifier.builder(id, Category.PERSONAL_INFORMATION);
  }

  /** English, Spanish, French, German and Portuguese month names and abbreviations. */
  private static final String MONTH =
      "(?i:jan(?:uary|vier|uar|eiro)?|janv|ene(?:ro)?|feb(?:ruary|rero|ruar)?|f[eé]v(?:rier|ereiro)?|f[eé]vr"
          + "|mar(?:ch|zo|s|ço|co)?|m[aä]rz|apr(?:il)?|abr(?:il)?|avr(?:il)?|ma(?:y|yo|i|io)|jun(?:e|io|i|ho)?|juin"
          + "|jul(?:y|io|i|ho)?|juil(?:let)?|aug(?:ust)?|ago(?:sto)?|ao[uû]t|sep(?:t|tember|tiembre|tembre)?"
          + "|set(?:embro)?|oct(?:ober|ubre|obre)?|okt(?:ober)?|out(?:ubro)?|nov(?:ember|iembre|embre|embro)?"
          + "|dec(?:ember)?|d[eé]c(?:embre)?|dic(?:iembre)?|dez(?:ember|embro)?)";

  static ManagedDataIdentifier dateOfBirth() {
    return personal("DATE_OF_BIRTH")
        // Numeric dates with -, /, . or a space, and dates with a month name (Macie: "most date
        // formats"); the validator keeps real calendar dates from 1900 on.
        .regex(
            "\\b(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/. ]\\d{1,2}[-/. ]\\d{4}"
                + "|\\d{1,2}(?:st|nd|rd|th)?[ -](?:de )?"
                + MONTH
                + "\\.?,?[ -](?:de )?\\d{4}"
                + "|"
                + MONTH
                + "\\.?[ -]\\d{1,2}(?:st|nd|rd|th)?,?[ -]\\d{4})\\b")
        .requiredKeywords("bday", "b-day", "birth date", "birthday", "date of birth", "dob")
        .validator(StandaloneValue.number(BirthDates::isPlausible))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive(
            "DOB: 1984-03-07",
            "date of birth 7 March 1984",
            "Birthday: 03/07/1984",
            "dob Mar 7, 1984")
        .negative("DOB: 1984-13-45", "DOB: 1850-03-07", "shipped on 1984-03-07", "DOB 1984-03-07-2")
        .build();
  }

  static ManagedDataIdentifier name() {
    return personal("NAME")
        // A run of 2 to 4 capitalised words, the first with a lower-case letter after its capital
        // (so
        // that all-caps headings are left out), titles and initials included; the validator needs a
        // given name and a surname in it (PersonNames). Kept this simple because NAME needs no
        // keyword
        // and so runs on every text: re2j's cost grows with the pattern's states.
        // Macie: full names only, Latin scripts only.
        .regex("\\b\\p{Lu}[\\p{Ll}'’][\\p{L}'’-]*\\.?(?: \\p{Lu}[\\p{L}'’.-]*){1,3}")
        .seeds(NameSeeds.INSTANCE)
        .validator((text, start, end) -> PersonNames.containsFullName(text.subSequence(start, end)))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive(
            "Please call Maria Silva about the invoice",
            "Signed: Dr. James O'Brien",
            "Contact: Priya K. Sharma")
        .negative(
            "Maria called about the invoice", "The Silva Street office is closed", "MARIA SILVA")
        .build();
  }

  /** Street types of the English-speaking countries Macie covers (US, Canada, UK, Australia). */
  private static final List<String> STREET_TYPES =
      List.of(
          "Street",
          "St",
          "Avenue",
          "Ave",
          "Road",
          "Rd",
          "Boulevard",
          "Blvd",
          "Lane",
          "Ln",
          "Drive",
          "Dr",
          "Court",
          "Ct",
          "Place",
          "Pl",
          "Terrace",
          "Tce",
          "Way",
          "Parkway",
          "Pkwy",
          "Highway",
          "Hwy",
          "Circle",
          "Cir",
          "Crescent",
          "Cres",
          "Close",
          "Square",
          "Sq",
          "Trail",
          "Row",
          "Grove",
          "Gardens",
          "Mews",
          "Parade",
          "Pde",
          "Esplanade");

  private static final String STREET_TYPE =
      alternation(STREET_TYPES) + "\\.?(?: (?:N|S|E|W|NE|NW|SE|SW|North|South|East|West))?";

  /** French street words (the pattern ignores their case). */
  private static final List<String> FRENCH_STREETS =
      List.of(
          "rue",
          "avenue",
          "av.",
          "boulevard",
          "bd",
          "place",
          "chemin",
          "allée",
          "impasse",
          "quai",
          "route");

  /** German street suffixes, ending a capitalised word ("Hauptstraße"). */
  private static final List<String> GERMAN_SUFFIXES =
      List.of("straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm");

  /** Italian, Spanish and Catalan street words, before the name ("Via Roma"). */
  private static final List<String> ROMANCE_STREETS =
      List.of(
          "Via", "Viale", "Piazza", "Corso", "Calle", "Avenida", "Avda.", "Paseo", "Plaza",
          "Carrer", "Camino");

  private static String alternation(List<String> words) {
    return "(?:" + String.join("|", words).replace(".", "\\.") + ")";
  }

  private static final String WORD = "(?:\\p{Lu}[\\p{L}'’.-]*|\\d{1,3}(?:st|nd|rd|th))";
  private static final String PLACE = "\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){0,3}";
  private static final String UNIT =
      "(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|#)\\.? ?#?[A-Za-z0-9-]+)?";

  static ManagedDataIdentifier address() {
    String english =
        "\\b\\d{1,6}[A-Za-z]?(?: "
            + WORD
            + "){1,4} "
            + STREET_TYPE
            + UNIT
            + "(?:, ?| ?\\n ?)"
            + PLACE
            + "(?:,? [A-Z]{2,3},? (?:\\d{5}(?:-\\d{4})?|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d|\\d{4})"
            + "|,? [A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})\\b";
    String french =
        "\\b\\d{1,4}(?: ?(?:bis|ter))?,? (?i:"
            + alternation(FRENCH_STREETS)
            + ")"
            + "(?: [\\p{L}'’-]+){1,5}(?:, ?| ?\\n ?)\\d{5} "
            + PLACE
            + "\\b";
    String continental =
        "(?:\\b\\p{Lu}[\\p{L}-]*"
            + alternation(GERMAN_SUFFIXES)
            + "|\\b"
            + alternation(ROMANCE_STREETS)
            + "(?: (?:de |del |di |della )?\\p{Lu}[\\p{L}'’.-]*){1,4})"
            + ",? \\d{1,4}[a-zA-Z]?(?:, ?| ?\\n ?)\\d{5} "
            + PLACE
            + "\\b";
    return personal("ADDRESS")
        // A street (number, name and type, or the continental order), a place and a postal code of
        // one of Macie's supported countries; where the code names a region, they must agree.
        .regex(english + "|" + french + "|" + continental)
        .seeds(AddressSeeds.of(STREET_TYPES, FRENCH_STREETS, GERMAN_SUFFIXES, ROMANCE_STREETS))
        .validator(
            (text, start, end) -> MailingAddresses.codeMatchesRegion(text.subSequence(start, end)))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive(
            "Ship to 742 Evergreen Terrace, Springfield, IL 62704 by Friday",
            "Office: 350 Bay Street, Suite 1200, Toronto, ON M5H 2S6",
            "Lieferadresse: Hauptstraße 12, 10115 Berlin",
            "12 rue de la Paix, 75002 Paris")
        .negative(
            "742 Evergreen Terrace, Springfield, IL 92704",
            "Springfield, IL 62704",
            "350 Bay Street, Toronto, BC M5H 2S6")
        .build();
  }

  static ManagedDataIdentifier latitudeLongitude() {
    return personal("LATITUDE_LONGITUDE")
        // Decimal degrees only (Macie: DDM and DMS are not detected).
        .regex("[-+]?\\b\\d{1,2}\\.\\d{2,8}, ?[-+]?\\d{1,3}\\.\\d{2,8}\\b")
        .requiredKeywords("coordinate", "coordinates", "lat long", "latitude longitude", "position")
        .validator(StandaloneValue.number(Coordinates::isValidPair))
        .severity(Severities.LOW_MEDIUM_MEDIUM)
        .positive("GPS coordinates: 41.948614,-87.655311", "position 51.5007, -0.1246 at 10:02")
        .negative(
            "coordinates: 141.948614,-87.655311",
            "price 41.94, 87.65 and tax",
            "coordinates 41°56'55\"N 87°39'19\"W")
        .build();
  }

  static ManagedDataIdentifier httpCookie() {
    return personal("HTTP_COOKIE")
        // A complete Cookie or Set-Cookie header with at least one name=value pair (Macie).
        .regex(
            "\\b(?i:set-cookie|cookie):[ \\t]*[A-Za-z0-9!#$%&'*+.^_|~-]+=[^\\s;]*(?:;[ \\t]*[A-Za-z0-9!#$%&'*+.^_|~-]+(?:=[^\\s;]*)?)*")
        .anchors("cookie:")
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive(
            "Cookie: sessionid=8f2a9c1e; theme=dark",
            "Set-Cookie: id=a3fWa; Expires=Thu, 21 Oct 2027 07:28:00 GMT")
        .negative("Cookie: (none)", "the cookie jar is empty", "cookie=session")
        .build();
  }

  static ManagedDataIdentifier vehicleIdentificationNumber() {
    return personal("VEHICLE_IDENTIFICATION_NUMBER")
        .regex("\\b[A-HJ-NPR-Z0-9]{17}\\b")
        .requiredKeywords(
            "Fahrgestellnummer",
            "niv",
            "numarul de identificare",
            "numarul seriei de sasiu",
            "numer VIN",
            "Número de Identificação do Veículo",
            "Número de Identificación de Automóviles",
            "numéro d'identification du véhicule",
            "vehicle identification number",
            "vin",
            "VIN numeris")
        .validator(
            StandaloneValue.code(
                v ->
                    v.chars().anyMatch(Character::isLetter)
                        && VehicleIdentificationNumbers.isValid(v)))
        .severity(Severities.LOW_LOW_MEDIUM)
        .positive("VIN: 1HGCM82633A004352", "Fahrgestellnummer WVWZZZ1JZXW000001")
        .negative("VIN: 1HGCM82633A004353", "VIN 12345678901234567", "part 1HGCM82633A004352")
        .build();
  }
}
