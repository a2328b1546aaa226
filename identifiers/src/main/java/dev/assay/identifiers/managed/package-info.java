/**
 * The managed data identifiers: {@link ManagedCatalog} is their one ordered list, with Macie's IDs,
 * categories, keywords, severity profiles and RECOMMENDED set. The identifiers are defined by area
 * (credentials, financial, health, personal information per region), with the seeds that prefilter
 * the patterns needing no keyword, such as {@link NameSeeds} and {@link AddressSeeds}. Only the
 * catalog is public; it is immutable and thread-safe.
 */
package dev.assay.identifiers.managed;
