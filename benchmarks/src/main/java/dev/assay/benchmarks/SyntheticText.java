package dev.assay.benchmarks;

import java.util.Random;

/**
 * Log-like text with planted values (SSNs with keywords, card numbers, an AWS secret key, IBANs,
 * phone numbers, passport numbers), generated the same way for a given seed: the benchmarks' input.
 */
final class SyntheticText {
  private SyntheticText() {}

  private static final String[] WORDS =
      ("the of and to in is that for it as was with be by on not this are or from at which but have an they you were her"
              + " she there been one all we their has would when if so out up what said about time some into could them other"
              + " than then now only its over also after like new first two way even because many where most people through")
          .split(" ");

  static final String[] PLANTED = {
    "employee ssn=512-23-4411",
    "paid by card 4556 7375 8689 9855",
    "aws_secret_access_key=Tn4pW7qZ2xR9vB6mK1cL8dF3hJ5sG0aY2uE4iO6w",
    "IBAN DE89 3704 0044 0532 0130 00",
    "phone +1 206 555 0147",
    "passport number 123456789",
    "dob 1985-03-14",
    "order 4024007153361885 shipped"
  };

  /**
   * About {@code chars} chars of log lines; one line in {@code plantEvery} carries a planted value.
   */
  static String generate(int chars, int plantEvery, long seed) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder(chars + 256);
    while (sb.length() < chars) {
      sb.append("2024-06-")
          .append(10 + random.nextInt(20))
          .append("T12:")
          .append(10 + random.nextInt(50))
          .append(":00Z INFO request_id=")
          .append(Integer.toHexString(random.nextInt()))
          .append(' ');
      for (int w = 4 + random.nextInt(10); w > 0; w--) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      if (random.nextInt(plantEvery) == 0) {
        sb.append(PLANTED[random.nextInt(PLANTED.length)]).append(' ');
      }
      sb.append(random.nextInt(100_000)).append('\n');
    }
    return sb.toString();
  }
}
