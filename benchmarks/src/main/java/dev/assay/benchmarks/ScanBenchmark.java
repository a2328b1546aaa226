package dev.assay.benchmarks;

import dev.assay.engine.Scanner;
import dev.assay.engine.source.LocalSource;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole engine (enumerate, read, decode, window, detect, tally) over a many-file corpus of 200
 * text files, 32 MB in all, by thread count, with every managed identifier. Score: scans of the
 * corpus per second; multiply by 32 for MB/s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScanBenchmark -f 1 -wi 2 -i 5}. With
 * {@code -p corpus=DIR} it scans that directory instead (left as it is), for instance one format of
 * {@link RealisticCorpus}: {@code -p corpus=/tmp/perf/real/csv -p threads=1}; the score is then
 * scans of DIR per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class ScanBenchmark {
  static final int FILES = 200;
  static final int FILE_CHARS = 160_000;

  @Param({"1", "2"})
  public int threads;

  /** A directory to scan instead of the generated one; empty for the generated one. */
  @Param({""})
  public String corpus;

  private Path dir;
  private Scanner scanner;
  private long expected;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (corpus.isEmpty()) {
      dir = Files.createTempDirectory("assay-scan-bench");
      for (int i = 0; i < FILES; i++) {
        Files.writeString(
            dir.resolve("file-" + i + ".log"), SyntheticText.generate(FILE_CHARS, 40, i));
      }
    } else {
      dir = Path.of(corpus);
    }
    Detector detector = Detector.of(ManagedCatalog.all(), List.of());
    scanner = Scanner.builder(detector).threads(threads).build();
    expected = -1;
    expected = run();
  }

  private long run() throws IOException {
    AtomicLong occurrences = new AtomicLong();
    scanner.scan(
        List.of(LocalSource.of(dir, "bench")),
        r -> r.detections().forEach(d -> occurrences.addAndGet(d.count())));
    return occurrences.get();
  }

  @Benchmark
  public long scan() throws IOException {
    long n = run();
    if (expected >= 0 && n != expected) {
      throw new IllegalStateException("found " + n + ", expected " + expected);
    }
    return n;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (!corpus.isEmpty()) {
      return; // the caller's
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
