package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.source.s3.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.AutomatedDiscoveryMonitoringStatus;
import software.amazon.awssdk.services.macie2.model.AutomatedDiscoveryStatus;
import software.amazon.awssdk.services.macie2.model.BucketCriteriaAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.BucketMetadata;
import software.amazon.awssdk.services.macie2.model.ClassificationScopeUpdateOperation;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.DataIdentifierType;
import software.amazon.awssdk.services.macie2.model.Detection;
import software.amazon.awssdk.services.macie2.model.GetResourceProfileResponse;
import software.amazon.awssdk.services.macie2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.macie2.model.SearchResourcesComparator;
import software.amazon.awssdk.services.macie2.model.SearchResourcesSimpleCriterionKey;
import software.amazon.awssdk.services.macie2.model.ValidationException;

/**
 * Automated sensitive data discovery through the AWS SDK v2 macie2 client: enable it, wait for its
 * cycles, then read bucket scores, detections, artifacts and statistics, suppress a type, override
 * a score, and change the template and the scope.
 */
@SuppressWarnings("unchecked") // the SDK's varargs of Consumer<Builder> lambdas
class AutomatedDiscoveryTest {
  @TempDir static Path export;
  static final String SSN = "USA_SOCIAL_SECURITY_NUMBER";

  /**
   * clean: 120 log files; few: the same and 3 HR files with SSNs; mostly: 9 in 10 files with SSNs
   * and card numbers.
   */
  @BeforeAll
  static void buckets() throws Exception {
    for (String b : List.of("clean/logs", "few/logs", "few/hr", "mostly/records")) {
      Files.createDirectories(export.resolve(b));
    }
    for (int i = 0; i < 120; i++) {
      Files.writeString(
          export.resolve("clean/logs/log-" + i + ".txt"),
          "INFO request " + i + " served in 12 ms\n");
      Files.writeString(
          export.resolve("few/logs/log-" + i + ".txt"), "INFO request " + i + " served in 12 ms\n");
      Files.writeString(
          export.resolve("mostly/records/r-" + i + ".txt"),
          i % 10 == 0
              ? "no data here\n"
              : "employee ssn 512-23-" + (1000 + i) + " paid by credit card 4556 7375 8689 9855\n");
    }
    for (int i = 0; i < 3; i++) {
      Files.writeString(
          export.resolve("few/hr/emp-" + i + ".csv"), "name,ssn\nJane Roe,536-22-183" + i + "\n");
    }
    Files.writeString(export.resolve("clean/logo.png"), "not analysed: an image");
  }

  private static ServerConfig config(Path data) {
    Map<String, Path> mapped =
        Map.of(
            "clean",
            export.resolve("clean"),
            "few",
            export.resolve("few"),
            "mostly",
            export.resolve("mostly"));
    return ServerFixture.config(data)
        .withBuckets(mapped)
        .withDiscoveryInterval(Duration.ofSeconds(1));
  }

  private static String arn(String bucket) {
    return "arn:aws:s3:::" + bucket;
  }

  private static GetResourceProfileResponse profile(Macie2Client macie, String bucket) {
    return macie.getResourceProfile(r -> r.resourceArn(arn(bucket)));
  }

