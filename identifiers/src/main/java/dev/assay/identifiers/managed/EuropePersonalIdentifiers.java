package dev.assay.identifiers.managed;

import dev.assay.identifiers.ManagedDataIdentifier;
import java.util.List;

/** Managed identifiers for personally identifiable information specific to European countries. */
final class EuropePersonalIdentifiers {
  private EuropePersonalIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of();
  }
}
