package dev.assay.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery over an export of three buckets: ranking, continued samples, changes and deletions. */
class DiscoveryTest {
  @TempDir static Path export;
  static final Detector DETECTOR = Detector.of(ManagedCatalog.recommended(), List.of());

  @BeforeAll
  static void buckets() throws Exception {
    for (String b : List.of("clean", "few", "mostly")) {
      Files.createDirectories(export.resolve(b));
    }
    for (int i = 0; i < 120; i++) {
      Files.createDirectories(export.resolve("clean/logs"));
      Files.writeString(
          export.resolve("clean/logs/log-" + i + ".txt"),
          "INFO request " + i + " served in 12 ms\n");
      Files.createDirectories(export.resolve("few/logs"));
      Files.writeString(
          export.resolve("few/logs/log-" + i + ".txt"), "INFO request " + i + " served in 12 ms\n");
      Files.createDirectories(export.resolve("mostly/records"));
      Files.writeString(
          export.resolve("mostly/records/r-" + i + ".txt"),
          i % 10 == 0
              ? "no data here\n"
              : "employee ssn 512-23-" + (1000 + i) + " paid by credit card 4556 7375 8689 9855\n");
    }
    Files.createDirectories(export.resolve("few/hr"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(
          export.resolve("few/hr/emp-" + i + ".csv"), "name,ssn\nJane Roe,536-22-183" + i + "\n");
    }
  }

  private static Map<String, ObjectSource> sources() throws Exception {
    Map<String, ObjectSource> out = new LinkedHashMap<>();
    for (String b : LocalSource.exportBuckets(export)) {
      out.put(b, LocalSource.of(export.resolve(b), b));
    }
    return out;
  }

  @Test
  void bucketsRankAsTheirDataAndASecondRunContinuesTheSample(@TempDir Path state) throws Exception {
    Discovery discovery = new Discovery(DETECTOR, state, 40, 2);
    Map<String, Discovery.BucketReport> first = byBucket(discovery.run(sources()));
    assertThat(first.get("clean").analysedObjects()).isEqualTo(40);
    // the sample spreads across prefixes and extensions: the few HR files are in it at once
    assertThat(first.get("few").occurrences()).containsKey("USA_SOCIAL_SECURITY_NUMBER");
    assertThat(first.get("clean").score().label()).isEqualTo("Not sensitive");
    assertThat(first.get("few").score().label()).isEqualTo("Sensitive");
    assertThat(first.get("mostly").score().score()).isGreaterThan(first.get("few").score().score());
    assertThat(first.get("few").score().score()).isGreaterThan(first.get("clean").score().score());
    assertThat(first.get("clean").runBytes()).isLessThan(first.get("clean").bytes());

    Map<String, Discovery.BucketReport> second = byBucket(discovery.run(sources()));
    assertThat(second.get("clean").analysedObjects()).isEqualTo(80); // 40 more, none again
    assertThat(second.get("clean").score().score()).isLessThan(first.get("clean").score().score());
    Map<String, Discovery.BucketReport> third = byBucket(discovery.run(sources()));
    Map<String, Discovery.BucketReport> fourth = byBucket(discovery.run(sources()));
    assertThat(third.get("clean").analysedObjects()).isEqualTo(120);
    assertThat(fourth.get("clean").runObjects()).isZero(); // nothing left that was not analysed
    assertThat(fourth.get("clean").score().score()).isEqualTo(1);
  }

  @Test
  void theSampleIsTheSameForTheSameStateDirectory() throws Exception {
    var candidates = new ArrayList<ScanObject>();
    LocalSource.of(export.resolve("clean"), "clean").enumerate(candidates::add);
    var a = Discovery.sample(candidates, 10, 42).stream().map(o -> o.key()).toList();
    var b = Discovery.sample(candidates, 10, 42).stream().map(o -> o.key()).toList();
    var c = Discovery.sample(candidates, 10, 43).stream().map(o -> o.key()).toList();
    assertThat(a).hasSize(10).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void changedObjectsAreAnalysedAgainAndDeletedOnesDropOut(@TempDir Path dir, @TempDir Path state)
      throws Exception {
    Path bucket = Files.createDirectories(dir.resolve("b"));
    Files.writeString(bucket.resolve("a.txt"), "employee ssn 512-23-4411\n");
    Files.writeString(bucket.resolve("b.txt"), "nothing\n");
    Discovery discovery = new Discovery(DETECTOR, state, 10, 1);
    Map<String, ObjectSource> one = Map.of("b", LocalSource.of(bucket, "b"));
    assertThat(discovery.run(one).get(0).score().label()).isEqualTo("Sensitive");
    Files.writeString(bucket.resolve("a.txt"), "nothing sensitive any more, and longer\n");
    Discovery.BucketReport changed = discovery.run(Map.of("b", LocalSource.of(bucket, "b"))).get(0);
    assertThat(changed.runObjects()).isEqualTo(1);
    assertThat(changed.score().label()).isEqualTo("Not sensitive");
    Files.delete(bucket.resolve("b.txt"));
    Discovery.BucketReport deleted = discovery.run(Map.of("b", LocalSource.of(bucket, "b"))).get(0);
    assertThat(deleted.objects()).isEqualTo(1);
    assertThat(deleted.analysedObjects()).isEqualTo(1);
  }

  @Test
  void aSuppressedTypeLeavesTheScoreAndTheStoredStateIsReadBack(@TempDir Path state)
      throws Exception {
    Map<String, Discovery.BucketReport> run =
        byBucket(new Discovery(DETECTOR, state, 200, 2).run(sources()));
    Discovery.BucketReport few = Discovery.report(state, "few", Set.of()).orElseThrow();
    assertThat(few).isEqualTo(run.get("few"));
    assertThat(few.totalObjects()).isEqualTo(123);
    assertThat(few.suppressedOccurrences()).isZero();

    // The few bucket's only type suppressed: nothing sensitive is left, so it scores as clean data.
    Discovery.BucketReport fewSuppressed =
        Discovery.report(state, "few", Set.of("USA_SOCIAL_SECURITY_NUMBER")).orElseThrow();
    assertThat(fewSuppressed.score().label()).isEqualTo("Not sensitive");
    assertThat(fewSuppressed.objectsWithSensitiveData()).isZero();
    assertThat(fewSuppressed.suppressedOccurrences())
        .isEqualTo(few.occurrences().get("USA_SOCIAL_SECURITY_NUMBER"));
    assertThat(fewSuppressed.score().score()).isEqualTo(run.get("clean").score().score());

    // The mostly bucket keeps its card numbers: still sensitive, with one type fewer.
    Discovery.BucketReport mostly = run.get("mostly");
    Discovery.BucketReport mostlySuppressed =
        Discovery.report(state, "mostly", Set.of("USA_SOCIAL_SECURITY_NUMBER")).orElseThrow();
    assertThat(mostlySuppressed.score().label()).isEqualTo("Sensitive");
    assertThat(mostlySuppressed.score().score()).isLessThan(mostly.score().score());
    assertThat(mostlySuppressed.occurrences()).doesNotContainKey("USA_SOCIAL_SECURITY_NUMBER");

    assertThat(Discovery.report(state, "never-seen", Set.of())).isEmpty();
    List<Discovery.AnalysedObject> objects = Discovery.objects(state, "few");
    assertThat(objects).hasSize(123);
    assertThat(
            objects.stream()
                .filter(o -> !o.occurrences().isEmpty())
                .map(Discovery.AnalysedObject::key))
        .containsExactly("hr/emp-0.csv", "hr/emp-1.csv", "hr/emp-2.csv");
  }

  private static Map<String, Discovery.BucketReport> byBucket(
      List<Discovery.BucketReport> reports) {
    Map<String, Discovery.BucketReport> out = new LinkedHashMap<>();
    reports.forEach(r -> out.put(r.bucket(), r));
    return out;
  }
}
