package dev.assay.benchmarks;

import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Detector throughput on 8 MB of log-like text, per identifier (or {@code ALL} of them), with and
 * without the prefilter (keywords, anchors, keyword regions, seeds). The score is in operations per
 * second, one operation being a scan of the whole text: multiply by 8 for MB/s.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar DetectorBenchmark -f 1 -wi 3 -i 5}; pick identifiers with {@code
 * -p identifier=USA_SOCIAL_SECURITY_NUMBER,ALL}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DetectorBenchmark {
  static final int CHARS = 8 << 20;
  static final int WINDOW = 1 << 20;

  @Param({
    "ALL",
    "RECOMMENDED",
    "USA_SOCIAL_SECURITY_NUMBER",
    "CREDIT_CARD_NUMBER",
    "AWS_CREDENTIALS"
  })
  public String identifier;

  @Param({"true", "false"})
  public boolean prefilter;

  private String text;
  private String[] windows;
  private int[] reportFrom;
  private int[] reportTo;
  private Detector detector;
  private long expected;

  @Setup(Level.Trial)
  public void setUp() {
    text = SyntheticText.generate(CHARS, 40, 7);
    // Overlapping windows, as the engine cuts long texts: 1 MiB reported, 9 KiB of context each
    // side.
    int count = (text.length() + WINDOW - 1) / WINDOW;
    windows = new String[count];
    reportFrom = new int[count];
    reportTo = new int[count];
    for (int i = 0; i < count; i++) {
      int from = i * WINDOW;
      int to = Math.min(text.length(), from + WINDOW);
      int start = Math.max(0, from - 9216);
      int end = Math.min(text.length(), to + 9216);
      windows[i] = text.substring(start, end);
      reportFrom[i] = from - start;
      reportTo[i] = to - start;
    }
    List<? extends DataIdentifier> ids =
        switch (identifier) {
          case "ALL" -> ManagedCatalog.all();
          case "RECOMMENDED" -> ManagedCatalog.recommended();
          default ->
              List.of(
                  ManagedCatalog.find(identifier)
                      .orElseThrow(() -> new IllegalArgumentException(identifier)));
        };
    detector = prefilter ? Detector.of(ids, List.of()) : Detector.withoutPrefilter(ids, List.of());
    // The answer every run must give: a full search without the prefilter.
    expected = scan(Detector.withoutPrefilter(ids, List.of()));
    if (expected == 0 && !identifier.equals("ALL")) {
      throw new IllegalStateException(identifier + " finds nothing in the benchmark text");
    }
  }

  private long scan(Detector d) {
    long n = 0;
    for (int i = 0; i < windows.length; i++) {
      n += d.scan(windows[i], FieldContext.NONE, reportFrom[i], reportTo[i], false).size();
    }
    return n;
  }

  @Benchmark
  public long scan() {
    long n = scan(detector);
    if (n != expected) {
      throw new IllegalStateException("found " + n + ", expected " + expected);
    }
    return n;
  }
}
