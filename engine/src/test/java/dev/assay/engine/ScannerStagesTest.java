package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.source.LocalSource;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan's output stage: one writer thread, bounded, and a consumer's error surfaces. */
class ScannerStagesTest {
  private static final Detector DETECTOR = Detector.of(ManagedCatalog.recommended(), List.of());

  private static Path corpus(Path dir, int files) throws IOException {
    for (int i = 0; i < files; i++) {
      Files.writeString(
          dir.resolve("f" + i + ".txt"),
          "note " + i + ": employee SSN 512-23-44" + (10 + i % 80) + "\n");
    }
    return dir;
  }

  @Test
  void results_areDeliveredOneAtATimeOnTheWriterThread(@TempDir Path dir) throws IOException {
    corpus(dir, 60);
    Set<String> threads = new HashSet<>();
    AtomicInteger inside = new AtomicInteger();
    List<ObjectResult> results = new ArrayList<>();
    Scanner.Summary summary =
        Scanner.builder(DETECTOR)
            .threads(3)
            .build()
            .scan(
                List.of(LocalSource.of(dir, null)),
                r -> {
                  assertThat(inside.incrementAndGet()).isEqualTo(1);
                  threads.add(Thread.currentThread().getName());
                  results.add(r);
                  Thread.onSpinWait();
                  inside.decrementAndGet();
                });
    assertThat(results).hasSize(60);
    assertThat(summary.objects()).isEqualTo(60);
    assertThat(threads).containsExactly("assay-writer");
  }

  @Test
  void aConsumerError_isRethrownAfterEveryObjectIsAnalysed(@TempDir Path dir) throws IOException {
    corpus(dir, 40);
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("disk full");
    Scanner scanner = Scanner.builder(DETECTOR).threads(2).build();
    // Without the drain after the error, the workers would wait on a full queue for ever.
    assertThatThrownBy(
            () ->
                scanner.scan(
                    List.of(LocalSource.of(dir, null)),
                    r -> {
                      if (calls.incrementAndGet() == 3) {
                        throw boom;
                      }
                    }))
        .isSameAs(boom);
    assertThat(calls.get()).isEqualTo(3);
  }
}
