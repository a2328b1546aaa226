package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.FindingsFilterAction;
import software.amazon.awssdk.services.macie2.model.GroupBy;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.JobType;
import software.amazon.awssdk.services.macie2.model.S3BucketDefinitionForJob;
import software.amazon.awssdk.services.macie2.model.S3JobDefinition;

/** Pause, resume and cancel; schedules; findings published as EventBridge events. */
class JobLifecycleTest {
  static final int FILES = 3000;
  @TempDir static Path bucket;

  @BeforeAll
  static void files() throws Exception {
    for (int i = 0; i < FILES; i++) {
      Path dir = bucket.resolve("d" + (i / 300));
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("f" + i + ".txt"),
          "line one\nline two " + i + "\n" + (i % 20 == 0 ? "employee ssn 512-23-4411\n" : ""));
    }
  }

  private static MacieServer start(Path data) throws Exception {
    return MacieServer.start(
        ServerFixture.config(data).withThreads(1).withBuckets(Map.of("lifecycle", bucket)));
  }

  private static S3JobDefinition definition() {
    return S3JobDefinition.builder()
        .bucketDefinitions(
            S3BucketDefinitionForJob.builder()
                .accountId("123456789012")
                .buckets("lifecycle")
                .build())
        .build();
  }

  private static long findingsOf(Macie2Client macie, String jobId) {
    return macie
        .getFindingStatistics(r -> r.groupBy(GroupBy.CLASSIFICATION_DETAILS_JOB_ID))
        .countsByGroup()
        .stream()
        .filter(g -> g.groupKey().equals(jobId))
        .mapToLong(g -> g.count())
        .sum();
  }

  @Test
  void aPausedJobStopsAndResumesWhereItWasAndACancelledOneStops(@TempDir Path data)
      throws Exception {
    try (MacieServer server = start(data);
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      String jobId =
          macie
              .createClassificationJob(
                  r ->
                      r.name("pausable")
                          .jobType(JobType.ONE_TIME)
                          .clientToken("p")
                          .s3JobDefinition(definition()))
              .jobId();
      macie.updateClassificationJob(r -> r.jobId(jobId).jobStatus(JobStatus.USER_PAUSED));
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.USER_PAUSED);
      Thread.sleep(300); // the run has stopped: nothing more is stored while paused
      long whilePaused = findingsOf(macie, jobId);
      Thread.sleep(300);
      assertThat(findingsOf(macie, jobId)).isEqualTo(whilePaused).isLessThan(FILES / 20);
      var paused = macie.describeClassificationJob(r -> r.jobId(jobId));
      assertThat(paused.userPausedDetails().jobExpiresAt())
          .isAfter(paused.userPausedDetails().jobPausedAt());
      macie.updateClassificationJob(r -> r.jobId(jobId).jobStatus(JobStatus.RUNNING));
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.COMPLETE);
      assertThat(findingsOf(macie, jobId)).isEqualTo(FILES / 20);
      assertThat(macie.describeClassificationJob(r -> r.jobId(jobId)).statistics().numberOfRuns())
          .isEqualTo(1.0);

      String cancelled =
          macie
              .createClassificationJob(
                  r ->
                      r.name("cancelled")
                          .jobType(JobType.ONE_TIME)
                          .clientToken("c")
                          .s3JobDefinition(definition()))
              .jobId();
      macie.updateClassificationJob(r -> r.jobId(cancelled).jobStatus(JobStatus.CANCELLED));
      assertThat(ServerFixture.awaitJob(macie, cancelled)).isEqualTo(JobStatus.CANCELLED);
      assertThat(findingsOf(macie, cancelled)).isLessThan(FILES / 20);
    }
  }

  @Test
  void aDailyJobRunsOnceADayAndWaitsIdleBetweenRuns(@TempDir Path data) throws Exception {
    try (MacieServer server = start(data);
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      String jobId =
          macie
              .createClassificationJob(
                  r ->
                      r.name("daily")
                          .jobType(JobType.SCHEDULED)
                          .initialRun(true)
                          .clientToken("d")
                          .scheduleFrequency(f -> f.dailySchedule(d -> {}))
                          .s3JobDefinition(definition()))
              .jobId();
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.IDLE);
      Thread.sleep(1000); // several schedule ticks: the day's run is done, so no other starts
      var job = macie.describeClassificationJob(r -> r.jobId(jobId));
      assertThat(job.jobStatus()).isEqualTo(JobStatus.IDLE);
      assertThat(job.statistics().numberOfRuns()).isEqualTo(1.0);
      assertThat(findingsOf(macie, jobId)).isEqualTo(FILES / 20);
    }
  }

  @Test
  void aLaterScheduledRunTakesOnlyObjectsChangedSinceThePreviousRun(@TempDir Path dir)
      throws Exception {
    Path small = dir.resolve("b");
    Files.createDirectories(small);
    for (int i = 0; i < 3; i++) {
      Files.writeString(small.resolve("old-" + i + ".txt"), "employee ssn 512-23-441" + i + "\n");
    }
    try (MacieServer server =
            MacieServer.start(
                ServerFixture.config(dir.resolve("data")).withBuckets(Map.of("sched", small)));
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      String jobId =
          macie
              .createClassificationJob(
                  r ->
                      r.name("daily")
                          .jobType(JobType.SCHEDULED)
                          .initialRun(true)
                          .clientToken("d2")
                          .scheduleFrequency(f -> f.dailySchedule(d -> {}))
                          .s3JobDefinition(
                              S3JobDefinition.builder()
                                  .bucketDefinitions(
                                      S3BucketDefinitionForJob.builder()
                                          .accountId("123456789012")
                                          .buckets("sched")
                                          .build())
                                  .build()))
              .jobId();
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.IDLE);
      assertThat(findingsOf(macie, jobId)).isEqualTo(3);
      Thread.sleep(20);
      Files.writeString(small.resolve("new.txt"), "employee ssn 536-22-1830\n");
      Files.writeString(small.resolve("old-0.txt"), "employee ssn 536-22-1831, changed\n");
      // As if the first run had been yesterday: today's run is due.
      Store store = server.store();
      var job = store.resource(MacieApi.JOB, jobId);
      job.put("lastRunTime", "2020-01-01T00:00:00.000Z");
      store.putResource(MacieApi.JOB, jobId, "daily", job.get("createdAt").asText(), job);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (macie.describeClassificationJob(r -> r.jobId(jobId)).statistics().numberOfRuns() < 2) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(findingsOf(macie, jobId)).isEqualTo(3 + 2); // the new object and the changed one
    }
  }

  @Test
  void schedulesAreDueOnTheirDayOncePerDay() {
    LocalDate monday = LocalDate.of(2026, 12, 7);
    JsonNode weekly =
        json(
            "{\"scheduleFrequency\": {\"weeklySchedule\": {\"dayOfWeek\": \"MONDAY\"}}, \"initialRun\": true,"
                + " \"statistics\": {\"numberOfRuns\": 1}, \"lastRunTime\": \"2026-11-30T10:00:00.000Z\"}");
    assertThat(Jobs.due(weekly, monday)).isTrue();
    assertThat(Jobs.due(weekly, monday.plusDays(1))).isFalse();
    JsonNode ranToday =
        json(
            "{\"scheduleFrequency\": {\"dailySchedule\": {}}, \"statistics\": {\"numberOfRuns\": 2},"
                + " \"lastRunTime\": \"2026-12-07T00:05:00.000Z\"}");
    assertThat(Jobs.due(ranToday, monday)).isFalse();
    assertThat(Jobs.due(ranToday, monday.plusDays(1))).isTrue();
    JsonNode monthly =
        json(
            "{\"scheduleFrequency\": {\"monthlySchedule\": {\"dayOfMonth\": 31}}, \"statistics\": {\"numberOfRuns\": 1},"
                + " \"lastRunTime\": \"2026-10-31T00:05:00.000Z\"}");
    assertThat(Jobs.due(monthly, LocalDate.of(2026, 11, 30)))
        .isFalse(); // a month without that day is skipped
    assertThat(Jobs.due(monthly, LocalDate.of(2026, 12, 31))).isTrue();
    // without initialRun, the first run is on the first scheduled day after the job was created
    JsonNode fresh =
        json(
            "{\"scheduleFrequency\": {\"dailySchedule\": {}}, \"initialRun\": false, \"statistics\": {\"numberOfRuns\": 0},"
                + " \"createdAt\": \"2026-12-07T09:00:00.000Z\", \"lastRunTime\": \"2026-12-07T09:00:00.000Z\"}");
    assertThat(Jobs.due(fresh, monday)).isFalse();
    assertThat(Jobs.due(fresh, monday.plusDays(1))).isTrue();
  }

  @Test
  void newUnarchivedFindingsArePublishedToAFileAndToAUrl(@TempDir Path dir) throws Exception {
    Path small = dir.resolve("small");
    Files.createDirectories(small);
    Files.writeString(small.resolve("a.txt"), "employee ssn 512-23-4411\n");
    Files.writeString(small.resolve("b.txt"), "paid by credit card 4556 7375 8689 9855\n");
    Files.writeString(small.resolve("c.txt"), "nothing here\n");
    ConcurrentLinkedQueue<String> posted = new ConcurrentLinkedQueue<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/events",
        exchange -> {
          // the first POST fails: the event is retried, not lost
          boolean fail = calls.getAndIncrement() == 0;
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (!fail) {
            posted.add(body);
          }
          exchange.sendResponseHeaders(fail ? 503 : 200, -1);
          exchange.close();
        });
    receiver.start();
    Path file = dir.resolve("events.jsonl");
    try {
      for (String target :
          List.of(
              file.toString(), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events")) {
        Path data = dir.resolve("data-" + Math.abs(target.hashCode()));
        try (MacieServer server =
                MacieServer.start(
                    ServerFixture.config(data)
                        .withBuckets(Map.of("small-bucket", small))
                        .withEvents(target));
            Macie2Client macie = ServerFixture.client(server.port())) {
          macie.enableMacie(r -> {});
          macie.createFindingsFilter(
              r ->
                  r.name("no cards")
                      .action(FindingsFilterAction.ARCHIVE)
                      .findingCriteria(
                          c ->
                              c.criterion(
                                  Map.of(
                                      "type",
                                      CriterionAdditionalProperties.builder()
                                          .eq("SensitiveData:S3Object/Financial")
                                          .build()))));
          String jobId =
              macie
                  .createClassificationJob(
                      r ->
                          r.name("events")
                              .jobType(JobType.ONE_TIME)
                              .clientToken("e")
                              .s3JobDefinition(
                                  S3JobDefinition.builder()
                                      .bucketDefinitions(
                                          S3BucketDefinitionForJob.builder()
                                              .accountId("123456789012")
                                              .buckets("small-bucket")
                                              .build())
                                      .build()))
                  .jobId();
          assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.COMPLETE);
        }
      }
    } finally {
      receiver.stop(0);
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(1); // the card finding was archived by the filter, so not published
    List<String> all = new ArrayList<>(lines);
    all.addAll(posted);
    assertThat(all).hasSize(2);
    for (String line : all) {
      JsonNode event = json(line);
      assertThat(event.path("detail-type").asText()).isEqualTo("Macie Finding");
      assertThat(event.path("source").asText()).isEqualTo("aws.macie");
      assertThat(event.path("account").asText()).isEqualTo("123456789012");
      assertThat(
              event.path("detail").path("resourcesAffected").path("s3Object").path("key").asText())
          .isEqualTo("a.txt");
      assertThat(event.path("detail").path("archived").asBoolean()).isFalse();
    }
  }

  private static JsonNode json(String s) {
    try {
      return Store.JSON.readTree(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
