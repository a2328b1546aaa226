package dev.assay.benchmarks;

import com.gliwka.hyperscan.wrapper.CompileErrorException;
import com.gliwka.hyperscan.wrapper.Database;
import com.gliwka.hyperscan.wrapper.Expression;
import com.gliwka.hyperscan.wrapper.ExpressionFlag;
import com.gliwka.hyperscan.wrapper.Match;
import com.gliwka.hyperscan.wrapper.Scanner;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
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
 * with re2j (linear time, what Assay uses) against java.util.regex (backtracking) and Hyperscan
 * (linear time, native, through {@code com.gliwka.hyperscan}; the fastest linear-time engine on
 * Maven Central that loads here). Score: scans of the whole text per second; multiply by 4 for
 * MB/s. re2j and java.util.regex must find the same matches; Hyperscan reports every match end
 * (overlapping ones too, each with its leftmost start), so it must report each match re2j finds,
 * and the same number on every run. Where Hyperscan does not load, its runs fail at set-up.
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

  @Param({"RE2J", "JDK", "HYPERSCAN"})
  public String engine;

  private Database hyperscan;
  private Scanner hyperscanner;

  private String text;
  private Pattern re2j;
  private java.util.regex.Pattern jdk;
  private int expected;

  @Setup(Level.Trial)
  public void setUp() {
    text = SyntheticText.generate(4 << 20, 40, 11);
    ManagedDataIdentifier id = ManagedCatalog.find(identifier).orElseThrow();
    re2j = Pattern.compile(id.criteria().regex());
    jdk = java.util.regex.Pattern.compile(id.criteria().regex());
    expected = countRe2j();
    if (expected != countJdk()) {
      throw new IllegalStateException("re2j and java.util.regex disagree on " + identifier);
    }
    if (engine.equals("HYPERSCAN")) {
      setUpHyperscan(id.criteria().regex());
    }
  }

  private void setUpHyperscan(String regex) {
    if (!Scanner.getIsValidPlatform()) {
      throw new IllegalStateException("Hyperscan does not load on this platform");
    }
    try {
      hyperscan =
          Database.compile(
              new Expression(regex, EnumSet.of(ExpressionFlag.SOM_LEFTMOST, ExpressionFlag.UTF8)));
    } catch (CompileErrorException e) {
      throw new IllegalStateException("Hyperscan rejects the pattern of " + identifier, e);
    }
    hyperscanner = new Scanner();
    hyperscanner.allocScratch(hyperscan);
    // Every re2j match must be among Hyperscan's: the same end, a start at or before re2j's.
    Map<Long, Long> startByEnd = new HashMap<>();
    for (Match m : hyperscanner.scan(hyperscan, text)) {
      startByEnd.merge(m.getEndPosition() + 1, m.getStartPosition(), Math::min);
    }
    Matcher m = re2j.matcher(text);
    while (m.find()) {
      Long start = startByEnd.get((long) m.end());
      if (start == null || start > m.start()) {
        throw new IllegalStateException(
            "Hyperscan misses the match [" + m.start() + ", " + m.end() + ") of " + identifier);
      }
    }
    expectedHyperscan = countHyperscan();
  }

  private int expectedHyperscan;

  private int countHyperscan() {
    return hyperscanner.scan(hyperscan, text).size();
  }

  private int countRe2j() {
    Matcher m = re2j.matcher(text);
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
    int n;
    int want;
    switch (engine) {
      case "RE2J" -> {
        n = countRe2j();
        want = expected;
      }
      case "JDK" -> {
        n = countJdk();
        want = expected;
      }
      default -> {
        n = countHyperscan();
        want = expectedHyperscan;
      }
    }
    if (n != want) {
      throw new IllegalStateException("found " + n + ", expected " + want);
    }
    return n;
  }
}
