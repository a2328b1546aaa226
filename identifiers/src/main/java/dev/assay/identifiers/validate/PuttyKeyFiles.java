package dev.assay.identifiers.validate;

/**
 * PuTTY private key files ({@code .ppk}): besides the header order that the pattern fixes, the
 * {@code Public-Lines} and {@code Private-Lines} counts must equal the number of base64 lines that
 * follow each. Stateless.
 */
public final class PuttyKeyFiles {
  private PuttyKeyFiles() {}

  /** Whether both line counts of the key file text {@code ppk} are right. */
  public static boolean hasConsistentLineCounts(CharSequence ppk) {
    String[] lines =
        ppk.toString()
            .replace("\\r\\n", "\n")
            .replace("\\n", "\n")
            .replace("\r\n", "\n")
            .split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("Public-Lines: ") || line.startsWith("Private-Lines: ")) {
        int count = Integer.parseInt(line.substring(line.indexOf(' ') + 1).strip());
        int body = 0;
        while (i + 1 + body < lines.length && !lines[i + 1 + body].contains(": ")) {
          body++;
        }
        if (body != count) {
          return false;
        }
      }
    }
    return true;
  }
}
