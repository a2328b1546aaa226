package dev.assay.identifiers.validate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The credentials of an HTTP Basic {@code Authorization} or {@code Proxy-Authorization} header (RFC
 * 7617): after the scheme name, base64 of {@code user-id ":" password}. A header counts when its
 * field name starts a token of its own (not {@code X-Authorization}) and its credentials decode to
 * text that holds the colon and no control characters. Stateless.
 */
public final class HttpBasicCredentials {
  private HttpBasicCredentials() {}

  /** Whether the header match at {@code [start, end)} carries well-formed Basic credentials. */
  public static boolean accepts(CharSequence text, int start, int end) {
    if (start > 0) {
      char before = text.charAt(start - 1);
      if (Character.isLetterOrDigit(before) || before == '-' || before == '_') {
        return false;
      }
    }
    if (end < text.length()) {
      char after = text.charAt(end);
      if (Character.isLetterOrDigit(after) || after == '+' || after == '/' || after == '=') {
        return false;
      }
    }
    String header = text.subSequence(start, end).toString();
    int scheme = header.toLowerCase(Locale.ROOT).lastIndexOf("basic");
    String credentials = header.substring(scheme + "basic".length()).strip();
    if (credentials.length() % 4 != 0) {
      return false;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
      return decoded.indexOf(':') >= 0 && decoded.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
