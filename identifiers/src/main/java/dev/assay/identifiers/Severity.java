package dev.assay.identifiers;

import java.util.Locale;

/**
 * A severity level. Macie spells it {@code LOW}/{@code MEDIUM}/{@code HIGH} on custom data
 * identifiers ({@code DataIdentifierSeverity}) and {@code Low}/{@code Medium}/{@code High} with
 * score 1/2/3 on findings ({@code SeverityDescription}); both spellings come from here.
 */
public enum Severity {
  LOW(1),
  MEDIUM(2),
  HIGH(3);

  private final int score;

  Severity(int score) {
    this.score = score;
  }

  /** Macie's finding severity score: 1 Low, 2 Medium, 3 High. */
  public int score() {
    return score;
  }

  /** The finding's {@code severity.description}: {@code Low}, {@code Medium} or {@code High}. */
  public String description() {
    String name = name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  /** Parses {@code LOW}, {@code Low}, {@code low} and so on; null when the text is none of them. */
  public static Severity parse(String text) {
    if (text == null) {
      return null;
    }
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    return null;
  }

  public static Severity max(Severity a, Severity b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
