package dev.assay.engine.config;

/**
 * A configuration file (identifier, allow list or job) is invalid. The message names the file and
 * the field, in one line, for example {@code ids.json: [1].maximumMatchDistance: must be from 1 to
 * 300, got 0}.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final String field;

  public ConfigException(String file, String field, String message) {
    super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message);
    this.file = file;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public String field() {
    return field;
  }
}
