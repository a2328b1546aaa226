package dev.assay.benchmarks;

import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
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
 * One managed identifier's pattern, alone (no prefilter, no validator), over 4 MB of log-like text,
 * with re2j (linear time, what Assay uses) against java.util.regex (backtracking). Score: scans of
 * the whole text per second; multiply by 4 for MB/s. Both engines must find the same number of
 * matches.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RegexEngineBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RegexEngineBenchmark {
  @Param({"USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER", "AWS_CREDENTIALS"})
  public String identifier;

  @Param({"RE2J", "JDK"})
  public String engine;

  private String text;
  private com.google.re2j.Pattern re2j;
  private java.util.regex.Pattern jdk;
  private int expected;

  @Setup(Level.Trial)
  public void setUp() {
    text = SyntheticText.generate(4 << 20, 40, 11);
    ManagedDataIdentifier id = ManagedCatalog.find(identifier).orElseThrow();
    re2j = com.google.re2j.Pattern.compile(id.criteria().regex());
    jdk = java.util.regex.Pattern.compile(id.criteria().regex());
    expected = countRe2j();
    if (expected != countJdk()) {
      throw new IllegalStateException("re2j and java.util.regex disagree on " + identifier);
    }
  }

  private int countRe2j() {
    com.google.re2j.Matcher m = re2j.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private int countJdk() {
    java.util.regex.Matcher m = jdk.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Benchmark
  public int find() {
    int n = engine.equals("RE2J") ? countRe2j() : countJdk();
    if (n != expected) {
      throw new IllegalStateException("found " + n + ", expected " + expected);
    }
    return n;
  }
}
