package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.source.s3.S3TestServer;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.AccessDeniedException;
import software.amazon.awssdk.services.macie2.model.ConflictException;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.Finding;
import software.amazon.awssdk.services.macie2.model.FindingCriteria;
import software.amazon.awssdk.services.macie2.model.FindingsFilterAction;
import software.amazon.awssdk.services.macie2.model.GroupBy;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.JobType;
import software.amazon.awssdk.services.macie2.model.ListFindingsResponse;
import software.amazon.awssdk.services.macie2.model.ManagedDataIdentifierSelector;
import software.amazon.awssdk.services.macie2.model.OrderBy;
import software.amazon.awssdk.services.macie2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.macie2.model.S3BucketDefinitionForJob;
import software.amazon.awssdk.services.macie2.model.S3JobDefinition;
import software.amazon.awssdk.services.macie2.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.macie2.model.ValidationException;

/**
 * The server driven by the AWS SDK v2 macie2 client, as a user's script would: a job over a bucket
 * on a real S3-compatible server (s3proxy on loopback) produces findings that list, filter, sort,
 * paginate and archive as Macie's do, and survive a restart.
 */
@SuppressWarnings("unchecked") // the SDK's varargs of Consumer<Builder> lambdas
class MacieServerSdkTest {
  static final String BUCKET = "hr-exports";
  static S3TestServer s3;

  /** Keys with findings, and what each holds. */
  static final Map<String, String> SENSITIVE =
      Map.ofEntries(
          Map.entry("people/ssn-01.txt", "employee record: ssn 512-23-4411\n"),
          Map.entry("people/ssn-02.txt", "name Jane Roe ssn: 536-22-1830\n"),
          Map.entry("people/ssn-03.txt", "SSN 401-33-8765 on file\n"),
          Map.entry("people/ssn-04.txt", "social security number 078-05-1121\n"),
          Map.entry("people/ssn-05.txt", "employee ssn 123-45-6780 and ssn 123-45-6781\n"),
          Map.entry("pay/card-01.txt", "paid by credit card 4556 7375 8689 9855 today\n"),
          Map.entry("pay/card-02.txt", "visa card number 4024007153361885\n"),
          Map.entry(
              "keys/app.env",
              "aws_access_key_id=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key=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\n"),
          Map.entry("hr/emp.txt", "employee badge EMP-4821 issued\n"));