  private static <T> T await(Supplier<T> read, Predicate<T> done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    T value = read.get();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not " + what + " after 120 s: " + value);
      }
      Thread.sleep(100);
      value = read.get();
    }
    return value;
  }

  @Test
  void discoveryScoresTheBucketsAndASuppressedTypeChangesTheScore(@TempDir Path data)
      throws Exception {
    try (MacieServer server = MacieServer.start(config(data));
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      // Before discovery has run: every bucket is listed, not yet analysed.
      List<BucketMetadata> before = macie.describeBuckets(r -> {}).buckets();
      assertThat(before)
          .extracting(BucketMetadata::bucketName)
          .containsExactly("clean", "few", "mostly");
      assertThat(before).extracting(BucketMetadata::sensitivityScore).containsOnly(50);
      assertThat(before.get(0).objectCount()).isEqualTo(121);
      assertThat(before.get(0).classifiableObjectCount()).isEqualTo(120);
      assertThat(before.get(0).unclassifiableObjectCount().fileType()).isEqualTo(1);

      macie.updateAutomatedDiscoveryConfiguration(r -> r.status(AutomatedDiscoveryStatus.ENABLED));
      // 100 objects a bucket and cycle: the clean bucket's 120 take two cycles, the second
      // continuing the first.
      GetResourceProfileResponse clean =
          await(
              () -> profile(macie, "clean"),
              p -> p.statistics().totalItemsClassified() == 120,
              "all of clean analysed");
      assertThat(clean.sensitivityScore()).isEqualTo(1);
      GetResourceProfileResponse few = profile(macie, "few");
      GetResourceProfileResponse mostly = profile(macie, "mostly");
      assertThat(few.sensitivityScore()).isBetween(51, 100);
      assertThat(mostly.sensitivityScore()).isGreaterThan(few.sensitivityScore());
      assertThat(few.statistics().totalItemsSensitive()).isEqualTo(3);
      assertThat(few.statistics().totalDetections()).isEqualTo(3);
      assertThat(few.sensitivityScoreOverridden()).isFalse();
      assertThat(few.profileUpdatedAt()).isNotNull();

      List<BucketMetadata> buckets =
          macie
              .describeBuckets(
                  r -> r.sortCriteria(s -> s.attributeName("sensitivityScore").orderBy("DESC")))
              .buckets();
      assertThat(buckets)
          .extracting(BucketMetadata::bucketName)
          .containsExactly("mostly", "few", "clean");
      assertThat(buckets).allSatisfy(b -> assertThat(b.lastAutomatedDiscoveryTime()).isNotNull());
      assertThat(buckets)
          .extracting(BucketMetadata::automatedDiscoveryMonitoringStatus)
          .containsOnly(AutomatedDiscoveryMonitoringStatus.MONITORED);
      assertThat(
              macie
                  .describeBuckets(
                      r ->
                          r.criteria(
                              Map.of(
                                  "sensitivityScore",
                                  BucketCriteriaAdditionalProperties.builder().gte(51L).build())))
                  .buckets())
          .extracting(BucketMetadata::bucketName)
          .containsExactlyInAnyOrder("few", "mostly");

      var stats = macie.getBucketStatistics(r -> {});
      assertThat(stats.bucketCount()).isEqualTo(3);
      assertThat(stats.bucketStatisticsBySensitivity().sensitive().totalCount()).isEqualTo(2);
      assertThat(stats.bucketStatisticsBySensitivity().notSensitive().totalCount()).isEqualTo(1);
      assertThat(stats.objectCount()).isEqualTo(121 + 123 + 120);

      List<Detection> detections =
          macie.listResourceProfileDetections(r -> r.resourceArn(arn("few"))).detections();
      assertThat(detections).extracting(Detection::id).containsExactly(SSN);
      assertThat(detections.get(0).type()).isEqualTo(DataIdentifierType.MANAGED);
      assertThat(detections.get(0).count()).isEqualTo(3);
      assertThat(detections.get(0).suppressed()).isFalse();

      var artifacts =
          macie.listResourceProfileArtifacts(r -> r.resourceArn(arn("few"))).artifacts();
      assertThat(artifacts).hasSize(100); // a page of the 123 analysed
      assertThat(artifacts)
          .anySatisfy(
              a -> {
                assertThat(a.arn()).isEqualTo("arn:aws:s3:::few/hr/emp-0.csv");
                assertThat(a.sensitive()).isTrue();
                assertThat(a.classificationResultStatus()).isEqualTo("COMPLETE");
              });

      // Excluding the only type found in few from its score: it scores as clean data (Macie
      // recalculates the score).
      macie.updateResourceProfileDetections(
          r ->
              r.resourceArn(arn("few"))
                  .suppressDataIdentifiers(s -> s.id(SSN).type(DataIdentifierType.MANAGED)));
      GetResourceProfileResponse suppressed = profile(macie, "few");
      assertThat(suppressed.sensitivityScore()).isBetween(1, 49);
      assertThat(suppressed.statistics().totalDetectionsSuppressed()).isEqualTo(3);
      assertThat(suppressed.statistics().totalDetections()).isZero();
      assertThat(
              macie
                  .listResourceProfileDetections(r -> r.resourceArn(arn("few")))
                  .detections()
                  .get(0)
                  .suppressed())
          .isTrue();
      // ... and back.
      macie.updateResourceProfileDetections(
          r -> r.resourceArn(arn("few")).suppressDataIdentifiers(List.of()));
      assertThat(profile(macie, "few").sensitivityScore()).isEqualTo(few.sensitivityScore());

      // A score set by hand is 100 until it is cleared.
      macie.updateResourceProfile(r -> r.resourceArn(arn("clean")).sensitivityScoreOverride(100));
      assertThat(profile(macie, "clean").sensitivityScore()).isEqualTo(100);
      assertThat(profile(macie, "clean").sensitivityScoreOverridden()).isTrue();
      macie.updateResourceProfile(r -> r.resourceArn(arn("clean")));
      assertThat(profile(macie, "clean").sensitivityScore()).isEqualTo(1);
      assertThatThrownBy(
              () ->
                  macie.updateResourceProfile(
                      r -> r.resourceArn(arn("clean")).sensitivityScoreOverride(70)))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> profile(macie, "no-such-bucket"))
          .isInstanceOf(ResourceNotFoundException.class);

      var found =
          macie
              .searchResources(
                  r ->
                      r.bucketCriteria(
                          c ->
                              c.includes(
                                  i ->
                                      i.and(
                                          a ->
                                              a.simpleCriterion(
                                                  s ->
                                                      s.key(
                                                              SearchResourcesSimpleCriterionKey
                                                                  .S3_BUCKET_NAME)
                                                          .comparator(SearchResourcesComparator.EQ)
                                                          .values("few"))))))
              .matchingResources();
      assertThat(found).hasSize(1);
      assertThat(found.get(0).matchingBucket().sensitivityScore())
          .isEqualTo(few.sensitivityScore());

      // Discovery's findings are Macie's automated ones: no job.
      var automated =
          macie
              .listFindings(
                  r ->
                      r.findingCriteria(
                          c ->
                              c.criterion(
                                  Map.of(
                                      "classificationDetails.originType",
                                      CriterionAdditionalProperties.builder()
                                          .eq("AUTOMATED_SENSITIVE_DATA_DISCOVERY")
                                          .build()))))
              .findingIds();
      assertThat(automated).isNotEmpty();
      var finding = macie.getFindings(r -> r.findingIds(automated.get(0))).findings().get(0);
      assertThat(finding.classificationDetails().jobId()).isNull();
      assertThat(finding.classificationDetails().originTypeAsString())
          .isEqualTo("AUTOMATED_SENSITIVE_DATA_DISCOVERY");
    }
  }

  @Test
  void theTemplateAndTheScopeDecideWhatIsAnalysedAndProfilesSurviveARestart(@TempDir Path data)
      throws Exception {
    int fewScore;
    try (MacieServer server = MacieServer.start(config(data));
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      var configuration = macie.getAutomatedDiscoveryConfiguration(r -> {});
      String templateId = configuration.sensitivityInspectionTemplateId();
      String scopeId = configuration.classificationScopeId();
      assertThat(macie.listSensitivityInspectionTemplates(r -> {}).sensitivityInspectionTemplates())
          .singleElement()
          .satisfies(t -> assertThat(t.id()).isEqualTo(templateId));
      assertThat(macie.listClassificationScopes(r -> {}).classificationScopes())
          .singleElement()
          .satisfies(s -> assertThat(s.id()).isEqualTo(scopeId));
      // Leave SSNs out of the template and the mostly bucket out of the scope.
      macie.updateSensitivityInspectionTemplate(
          r -> r.id(templateId).excludes(e -> e.managedDataIdentifierIds(SSN)));
      assertThat(
              macie
                  .getSensitivityInspectionTemplate(r -> r.id(templateId))
                  .excludes()
                  .managedDataIdentifierIds())
          .containsExactly(SSN);
      assertThatThrownBy(
              () ->
                  macie.updateSensitivityInspectionTemplate(
                      r ->
                          r.id(templateId).excludes(e -> e.managedDataIdentifierIds("NO_SUCH_ID"))))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(
              () -> macie.getSensitivityInspectionTemplate(r -> r.id("0123456789abcdef")))
          .isInstanceOf(ResourceNotFoundException.class);
      macie.updateClassificationScope(
          r ->
              r.id(scopeId)
                  .s3(
                      s ->
                          s.excludes(
                              e ->
                                  e.bucketNames("mostly", "other")
                                      .operation(ClassificationScopeUpdateOperation.ADD))));
      macie.updateClassificationScope(
          r ->
              r.id(scopeId)
                  .s3(
                      s ->
                          s.excludes(
                              e ->
                                  e.bucketNames("other")
                                      .operation(ClassificationScopeUpdateOperation.REMOVE))));
      assertThat(macie.getClassificationScope(r -> r.id(scopeId)).s3().excludes().bucketNames())
          .containsExactly("mostly");

      macie.updateAutomatedDiscoveryConfiguration(r -> r.status(AutomatedDiscoveryStatus.ENABLED));
      await(
          () -> profile(macie, "clean"),
          p -> p.statistics().totalItemsClassified() == 120,
          "all of clean analysed");
      // A cycle may analyse clean before it is done with few: its score is read once it is whole.
      await(
          () -> profile(macie, "few"),
          p -> p.statistics().totalItemsClassified() == 123,
          "all of few analysed");
      // Without SSNs, few holds nothing sensitive; mostly was never analysed.
      fewScore = profile(macie, "few").sensitivityScore();
      assertThat(fewScore).isBetween(1, 49);
      assertThat(profile(macie, "mostly").sensitivityScore()).isEqualTo(50);
      assertThat(profile(macie, "mostly").statistics().totalItemsClassified()).isZero();
      BucketMetadata mostly =
          macie
              .describeBuckets(
                  r ->
                      r.criteria(
                          Map.of(
                              "bucketName",
                              BucketCriteriaAdditionalProperties.builder().eq("mostly").build())))
              .buckets()
              .get(0);
      assertThat(mostly.automatedDiscoveryMonitoringStatus())
          .isEqualTo(AutomatedDiscoveryMonitoringStatus.NOT_MONITORED);
      macie.updateAutomatedDiscoveryConfiguration(r -> r.status(AutomatedDiscoveryStatus.DISABLED));
    }
    try (MacieServer server = MacieServer.start(config(data));
        Macie2Client macie = ServerFixture.client(server.port())) {
      assertThat(profile(macie, "few").sensitivityScore()).isEqualTo(fewScore);
      assertThat(profile(macie, "clean").statistics().totalItemsClassified()).isEqualTo(120);
    }
  }

  @Test
  void bucketsInS3GetTheScoresTheSameBucketsGetMapped(
      @TempDir Path mappedData, @TempDir Path s3Data) throws Exception {
    Map<String, Integer> mappedScores = new TreeMap<>();
    try (MacieServer server = MacieServer.start(config(mappedData));
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      macie.updateAutomatedDiscoveryConfiguration(r -> r.status(AutomatedDiscoveryStatus.ENABLED));
      for (String b : List.of("clean", "few", "mostly")) {
        await(
            () -> profile(macie, b),
            p -> p.statistics().totalItemsClassified() >= 120,
            b + " analysed");
      }
      await(
          () -> profile(macie, "few"),
          p -> p.statistics().totalItemsClassified() == 123,
          "all of few analysed");
      for (String b : List.of("clean", "few", "mostly")) {
        mappedScores.put(b, profile(macie, b).sensitivityScore());
      }
    }
    try (S3TestServer s3 = S3TestServer.start()) {
      for (String b : List.of("clean", "few", "mostly")) {
        s3.createBucket(b);
        try (var files = Files.walk(export.resolve(b))) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            s3.put(
                b,
                export.resolve(b).relativize(f).toString().replace('\\', '/'),
                Files.readString(f));
          }
        }
      }
      ServerConfig viaS3 =
          ServerFixture.config(s3Data)
              .withS3(s3.settings())
              .withDiscoveryInterval(Duration.ofSeconds(1));
      try (MacieServer server = MacieServer.start(viaS3);
          Macie2Client macie = ServerFixture.client(server.port())) {
        macie.enableMacie(r -> {});
        assertThat(macie.describeBuckets(r -> {}).buckets())
            .extracting(BucketMetadata::bucketName)
            .containsExactly("clean", "few", "mostly");
        macie.updateAutomatedDiscoveryConfiguration(
            r -> r.status(AutomatedDiscoveryStatus.ENABLED));
        for (String b : List.of("clean", "few", "mostly")) {
          await(
              () -> profile(macie, b),
              p -> p.statistics().totalItemsClassified() >= 120,
              b + " analysed in S3");
        }
        await(
            () -> profile(macie, "few"),
            p -> p.statistics().totalItemsClassified() == 123,
            "all of few analysed in S3");
        Map<String, Integer> s3Scores = new TreeMap<>();
        for (String b : List.of("clean", "few", "mostly")) {
          s3Scores.put(b, profile(macie, b).sensitivityScore());
        }
        assertThat(s3Scores).isEqualTo(mappedScores);
      }
    }
  }
}
