package dev.assay.identifiers.managed;

import dev.assay.identifiers.ManagedDataIdentifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The catalog of managed data identifiers: one explicit, ordered list, guarded by tests (ids
 * unique, samples present and passing through the scanner's prefilter). IDs, categories, keywords,
 * severity profiles and RECOMMENDED membership follow Macie's documentation.
 *
 * <p>Immutable and thread-safe; built once on first use.
 */
public final class ManagedCatalog {
  /** Credentials, financial, health, then personal: the order of Macie's reference pages. */
  private static final List<ManagedDataIdentifier> ALL =
      Stream.of(
              CredentialsIdentifiers.all(),
              FinancialIdentifiers.all(),
              BankAccountIdentifiers.all(),
              HealthIdentifiers.all(),
              PersonalIdentifiers.all(),
              LatinAmericaPersonalIdentifiers.all(),
              AsiaPacificPersonalIdentifiers.all(),
              AnyCountryPersonalIdentifiers.all(),
              EuropePersonalIdentifiers.all(),
              EuropeDriversLicenses.all(),
              EuropePhoneNumbers.all())
          .flatMap(List::stream)
          .toList();

  private static final Map<String, ManagedDataIdentifier> BY_ID = index();

  private ManagedCatalog() {}

  private static Map<String, ManagedDataIdentifier> index() {
    Map<String, ManagedDataIdentifier> map = new LinkedHashMap<>();
    for (ManagedDataIdentifier id : ALL) {
      if (map.put(id.id(), id) != null) {
        throw new IllegalStateException("duplicate managed identifier " + id.id());
      }
    }
    return Map.copyOf(map);
  }

  /** Every managed identifier, in catalog order. */
  public static List<ManagedDataIdentifier> all() {
    return ALL;
  }

  /** Those in Macie's RECOMMENDED set. */
  public static List<ManagedDataIdentifier> recommended() {
    return ALL.stream().filter(ManagedDataIdentifier::recommended).toList();
  }

  public static Optional<ManagedDataIdentifier> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
