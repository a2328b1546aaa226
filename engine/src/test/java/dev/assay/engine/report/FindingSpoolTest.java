package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spool gives back the findings it was given, sorted by bucket and key, whether it held them or
 * wrote them to disk: the sample findings in a seeded random order, with every number of them held
 * in memory, from none to all.
 */
class FindingSpoolTest {

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sortedEqualsTheFindingsSorted_heldOrSpilled(long seed) throws Exception {
    Random random = new Random(seed);
    List<Finding> samples =
        ReportSamples.findings(ReportSamples.factory(), ReportSamples.results());
    List<Finding> given = new ArrayList<>();
    for (int copies = 1 + random.nextInt(4); copies > 0; copies--) {
      given.addAll(samples); // the same key more than once: the sort must keep their order
    }
    Collections.shuffle(given, random);
    int inMemory = random.nextInt(given.size() + 2);
    List<Finding> expected = new ArrayList<>(given);
    expected.sort(
        Comparator.comparing((Finding f) -> f.resourcesAffected().s3Bucket().name())
            .thenComparing(f -> f.resourcesAffected().s3Object().key()));

    Path spilledTo;
    try (FindingSpool spool = new FindingSpool(inMemory)) {
      for (Finding f : given) {
        spool.add(f);
      }
      List<Finding> sorted = spool.sorted();
      assertThat(sorted)
          .as("%d of %d held", inMemory, given.size())
          .containsExactlyElementsOf(expected);
      assertThat(sorted).containsExactlyElementsOf(expected); // a second pass, as SARIF makes
      assertThat(spool.size()).isEqualTo(given.size());
      long highest = given.stream().mapToLong(f -> f.severity().score()).max().orElse(0);
      assertThat(spool.anyAtLeast(highest)).isTrue();
      assertThat(spool.anyAtLeast(highest + 1)).isFalse();
      spilledTo = spilledFile();
    }
    if (spilledTo != null) {
      assertThat(spilledTo).as("deleted on close").doesNotExist();
    }
  }

  /**
   * A temporary directory that cannot be written: every finding is still there, and the spool says
   * why.
   */
  @org.junit.jupiter.api.Test
  void aDirectoryItCannotWrite_keepsTheFindingsInMemory(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    List<Finding> samples =
        ReportSamples.findings(ReportSamples.factory(), ReportSamples.results());
    Path missing = tmp.resolve("no-such-dir");
    try (FindingSpool spool = new FindingSpool(1, missing)) {
      for (Finding f : samples) {
        spool.add(f);
      }
      assertThat(spool.problem()).contains(missing.toString()).contains("held in memory");
      assertThat(spool.sorted())
          .containsExactlyInAnyOrderElementsOf(samples)
          .hasSize(samples.size());
    }
  }

  /** The newest spool file in the temporary directory, if any. */
  private static Path spilledFile() throws Exception {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("assay-findings-"))
          .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
          .orElse(null);
    }
  }
}