  @BeforeAll
  static void bucket() throws Exception {
    s3 = S3TestServer.start();
    s3.createBucket(BUCKET);
    SENSITIVE.forEach((k, v) -> s3.put(BUCKET, k, v));
    s3.put(BUCKET, "clean/readme.txt", "nothing to see here, only words\n");
    s3.put(BUCKET, "clean/numbers.csv", "id,amount\n1,20.5\n2,31.25\n");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  private static MacieServer start(Path dir) throws Exception {
    return MacieServer.start(ServerFixture.config(dir).withS3(s3.settings()));
  }

  private static String createJob(Macie2Client macie, String name, String... customIds) {
    return macie
        .createClassificationJob(
            r ->
                r.name(name)
                    .jobType(JobType.ONE_TIME)
                    .clientToken(UUID.randomUUID().toString())
                    .managedDataIdentifierSelector(ManagedDataIdentifierSelector.ALL)
                    .customDataIdentifierIds(customIds)
                    .s3JobDefinition(
                        S3JobDefinition.builder()
                            .bucketDefinitions(
                                S3BucketDefinitionForJob.builder()
                                    .accountId("123456789012")
                                    .buckets(BUCKET)
                                    .build())
                            .build()))
        .jobId();
  }

  private static FindingCriteria criteria(String field, CriterionAdditionalProperties p) {
    return FindingCriteria.builder().criterion(Map.of(field, p)).build();
  }

  private static List<String> allIds(Macie2Client macie, FindingCriteria c) {
    List<String> ids = new ArrayList<>();
    macie
        .listFindingsPaginator(r -> r.findingCriteria(c).maxResults(2))
        .forEach(p -> ids.addAll(p.findingIds()));
    return ids;
  }

  @Test
  void aJobsFindingsListFilterSortPaginateArchiveAndSurviveARestart(@TempDir Path dir)
      throws Exception {
    String jobId;
    String customId;
    List<String> all;
    try (MacieServer server = start(dir);
        Macie2Client macie = ServerFixture.client(server.port())) {
      assertThatThrownBy(() -> macie.getMacieSession(r -> {}))
          .isInstanceOf(AccessDeniedException.class);
      macie.enableMacie(r -> r.clientToken("t"));
      assertThatThrownBy(() -> macie.enableMacie(r -> r.clientToken("t2")))
          .isInstanceOf(ConflictException.class);
      assertThat(macie.getMacieSession(r -> {}).statusAsString()).isEqualTo("ENABLED");

      customId =
          macie
              .createCustomDataIdentifier(
                  r ->
                      r.name("employee badge")
                          .regex("EMP-[0-9]{4}")
                          .keywords("badge")
                          .maximumMatchDistance(20))
              .customDataIdentifierId();
      jobId = createJob(macie, "first", customId);
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.COMPLETE);
      var described = macie.describeClassificationJob(r -> r.jobId(jobId));
      assertThat(described.statistics().numberOfRuns()).isEqualTo(1.0);
      assertThat(described.lastRunErrorStatus().codeAsString()).isEqualTo("NONE");
      assertThat(described.customDataIdentifierIds()).containsExactly(customId);

      // One finding per object with sensitive data, none for the clean ones.
      all = allIds(macie, null);
      assertThat(all).hasSize(SENSITIVE.size()).doesNotHaveDuplicates();
      List<Finding> findings = new ArrayList<>();
      for (int i = 0; i < all.size(); i += 50) {
        List<String> batch = all.subList(i, Math.min(all.size(), i + 50));
        findings.addAll(macie.getFindings(r -> r.findingIds(batch)).findings());
      }
      Set<String> keys = new HashSet<>();
      for (Finding f : findings) {
        keys.add(f.resourcesAffected().s3Object().key());
        assertThat(f.classificationDetails().jobId()).isEqualTo(jobId);
        assertThat(f.resourcesAffected().s3Bucket().name()).isEqualTo(BUCKET);
        assertThat(f.archived()).isFalse();
      }
      assertThat(keys).isEqualTo(SENSITIVE.keySet());
      Finding badge =
          findings.stream()
              .filter(f -> f.resourcesAffected().s3Object().key().equals("hr/emp.txt"))
              .findFirst()
              .orElseThrow();
      assertThat(
              badge
                  .classificationDetails()
                  .result()
                  .customDataIdentifiers()
                  .detections()
                  .get(0)
                  .arn())
          .isEqualTo("arn:aws:macie2:us-east-1:123456789012:custom-data-identifier/" + customId);
      assertThat(badge.typeAsString()).isEqualTo("SensitiveData:S3Object/CustomIdentifier");

      // Criteria: eq on a column, eq on an array field (short and full paths), neq, eqExactMatch,
      // date ranges.
      List<String> personal =
          allIds(
              macie,
              criteria(
                  "type",
                  CriterionAdditionalProperties.builder()
                      .eq("SensitiveData:S3Object/Personal")
                      .build()));
      assertThat(personal).hasSize(5);
      assertThat(
              allIds(
                  macie,
                  criteria(
                      "sensitiveData.detections.type",
                      CriterionAdditionalProperties.builder()
                          .eq("USA_SOCIAL_SECURITY_NUMBER")
                          .build())))
          .containsExactlyInAnyOrderElementsOf(personal);
      assertThat(
              allIds(
                  macie,
                  criteria(
                      "classificationDetails.result.sensitiveData.detections.type",
                      CriterionAdditionalProperties.builder()
                          .eqExactMatch("CREDIT_CARD_NUMBER")
                          .build())))
          .hasSize(2);
      assertThat(
              allIds(
                  macie,
                  criteria(
                      "type",
                      CriterionAdditionalProperties.builder()
                          .neq("SensitiveData:S3Object/Personal")
                          .build())))
          .hasSize(SENSITIVE.size() - 5);
      assertThat(
              allIds(
                  macie,
                  criteria(
                      "resourcesAffected.s3Object.key",
                      CriterionAdditionalProperties.builder().eq("keys/app.env").build())))
          .hasSize(1);
      long created = Instant.parse(findings.get(0).createdAt().toString()).toEpochMilli();
      assertThat(
              allIds(
                  macie,
                  criteria(
                      "createdAt",
                      CriterionAdditionalProperties.builder().gte(created - 60_000).build())))
          .hasSize(all.size());
      assertThat(
              allIds(
                  macie,
                  criteria(
                      "createdAt",
                      CriterionAdditionalProperties.builder().lt(created - 60_000).build())))
          .isEmpty();

      // Sorting: by object key, both ways; pages of one walk the same order without repeats.
      List<String> byKeyAsc =
          macie
              .listFindings(
                  r ->
                      r.sortCriteria(
                          s ->
                              s.attributeName("resourcesAffected.s3Object.key")
                                  .orderBy(OrderBy.ASC)))
              .findingIds();
      List<String> byKeyDesc =
          macie
              .listFindings(
                  r ->
                      r.sortCriteria(
                          s ->
                              s.attributeName("resourcesAffected.s3Object.key")
                                  .orderBy(OrderBy.DESC)))
              .findingIds();
      assertThat(byKeyDesc).containsExactlyElementsOf(reversed(byKeyAsc));
      List<String> keyOrder =
          macie.getFindings(r -> r.findingIds(byKeyAsc)).findings().stream()
              .map(f -> f.resourcesAffected().s3Object().key())
              .toList();
      assertThat(keyOrder).isSorted();
      List<String> paged = new ArrayList<>();
      String token = null;
      do {
        String t = token;
        ListFindingsResponse page =
            macie.listFindings(
                r ->
                    r.maxResults(1)
                        .nextToken(t)
                        .sortCriteria(
                            s ->
                                s.attributeName("resourcesAffected.s3Object.key")
                                    .orderBy(OrderBy.ASC)));
        assertThat(page.findingIds()).hasSizeLessThanOrEqualTo(1);
        paged.addAll(page.findingIds());
        token = page.nextToken();
      } while (token != null);
      assertThat(paged).containsExactlyElementsOf(byKeyAsc);

      var bySeverity =
          macie
              .getFindingStatistics(r -> r.groupBy(GroupBy.CLASSIFICATION_DETAILS_JOB_ID))
              .countsByGroup();
      assertThat(bySeverity)
          .singleElement()
          .satisfies(
              g -> {
                assertThat(g.groupKey()).isEqualTo(jobId);
                assertThat(g.count()).isEqualTo((long) SENSITIVE.size());
              });

      // An ARCHIVE filter archives the new findings it matches; the findings already there stay.
      macie.createFindingsFilter(
          r ->
              r.name("suppress cards")
                  .action(FindingsFilterAction.ARCHIVE)
                  .findingCriteria(
                      criteria(
                          "type",
                          CriterionAdditionalProperties.builder()
                              .eq("SensitiveData:S3Object/Financial")
                              .build())));
      String second = createJob(macie, "second", customId);
      assertThat(ServerFixture.awaitJob(macie, second)).isEqualTo(JobStatus.COMPLETE);
      FindingCriteria secondJob =
          criteria(
              "classificationDetails.jobId",
              CriterionAdditionalProperties.builder().eq(second).build());
      List<Finding> secondFindings =
          macie.getFindings(r -> r.findingIds(allIds(macie, secondJob))).findings();
      assertThat(secondFindings).hasSize(SENSITIVE.size());
      for (Finding f : secondFindings) {
        assertThat(f.archived())
            .as(f.resourcesAffected().s3Object().key())
            .isEqualTo(f.typeAsString().equals("SensitiveData:S3Object/Financial"));
      }
      FindingCriteria unarchived =
          FindingCriteria.builder()
              .criterion(
                  Map.of(
                      "classificationDetails.jobId",
                          CriterionAdditionalProperties.builder().eq(second).build(),
                      "archived", CriterionAdditionalProperties.builder().eq("false").build()))
              .build();
      assertThat(allIds(macie, unarchived)).hasSize(SENSITIVE.size() - 2);
      assertThat(macie.getFindings(r -> r.findingIds(all)).findings()).noneMatch(Finding::archived);
    }

    // A restart on the same data directory finds everything as it was.
    try (MacieServer server = start(dir);
        Macie2Client macie = ServerFixture.client(server.port())) {
      assertThat(macie.describeClassificationJob(r -> r.jobId(jobId)).jobStatus())
          .isEqualTo(JobStatus.COMPLETE);
      FindingCriteria first =
          criteria(
              "classificationDetails.jobId",
              CriterionAdditionalProperties.builder().eq(jobId).build());
      assertThat(allIds(macie, first)).containsExactlyInAnyOrderElementsOf(all);
      assertThat(macie.getCustomDataIdentifier(r -> r.id(customId)).name())
          .isEqualTo("employee badge");
      assertThat(macie.listFindingsFilters(r -> {}).findingsFilterListItems()).hasSize(1);
    }
  }

