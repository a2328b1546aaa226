package dev.assay.engine.report;

import java.util.Locale;

/** The formats findings can be written in. */
public enum OutputFormat {
  /** A human summary, readable at 80 columns. */
  TABLE,
  /** A GetFindings response: {@code {"findings": [...]}}. */
  JSON,
  /** One finding a line. */
  JSONL;

  /** The format named {@code name} (any case), or null. */
  public static OutputFormat parse(String name) {
    for (OutputFormat f : values()) {
      if (f.name().equals(name.toUpperCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }
}
