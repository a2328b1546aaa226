package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.ScanProgress;
import dev.assay.engine.Scanner;
import dev.assay.engine.source.LocalSource;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  @Test
  void progress_countsEveryObject_andKnowsLocalTotalsUpFront() throws Exception {
    ScanProgress progress = new ScanProgress();
    Scanner scanner =
        Scanner.builder(Detector.of(ManagedCatalog.recommended(), List.of()))
            .progress(progress)
            .threads(2)
            .build();
    scanner.scan(List.of(LocalSource.of(Path.of("../corpus/samples"), null)), r -> {});
    assertThat(progress.totalsKnown()).isTrue();
    assertThat(progress.doneObjects()).isEqualTo(progress.totalObjects()).isEqualTo(10);
    assertThat(progress.doneBytes()).isEqualTo(progress.totalBytes()).isPositive();
    String line = ProgressDisplay.render(progress, 2.0);
    assertThat(line).startsWith("10/10 objects").contains("MB/s").doesNotContain("ETA");
  }
}
