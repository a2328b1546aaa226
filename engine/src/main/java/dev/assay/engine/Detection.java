package dev.assay.engine;

import dev.assay.identifiers.DataIdentifier;
import java.util.List;

/**
 * All occurrences of one identifier in one object: Macie's {@code DefaultDetection} for a managed
 * identifier and {@code CustomDetection} for a custom one.
 *
 * @param identifier the identifier
 * @param count every occurrence, the true total
 * @param locations the first occurrences' locations, in document order, at most {@link
 *     ObjectResult#MAX_LOCATIONS} (Macie keeps up to 1,000 per type in discovery results)
 */
public record Detection(DataIdentifier identifier, long count, List<Location> locations) {
  public Detection {
    locations = List.copyOf(locations);
  }
}
