package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.Finding;
import software.amazon.awssdk.services.macie2.model.FindingCriteria;
import software.amazon.awssdk.services.macie2.model.GroupBy;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.JobType;
import software.amazon.awssdk.services.macie2.model.ListFindingsResponse;
import software.amazon.awssdk.services.macie2.model.OrderBy;
import software.amazon.awssdk.services.macie2.model.S3BucketDefinitionForJob;
import software.amazon.awssdk.services.macie2.model.S3JobDefinition;

/**
 * A job killed mid-run (kill -9) resumes on the next start and ends with each finding exactly once;
 * clients reading while a job writes get consistent pages.
 */
class JobDurabilityTest {
  static final int FILES = 3000;
  static final int EVERY = 10; // one file in EVERY holds an SSN
  @TempDir static Path bucket;

  @BeforeAll
  static void files() throws Exception {
    StringBuilder filler = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      filler
          .append("2024-06-01T12:00:00Z INFO request ")
          .append(1000 + i)
          .append(" served in 12 ms\n");
    }
    for (int i = 0; i < FILES; i++) {
      String text =
          filler
              + (i % EVERY == 0
                  ? "employee ssn 512-23-" + String.format("%04d", 1000 + i) + "\n"
                  : "");
      Path dir = bucket.resolve("part-" + (i / 500));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("log-" + i + ".txt"), text);
    }
  }

  private static String createJob(Macie2Client macie) {
    return macie
        .createClassificationJob(
            r ->
                r.name("long")
                    .jobType(JobType.ONE_TIME)
                    .clientToken("long-job")
                    .s3JobDefinition(
                        S3JobDefinition.builder()
                            .bucketDefinitions(
                                S3BucketDefinitionForJob.builder()
                                    .accountId("123456789012")
                                    .buckets("big-bucket")
                                    .build())
                            .build()))
        .jobId();
  }

  private static long stored(Macie2Client macie) {
    return macie
        .getFindingStatistics(r -> r.groupBy(GroupBy.CLASSIFICATION_DETAILS_JOB_ID))
        .countsByGroup()
        .stream()
        .mapToLong(g -> g.count())
        .sum();
  }

  private static List<String> allIds(Macie2Client macie) {
    List<String> ids = new ArrayList<>();
    macie.listFindingsPaginator(r -> r.maxResults(50)).forEach(p -> ids.addAll(p.findingIds()));
    return ids;
  }

  @Test
  void aJobKilledMidRunResumesWithEveryFindingOnce(@TempDir Path dir) throws Exception {
    Path portFile = dir.resolve("port");
    Path data = dir.resolve("data");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ServerProcess.class.getName(),
            data.toString(),
            "big-bucket=" + bucket,
            portFile.toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
    Process child = pb.start();
    String jobId;
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.exists(portFile)) {
        assertThat(child.isAlive()).as("the server process runs (see server.log)").isTrue();
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readString(portFile));
      try (Macie2Client macie = ServerFixture.client(port)) {
        macie.enableMacie(r -> {});
        jobId = createJob(macie);
        // Kill once some findings are stored and the job is still running.
        while (stored(macie) < 20) {
          assertThat(System.nanoTime()).isLessThan(deadline);
          Thread.sleep(20);
        }
        assertThat(macie.describeClassificationJob(r -> r.jobId(jobId)).jobStatus())
            .isEqualTo(JobStatus.RUNNING);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      child.waitFor(30, TimeUnit.SECONDS);
    }

    try (MacieServer server =
            MacieServer.start(
                ServerFixture.config(data).withBuckets(Map.of("big-bucket", bucket)));
        Macie2Client macie = ServerFixture.client(server.port())) {
      assertThat(stored(macie))
          .as("findings stored before the kill are there")
          .isGreaterThanOrEqualTo(20);
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.COMPLETE);
      List<String> ids = allIds(macie);
      assertThat(ids).hasSize(FILES / EVERY).doesNotHaveDuplicates();
      Set<String> keys = new HashSet<>();
      for (int i = 0; i < ids.size(); i += 50) {
        List<String> batch = ids.subList(i, Math.min(ids.size(), i + 50));
        for (Finding f : macie.getFindings(r -> r.findingIds(batch)).findings()) {
          // a run started over would have stored a second finding, with a new id, for each object
          // done before the kill
          assertThat(keys.add(f.resourcesAffected().s3Object().key()))
              .as("one finding per object")
              .isTrue();
          assertThat(f.classificationDetails().jobId()).isEqualTo(jobId);
        }
      }
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < FILES; i += EVERY) {
        expected.add("part-" + (i / 500) + "/log-" + i + ".txt");
      }
      assertThat(keys).isEqualTo(expected);
      assertThat(macie.describeClassificationJob(r -> r.jobId(jobId)).statistics().numberOfRuns())
          .isEqualTo(1.0);
    }
  }

  @Test
  void readersWhileAJobWritesGetConsistentPages(@TempDir Path dir) throws Exception {
    try (MacieServer server =
            MacieServer.start(
                ServerFixture.config(dir)
                    .withThreads(1)
                    .withBuckets(Map.of("big-bucket", bucket)));
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      String jobId = createJob(macie);
      AtomicBoolean done = new AtomicBoolean();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      CountDownLatch finished = new CountDownLatch(10);
      FindingCriteria ofJob =
          FindingCriteria.builder()
              .criterion(
                  Map.of(
                      "classificationDetails.jobId",
                      CriterionAdditionalProperties.builder().eq(jobId).build()))
              .build();
      for (int t = 0; t < 10; t++) {
        Thread reader =
            new Thread(
                () -> {
                  try (Macie2Client client = ServerFixture.client(server.port())) {
                    while (!done.get()) {
                      // Walk every page, oldest first: ids never repeat, pages are never empty
                      // before the end.
                      List<String> seen = new ArrayList<>();
                      String token = null;
                      do {
                        String tk = token;
                        ListFindingsResponse page =
                            client.listFindings(
                                r ->
                                    r.findingCriteria(ofJob)
                                        .maxResults(7)
                                        .nextToken(tk)
                                        .sortCriteria(
                                            s ->
                                                s.attributeName("createdAt").orderBy(OrderBy.ASC)));
                        if (page.nextToken() != null && page.findingIds().size() != 7) {
                          problems.add("a page before the end held " + page.findingIds().size());
                        }
                        seen.addAll(page.findingIds());
                        token = page.nextToken();
                        if (!page.findingIds().isEmpty()) {
                          List<Finding> got =
                              client.getFindings(r -> r.findingIds(page.findingIds())).findings();
                          if (got.size() != page.findingIds().size()) {
                            problems.add("listed findings missing from GetFindings");
                          }
                        }
                      } while (token != null);
                      if (new HashSet<>(seen).size() != seen.size()) {
                        problems.add("a finding listed twice in one walk");
                      }
                    }
                  } catch (RuntimeException e) {
                    problems.add(e.toString());
                  } finally {
                    finished.countDown();
                  }
                });
        reader.start();
      }
      // While it runs, the job tells how many objects are left.
      double mostLeft = 0;
      while (macie.describeClassificationJob(r -> r.jobId(jobId)).jobStatus()
          == JobStatus.RUNNING) {
        mostLeft =
            Math.max(
                mostLeft,
                macie
                    .describeClassificationJob(r -> r.jobId(jobId))
                    .statistics()
                    .approximateNumberOfObjectsToProcess());
        Thread.sleep(100);
      }
      assertThat(mostLeft).isGreaterThan(0).isLessThanOrEqualTo(FILES);
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.COMPLETE);
      assertThat(
              macie
                  .describeClassificationJob(r -> r.jobId(jobId))
                  .statistics()
                  .approximateNumberOfObjectsToProcess())
          .isZero();
      done.set(true);
      assertThat(finished.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(problems).isEmpty();
      assertThat(allIds(macie)).hasSize(FILES / EVERY);
    }
  }
}
