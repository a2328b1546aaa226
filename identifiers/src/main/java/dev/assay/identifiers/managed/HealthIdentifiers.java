package dev.assay.identifiers.managed;

import dev.assay.identifiers.ManagedDataIdentifier;
import java.util.List;

/**
 * Managed identifiers for personal health information ("Managed data identifiers for PHI"). Their
 * category is PERSONAL_INFORMATION, as Macie reports PHI.
 */
final class HealthIdentifiers {
  private HealthIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of();
  }
}
