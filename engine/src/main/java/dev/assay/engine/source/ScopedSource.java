package dev.assay.engine.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A source with only the objects a scope includes. Used for local roots and exports; the S3 source
 * applies its scope itself, before it pays for tags and metadata. Thread-safe when the source is.
 */
public final class ScopedSource implements ObjectSource {
  private final ObjectSource source;
  private final ObjectScope scope;

  public ScopedSource(ObjectSource source, ObjectScope scope) {
    this.source = Objects.requireNonNull(source, "source");
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  @Override
  public String describe() {
    return source.describe();
  }

  @Override
  public Path localRoot() {
    return source.localRoot();
  }

  @Override
  public void enumerate(Consumer<ScanObject> sink) throws IOException {
    source.enumerate(
        object -> {
          if (scope.includes(object)) {
            sink.accept(object);
          }
        });
  }
}
