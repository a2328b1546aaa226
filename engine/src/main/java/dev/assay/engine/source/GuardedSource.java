package dev.assay.engine.source;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A source whose enumeration failure (a listing that breaks off midway after the SDK's retries) is
 * recorded instead of thrown, so that the other sources are still scanned and everything found so
 * far is still reported; the caller asks {@link #failure()} afterwards and ends with exit 3. Meant
 * for one scan at a time.
 */
public final class GuardedSource implements ObjectSource {
  private final ObjectSource source;
  private volatile IOException failure;

  public GuardedSource(ObjectSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public String describe() {
    return source.describe();
  }

  @Override
  public void enumerate(Consumer<ScanObject> sink) {
    try {
      source.enumerate(sink);
    } catch (IOException e) {
      failure = e;
    }
  }

  @Override
  public void enumerate(Consumer<ScanObject> sink, Totals totals) {
    try {
      source.enumerate(sink, totals);
    } catch (IOException e) {
      failure = e;
    }
  }

  /** Why the last enumeration stopped early, or null when it completed. */
  public IOException failure() {
    return failure;
  }
}
