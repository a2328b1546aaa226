package dev.assay.identifiers.validate;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * JSON Web Tokens in the JWS compact serialization (RFC 7519, RFC 7515): three base64url parts,
 * header, payload and signature, split by dots. A token counts when its header decodes to a JSON
 * object with an {@code alg} member and its payload decodes as base64url; the signature is empty
 * only for an unsecured token ({@code "alg": "none"}). Stateless.
 */
public final class JsonWebTokens {
  private JsonWebTokens() {}

  private static final Pattern ALG = Pattern.compile("\"alg\"\\s*:\\s*\"([^\"]*)\"");

  /** Whether {@code token} (header.payload.signature) is a JWS-structured JWT. */
  public static boolean isJws(CharSequence token) {
    String[] parts = token.toString().split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return false;
    }
    String header = decode(parts[0]);
    if (header == null || decode(parts[1]) == null) {
      return false;
    }
    String h = header.strip();
    if (!h.startsWith("{") || !h.endsWith("}")) {
      return false;
    }
    var alg = ALG.matcher(h);
    if (!alg.find()) {
      return false;
    }
    return !parts[2].isEmpty() || alg.group(1).equals("none");
  }

  /** The base64url text decoded as UTF-8, or null when it is not base64url. */
  private static String decode(String part) {
    if (part.length() % 4 == 1) {
      return null;
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(part);
      String text = new String(bytes, StandardCharsets.UTF_8);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
          return null;
        }
      }
      return text;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
