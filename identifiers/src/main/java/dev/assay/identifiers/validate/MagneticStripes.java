package dev.assay.identifiers.validate;

/**
 * Payment card magnetic stripe data (ISO/IEC 7813): track 1 ({@code %B}PAN{@code ^}NAME{@code ^}
 * YYMM service code, discretionary data{@code ?}) and track 2 ({@code ;}PAN{@code =}YYMM service
 * code, discretionary data{@code ?}), sentinels optional as stored data often drops them. A track
 * counts when its PAN passes the Luhn check and its expiration month is 01 to 12. Stateless.
 */
public final class MagneticStripes {
  private MagneticStripes() {}

  /**
   * Whether {@code track}, a match of a track 1 or track 2 layout, holds a valid PAN and expiry.
   */
  public static boolean isValidTrack(CharSequence track) {
    String t = track.toString();
    int from = t.startsWith("%B") ? 2 : t.startsWith("B") || t.startsWith(";") ? 1 : 0;
    int panEnd = from;
    while (panEnd < t.length() && Character.isDigit(t.charAt(panEnd))) {
      panEnd++;
    }
    String pan = t.substring(from, panEnd);
    if (pan.length() < 13 || pan.length() > 19 || !Luhn.isValid(pan) || panEnd >= t.length()) {
      return false;
    }
    int expiry;
    if (t.charAt(panEnd) == '=') {
      expiry = panEnd + 1;
    } else {
      // Track 1: skip the name field to the second separator.
      int second = t.indexOf('^', panEnd + 1);
      if (second < 0) {
        return false;
      }
      expiry = second + 1;
    }
    if (expiry + 4 > t.length()) {
      return false;
    }
    int month = Integer.parseInt(t.substring(expiry + 2, expiry + 4));
    return month >= 1 && month <= 12;
  }
}
