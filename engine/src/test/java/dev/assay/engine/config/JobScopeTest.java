package dev.assay.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.source.ScanObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scoping and sampling at each comparator and boundary (S3JobDefinition's rules), with seeded
 * property checks.
 */
class JobScopeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 20261128L;

  static JobScope scope(String scoping, int sampling, String name) throws Exception {
    String body =
        "{\"name\":\""
            + name
            + "\",\"jobType\":\"ONE_TIME\",\"samplingPercentage\":"
            + sampling
            + ",\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\"111122223333\",\"buckets\":[\"bkt\"]}]"
            + (scoping == null ? "" : ",\"scoping\":" + scoping)
            + "}}";
    return ClassificationJobFiles.parse("job.json", JSON.readTree(body)).scope();
  }

  static String block(String side, String term) {
    return "{\"" + side + "\":{\"and\":[" + term + "]}}";
  }

  static String simple(String key, String comparator, String... values) {
    return "{\"simpleScopeTerm\":{\"key\":\""
        + key
        + "\",\"comparator\":\""
        + comparator
        + "\",\"values\":[\""
        + String.join("\",\"", values)
        + "\"]}}";
  }

  static ScanObject object(String key, long size, Instant modified, List<ScanObject.Tag> tags) {
    return new ScanObject(
        "bkt",
        key,
        size,
        modified,
        new ScanObject.ObjectMetadata(null, null, null, null, null, tags),
        null,
        null);
  }

  static boolean expected(String comparator, int cmp) {
    switch (comparator) {
      case "EQ":
        return cmp == 0;
      case "NE":
        return cmp != 0;
      case "GT":
        return cmp > 0;
      case "GTE":
        return cmp >= 0;
      case "LT":
        return cmp < 0;
      default:
        return cmp <= 0;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"EQ", "NE", "GT", "GTE", "LT", "LTE"})
  void objectSize_atEveryComparator_atAndAroundTheBoundary(String comparator) {
    qt().withFixedSeed(SEED)
        .withExamples(60)
        .forAll(longs().between(2, 40L << 30), integers().between(-2, 2))
        .check(
            (v, d) -> {
              try {
                ScanObject o = object("k.txt", v + d, Instant.EPOCH, List.of());
                boolean in =
                    scope(
                            block("includes", simple("OBJECT_SIZE", comparator, String.valueOf(v))),
                            100,
                            "j")
                        .includes(o);
                boolean out =
                    scope(
                            block("excludes", simple("OBJECT_SIZE", comparator, String.valueOf(v))),
                            100,
                            "j")
                        .includes(o);
                return in == expected(comparator, Integer.signum(d)) && out == !in;
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"EQ", "NE", "GT", "GTE", "LT", "LTE"})
  void lastModified_atEveryComparator_comparedAtWholeSeconds(String comparator) {
    qt().withFixedSeed(SEED)
        .withExamples(60)
        .forAll(
            longs().between(0, 4_000_000_000L),
            integers().between(-2, 2),
            integers().between(0, 999_999_999))
        .check(
            (v, d, nanos) -> {
              try {
                String value = Instant.ofEpochSecond(v).toString();
                ScanObject o = object("k.txt", 1, Instant.ofEpochSecond(v + d, nanos), List.of());
                boolean in =
                    scope(
                            block(
                                "includes", simple("OBJECT_LAST_MODIFIED_DATE", comparator, value)),
                            100,
                            "j")
                        .includes(o);
                return in == expected(comparator, Integer.signum(d));
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void unknownSizeOrDate_neitherIncludesNorExcludes() throws Exception {
    ScanObject unreadable = object("k.txt", -1, null, null);
    assertThat(
            scope(block("includes", simple("OBJECT_SIZE", "GT", "10")), 100, "j")
                .includes(unreadable))
        .isTrue();
    assertThat(
            scope(block("excludes", simple("OBJECT_SIZE", "GT", "10")), 100, "j")
                .includes(unreadable))
        .isTrue();
    assertThat(
            scope(
                    block(
                        "excludes",
                        simple("OBJECT_LAST_MODIFIED_DATE", "LT", "2020-01-01T00:00:00Z")),
                    100,
                    "j")
                .includes(unreadable))
        .isTrue();
  }

  @Test
  void extension_eqIsAnyOf_neIsNoneOf_caseSensitive_noExtensionIsEmpty() throws Exception {
    JobScope eq =
        scope(block("includes", simple("OBJECT_EXTENSION", "EQ", "csv", "json")), 100, "j");
    JobScope ne =
        scope(block("includes", simple("OBJECT_EXTENSION", "NE", "csv", "json")), 100, "j");
    for (String key : List.of("a.csv", "d/b.json", "c.CSV", "noext", "e.csv.gz", ".csv")) {
      boolean listed = key.endsWith(".csv") && !key.equals(".csv") || key.endsWith(".json");
      assertThat(eq.includes(object(key, 1, Instant.EPOCH, null))).as(key).isEqualTo(listed);
      assertThat(ne.includes(object(key, 1, Instant.EPOCH, null))).as(key).isEqualTo(!listed);
    }
  }

  @Test
  void objectKey_startsWith_fromTheFirstCharacter_caseSensitive_andContains() throws Exception {
    JobScope starts =
        scope(
            block("includes", simple("OBJECT_KEY", "STARTS_WITH", "uploads/", "documents/")),
            100,
            "j");
    assertThat(starts.includes(object("uploads/", 0, Instant.EPOCH, null))).isTrue();
    assertThat(starts.includes(object("uploads/a/b.txt", 1, Instant.EPOCH, null))).isTrue();
    assertThat(starts.includes(object("documents/x.pdf", 1, Instant.EPOCH, null))).isTrue();
    assertThat(starts.includes(object("uploads", 1, Instant.EPOCH, null))).isFalse();
    assertThat(starts.includes(object("Uploads/a.txt", 1, Instant.EPOCH, null))).isFalse();
    assertThat(starts.includes(object("old/uploads/a.txt", 1, Instant.EPOCH, null))).isFalse();
    JobScope contains =
        scope(block("includes", simple("OBJECT_KEY", "CONTAINS", "/tmp/")), 100, "j");
    assertThat(contains.includes(object("a/tmp/b", 1, Instant.EPOCH, null))).isTrue();
    assertThat(contains.includes(object("a/tmpb", 1, Instant.EPOCH, null))).isFalse();
  }

  @Test
  void tags_eqAnyNeNone_keyOnlyWithEmptyValue_unknownTagsStayInScope() throws Exception {
    String term =
        "{\"tagScopeTerm\":{\"comparator\":\"%s\",\"key\":\"TAG\",\"target\":\"S3_OBJECT\",\"tagValues\":"
            + "[{\"key\":\"class\",\"value\":\"secret\"},{\"key\":\"pii\",\"value\":\"\"}]}}";
    JobScope eq = scope(block("includes", String.format(term, "EQ")), 100, "j");
    JobScope ne = scope(block("includes", String.format(term, "NE")), 100, "j");
    assertThat(eq.needsTags()).isTrue();
    List<List<ScanObject.Tag>> cases =
        List.of(
            List.of(new ScanObject.Tag("class", "secret")),
            List.of(new ScanObject.Tag("class", "public")),
            List.of(new ScanObject.Tag("pii", "anything")),
            List.of(new ScanObject.Tag("Class", "secret")),
            List.of());
    List<Boolean> has = List.of(true, false, true, false, false);
    for (int i = 0; i < cases.size(); i++) {
      assertThat(eq.includes(object("k", 1, Instant.EPOCH, cases.get(i))))
          .as("EQ %s", cases.get(i))
          .isEqualTo(has.get(i));
      assertThat(ne.includes(object("k", 1, Instant.EPOCH, cases.get(i))))
          .as("NE %s", cases.get(i))
          .isEqualTo(!has.get(i));
    }
    assertThat(eq.includes(object("k", 1, Instant.EPOCH, null))).isTrue();
  }

  @Test
  void seedScopedJob_excludesBeatIncludes() throws Exception {
    JobScope scope =
        ClassificationJobFiles.load(
                Path.of("src/test/resources/jobs/scoped-uploads-documents.json"))
            .scope();
    assertThat(scope.includes(object("uploads/a.txt", 1, Instant.EPOCH, null))).isTrue();
    assertThat(scope.includes(object("documents/q3/report.pdf", 1, Instant.EPOCH, null))).isTrue();
    assertThat(scope.includes(object("uploads/photo.png", 1, Instant.EPOCH, null))).isFalse();
    assertThat(scope.includes(object("documents/scan.jpg", 1, Instant.EPOCH, null))).isFalse();
    assertThat(scope.includes(object("logs/app.log", 1, Instant.EPOCH, null))).isFalse();
    // An AND of excludes: excluded only when every exclude term holds.
    JobScope both =
        scope(
            "{\"excludes\":{\"and\":["
                + simple("OBJECT_KEY", "STARTS_WITH", "tmp/")
                + ","
                + simple("OBJECT_SIZE", "GT", "100")
                + "]}}",
            100,
            "j");
    assertThat(both.includes(object("tmp/big", 101, Instant.EPOCH, null))).isFalse();
    assertThat(both.includes(object("tmp/small", 100, Instant.EPOCH, null))).isTrue();
    assertThat(both.includes(object("keep/big", 101, Instant.EPOCH, null))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 50, 99})
  void sampling_keepsTheProportion_andIsTheSameOnEveryRun(int percentage) throws Exception {
    JobScope scope = scope(null, percentage, "nightly");
    JobScope rerun = scope(null, percentage, "nightly");
    JobScope other = scope(null, percentage, "weekly");
    int picked = 0;
    int differs = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      ScanObject o = object("data/part-" + i + ".csv", 1, Instant.EPOCH, null);
      boolean in = scope.includes(o);
      assertThat(rerun.includes(o)).isEqualTo(in);
      picked += in ? 1 : 0;
      differs += in != other.includes(o) ? 1 : 0;
    }
    double expected = n * percentage / 100.0;
    assertThat((double) picked)
        .isBetween(expected - 4 * Math.sqrt(expected) - 1, expected + 4 * Math.sqrt(expected) + 1);
    assertThat(differs).as("another job name samples other objects").isPositive();
  }

  @Test
  void sampling_atOneHundred_takesEveryObject_andAppliesAfterScoping() throws Exception {
    JobScope all = scope(null, 100, "j");
    for (int i = 0; i < 1000; i++) {
      assertThat(all.includes(object("k" + i, 1, Instant.EPOCH, null))).isTrue();
    }
    JobScope scoped = scope(block("includes", simple("OBJECT_KEY", "STARTS_WITH", "in/")), 50, "j");
    for (int i = 0; i < 200; i++) {
      assertThat(scoped.includes(object("out/k" + i, 1, Instant.EPOCH, null))).isFalse();
    }
  }
}
