package dev.assay.identifiers;

/**
 * A data identifier: a managed one from {@link dev.assay.identifiers.managed.ManagedCatalog} or a
 * custom one defined by a CreateCustomDataIdentifier request. Immutable and thread-safe.
 */
public sealed interface DataIdentifier permits ManagedDataIdentifier, CustomDataIdentifier {

  /**
   * The managed identifier's ID (e.g. {@code USA_SOCIAL_SECURITY_NUMBER}) or the custom one's id.
   */
  String id();

  /** The name findings show: the managed ID, or the custom identifier's name. */
  String name();

  Category category();

  DetectionCriteria criteria();
}
