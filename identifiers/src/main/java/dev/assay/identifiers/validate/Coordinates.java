package dev.assay.identifiers.validate;

/**
 * A latitude and longitude pair in decimal degrees, as Macie reports them ({@code 41.948614,
 * -87.655311}): latitude within [-90, 90], longitude within [-180, 180], each with a fractional
 * part. Degrees-minutes forms are not Macie's. Stateless.
 */
public final class Coordinates {
  private Coordinates() {}

  /** Whether {@code value} ({@code lat,long} with an optional space) is a pair in range. */
  public static boolean isValidPair(CharSequence value) {
    String[] parts = value.toString().split(",");
    if (parts.length != 2) {
      return false;
    }
    try {
      double lat = Double.parseDouble(parts[0].trim());
      double lon = Double.parseDouble(parts[1].trim());
      return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat == 0 && lon == 0);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