  @Test
  void identifiersAndAllowListsAnswerAsMacieDoes(@TempDir Path dir) throws Exception {
    try (MacieServer server = start(dir);
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> r.clientToken("t"));
      String id =
          macie
              .createCustomDataIdentifier(
                  r -> r.name("order").regex("ORD-[0-9]{6}").keywords("order").clientToken("once"))
              .customDataIdentifierId();
      // the same client token gives the same identifier back
      assertThat(
              macie
                  .createCustomDataIdentifier(
                      r ->
                          r.name("order")
                              .regex("ORD-[0-9]{6}")
                              .keywords("order")
                              .clientToken("once"))
                  .customDataIdentifierId())
          .isEqualTo(id);
      var got = macie.getCustomDataIdentifier(r -> r.id(id));
      assertThat(got.maximumMatchDistance()).isEqualTo(50);
      assertThat(got.severityLevels())
          .singleElement()
          .satisfies(l -> assertThat(l.severityAsString()).isEqualTo("MEDIUM"));
      assertThat(macie.listCustomDataIdentifiers(r -> {}).items())
          .extracting(i -> i.id())
          .containsExactly(id);
      assertThat(
              macie
                  .testCustomDataIdentifier(
                      r ->
                          r.regex("ORD-[0-9]{6}")
                              .keywords("order")
                              .sampleText("order ORD-123456 and ORD-654321, far away ORD-111111"))
                  .matchCount())
          .isEqualTo(3);
      assertThat(
              macie
                  .testCustomDataIdentifier(
                      r ->
                          r.regex("ORD-[0-9]{6}")
                              .keywords("order")
                              .maximumMatchDistance(15)
                              .sampleText(
                                  "order ORD-123456" + " filler".repeat(10) + " ORD-654321"))
                  .matchCount())
          .isEqualTo(1);
      assertThatThrownBy(() -> macie.createCustomDataIdentifier(r -> r.name("bad").regex("(a)\\1")))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("regex: ");
      assertThatThrownBy(
              () -> macie.testCustomDataIdentifier(r -> r.regex("x").sampleText("y".repeat(1001))))
          .isInstanceOf(ValidationException.class);
      var batch = macie.batchGetCustomDataIdentifiers(r -> r.ids(id, "nope"));
      assertThat(batch.notFoundIdentifierIds()).containsExactly("nope");
      macie.deleteCustomDataIdentifier(r -> r.id(id));
      assertThatThrownBy(() -> macie.getCustomDataIdentifier(r -> r.id(id)))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(
              macie
                  .batchGetCustomDataIdentifiers(r -> r.ids(id))
                  .customDataIdentifiers()
                  .get(0)
                  .deleted())
          .isTrue();
      assertThat(macie.listCustomDataIdentifiers(r -> {}).items()).isEmpty();

      var list =
          macie.createAllowList(
              r ->
                  r.name("test numbers")
                      .clientToken("a1")
                      .criteria(c -> c.regex("123-45-67[0-9]{2}"))
                      .tags(Map.of("team", "hr")));
      assertThat(list.id()).matches("[a-z0-9]{22}");
      assertThat(list.arn())
          .isEqualTo("arn:aws:macie2:us-east-1:123456789012:allow-list/" + list.id());
      var gotList = macie.getAllowList(r -> r.id(list.id()));
      assertThat(gotList.status().codeAsString()).isEqualTo("OK");
      assertThat(gotList.tags()).containsEntry("team", "hr");
      macie.updateAllowList(
          r -> r.id(list.id()).name("renamed").criteria(c -> c.regex("000-00-0000")));
      assertThat(macie.listAllowLists(r -> {}).allowLists())
          .extracting(a -> a.name())
          .containsExactly("renamed");
      assertThatThrownBy(
              () ->
                  macie.createAllowList(
                      r ->
                          r.name("both")
                              .clientToken("a2")
                              .criteria(
                                  c ->
                                      c.regex("x")
                                          .s3WordsList(w -> w.bucketName("abc").objectKey("k")))))
          .isInstanceOf(ValidationException.class);
      for (int i = 1; i < 10; i++) {
        int n = i;
        macie.createAllowList(
            r -> r.name("l" + n).clientToken("c" + n).criteria(c -> c.regex("x" + n)));
      }
      assertThatThrownBy(
              () ->
                  macie.createAllowList(
                      r -> r.name("eleventh").clientToken("c11").criteria(c -> c.regex("y"))))
          .isInstanceOf(ServiceQuotaExceededException.class);
      macie.deleteAllowList(r -> r.id(list.id()));
      assertThatThrownBy(() -> macie.getAllowList(r -> r.id(list.id())))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThatThrownBy(
              () ->
                  macie.describeClassificationJob(r -> r.jobId("0123456789abcdef0123456789abcdef")))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(macie.listManagedDataIdentifiers(r -> {}).items())
          .hasSize(ManagedCatalog.all().size());
    }
  }

  @Test
  void anAllowListOnTheServerKeepsItsValuesOutOfFindings(@TempDir Path dir) throws Exception {
    try (MacieServer server = start(dir);
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      String listId =
          macie
              .createAllowList(
                  r -> r.name("test ssns").clientToken("x").criteria(c -> c.regex("512-23-4411")))
              .id();
      String jobId =
          macie
              .createClassificationJob(
                  r ->
                      r.name("with allow list")
                          .jobType(JobType.ONE_TIME)
                          .clientToken("j")
                          .allowListIds(listId)
                          .s3JobDefinition(
                              S3JobDefinition.builder()
                                  .bucketDefinitions(
                                      S3BucketDefinitionForJob.builder()
                                          .accountId("123456789012")
                                          .buckets(BUCKET)
                                          .build())
                                  .scoping(
                                      sc ->
                                          sc.includes(
                                              i ->
                                                  i.and(
                                                      t ->
                                                          t.simpleScopeTerm(
                                                              st ->
                                                                  st.key("OBJECT_KEY")
                                                                      .comparator("STARTS_WITH")
                                                                      .values("people/")))))
                                  .build()))
              .jobId();
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.COMPLETE);
      List<Finding> findings = macie.getFindings(r -> r.findingIds(allIds(macie, null))).findings();
      assertThat(findings)
          .extracting(f -> f.resourcesAffected().s3Object().key())
          .containsExactlyInAnyOrder(
              "people/ssn-02.txt", "people/ssn-03.txt", "people/ssn-04.txt", "people/ssn-05.txt");
    }
  }

  @Test
  void discoveryResultsGoToTheExportBucketAndFindingsPointThere(@TempDir Path dir)
      throws Exception {
    s3.createBucket("macie-results");
    try (MacieServer server = start(dir);
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      macie.putClassificationExportConfiguration(
          r ->
              r.configuration(
                  c ->
                      c.s3Destination(
                          d ->
                              d.bucketName("macie-results")
                                  .keyPrefix("discovery")
                                  .kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k"))));
      String jobId = createJob(macie, "exported");
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.COMPLETE);
      String prefix = "discovery/AWSLogs/123456789012/Macie/us-east-1/" + jobId + "/123456789012/";
      List<String> keys =
          s3
              .client()
              .listObjectsV2(r -> r.bucket("macie-results").prefix(prefix))
              .contents()
              .stream()
              .map(o -> o.key())
              .toList();
      assertThat(keys).isNotEmpty().allMatch(k -> k.endsWith(".jsonl.gz"));
      List<Finding> findings = macie.getFindings(r -> r.findingIds(allIds(macie, null))).findings();
      assertThat(findings).isNotEmpty();
      for (Finding f : findings) {
        String location = f.classificationDetails().detailedResultsLocation();
        assertThat(location).startsWith("s3://macie-results/" + prefix);
        assertThat(keys).contains(location.substring("s3://macie-results/".length()));
      }
      var records =
          new String(
              new GZIPInputStream(
                      s3.client().getObject(r -> r.bucket("macie-results").key(keys.get(0))))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      // one record per object in scope, with or without findings
      assertThat(records.lines().count()).isEqualTo(SENSITIVE.size() + 2);
    }
  }

  @Test
  void aBucketThatCannotBeReadDoesNotStopTheOthers(@TempDir Path dir) throws Exception {
    try (MacieServer server = start(dir);
        Macie2Client macie = ServerFixture.client(server.port())) {
      macie.enableMacie(r -> {});
      String jobId =
          macie
              .createClassificationJob(
                  r ->
                      r.name("two buckets")
                          .jobType(JobType.ONE_TIME)
                          .clientToken("two")
                          .s3JobDefinition(
                              S3JobDefinition.builder()
                                  .bucketDefinitions(
                                      S3BucketDefinitionForJob.builder()
                                          .accountId("123456789012")
                                          .buckets("no-such-bucket", BUCKET)
                                          .build())
                                  .build()))
              .jobId();
      assertThat(ServerFixture.awaitJob(macie, jobId)).isEqualTo(JobStatus.COMPLETE);
      assertThat(
              macie
                  .describeClassificationJob(r -> r.jobId(jobId))
                  .lastRunErrorStatus()
                  .codeAsString())
          .isEqualTo("ERROR");
      assertThat(allIds(macie, null)).isNotEmpty();
    }
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list);
    Collections.reverse(out);
    return out;
  }
}
