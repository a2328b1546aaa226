package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.AccessDeniedException;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.DayOfWeek;
import software.amazon.awssdk.services.macie2.model.FindingCriteria;
import software.amazon.awssdk.services.macie2.model.FindingPublishingFrequency;
import software.amazon.awssdk.services.macie2.model.FindingsFilterAction;
import software.amazon.awssdk.services.macie2.model.JobStatus;
import software.amazon.awssdk.services.macie2.model.JobType;
import software.amazon.awssdk.services.macie2.model.MacieStatus;
import software.amazon.awssdk.services.macie2.model.RelationshipStatus;
import software.amazon.awssdk.services.macie2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.macie2.model.S3BucketDefinitionForJob;
import software.amazon.awssdk.services.macie2.model.S3JobDefinition;
import software.amazon.awssdk.services.macie2.model.ValidationException;

/**
 * The calls the AWS provider's macie2 resources make on create, read, update and destroy, in their
 * order, so that {@code terraform apply} and {@code destroy} work against the server.
 */
class TerraformSequenceTest {
  private static final String ACCOUNT = "123456789012";

  @Test
  void theProvidersResourcesCreateReadUpdateAndDestroy(@TempDir Path dir) throws Exception {
    Path bucket = dir.resolve("bucket");
    Files.createDirectories(bucket);
    Files.writeString(bucket.resolve("a.txt"), "employee ssn 512-23-4411\n");
    Path exports = dir.resolve("results");
    Files.createDirectories(exports);
    try (MacieServer server =
            MacieServer.start(
                ServerFixture.config(dir.resolve("data"))
                    .withBuckets(Map.of("tf-bucket", bucket, "tf-results", exports)));
        Macie2Client macie = ServerFixture.client(server.port())) {
      // aws_macie2_account
      macie.enableMacie(
          r ->
              r.findingPublishingFrequency(FindingPublishingFrequency.FIFTEEN_MINUTES)
                  .status(MacieStatus.ENABLED));
      assertThat(macie.getMacieSession(r -> {}).findingPublishingFrequency())
          .isEqualTo(FindingPublishingFrequency.FIFTEEN_MINUTES);
      macie.updateMacieSession(
          r -> r.findingPublishingFrequency(FindingPublishingFrequency.ONE_HOUR));
      assertThat(macie.getMacieSession(r -> {}).findingPublishingFrequency())
          .isEqualTo(FindingPublishingFrequency.ONE_HOUR);

      // aws_macie2_classification_export_configuration
      macie.putClassificationExportConfiguration(
          r ->
              r.configuration(
                  c ->
                      c.s3Destination(
                          d ->
                              d.bucketName("tf-results")
                                  .keyPrefix("macie/")
                                  .kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k"))));
      assertThat(
              macie
                  .getClassificationExportConfiguration(r -> {})
                  .configuration()
                  .s3Destination()
                  .keyPrefix())
          .isEqualTo("macie/");

      // aws_macie2_custom_data_identifier: create with tags, read, tag update, destroy
      String cdi =
          macie
              .createCustomDataIdentifier(
                  r -> r.name("tf-cdi").regex("EMP-[0-9]{4}").tags(Map.of("env", "test")))
              .customDataIdentifierId();
      var got = macie.getCustomDataIdentifier(r -> r.id(cdi));
      assertThat(got.tags()).containsEntry("env", "test");
      assertThat(got.deleted()).isFalse();
      macie.tagResource(r -> r.resourceArn(got.arn()).tags(Map.of("owner", "sec")));
      macie.untagResource(r -> r.resourceArn(got.arn()).tagKeys("env"));
      assertThat(macie.listTagsForResource(r -> r.resourceArn(got.arn())).tags())
          .containsExactly(Map.entry("owner", "sec"));

      // aws_macie2_classification_job: create, read, status and tag updates, destroy (cancel)
      var job =
          macie.createClassificationJob(
              r ->
                  r.name("tf-job")
                      .jobType(JobType.SCHEDULED)
                      .clientToken("tf-job-token")
                      .initialRun(true)
                      .scheduleFrequency(f -> f.weeklySchedule(w -> w.dayOfWeek(DayOfWeek.MONDAY)))
                      .s3JobDefinition(
                          S3JobDefinition.builder()
                              .bucketDefinitions(
                                  S3BucketDefinitionForJob.builder()
                                      .accountId(ACCOUNT)
                                      .buckets("tf-bucket")
                                      .build())
                              .build())
                      .tags(Map.of("team", "a")));
      assertThat(job.jobArn())
          .isEqualTo("arn:aws:macie2:us-east-1:" + ACCOUNT + ":classification-job/" + job.jobId());
      assertThat(ServerFixture.awaitJob(macie, job.jobId())).isEqualTo(JobStatus.IDLE);
      var described = macie.describeClassificationJob(r -> r.jobId(job.jobId()));
      assertThat(described.tags()).containsEntry("team", "a");
      assertThat(described.statistics().numberOfRuns()).isEqualTo(1.0);
      assertThat(described.initialRun()).isTrue();
      // the initial run wrote its discovery results under the export configuration's bucket and
      // prefix
      try (var files = Files.walk(exports.resolve("macie"))) {
        assertThat(files.filter(p -> p.toString().endsWith(".jsonl.gz")).count()).isEqualTo(1);
      }
      macie.updateClassificationJob(r -> r.jobId(job.jobId()).jobStatus(JobStatus.USER_PAUSED));
      assertThat(
              macie
                  .describeClassificationJob(r -> r.jobId(job.jobId()))
                  .userPausedDetails()
                  .jobPausedAt())
          .isNotNull();
      macie.updateClassificationJob(r -> r.jobId(job.jobId()).jobStatus(JobStatus.RUNNING));
      macie.tagResource(r -> r.resourceArn(job.jobArn()).tags(Map.of("team", "b")));
      assertThat(macie.listTagsForResource(r -> r.resourceArn(job.jobArn())).tags())
          .containsEntry("team", "b");
      ServerFixture.awaitJob(macie, job.jobId());
      macie.updateClassificationJob(r -> r.jobId(job.jobId()).jobStatus(JobStatus.CANCELLED));
      assertThat(macie.describeClassificationJob(r -> r.jobId(job.jobId())).jobStatus())
          .isEqualTo(JobStatus.CANCELLED);
      // the provider treats this message as "already destroyed"
      assertThatThrownBy(
              () ->
                  macie.updateClassificationJob(
                      r -> r.jobId(job.jobId()).jobStatus(JobStatus.CANCELLED)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("cannot update cancelled job for job");

      // aws_macie2_findings_filter
      FindingCriteria criteria =
          FindingCriteria.builder()
              .criterion(
                  Map.of("region", CriterionAdditionalProperties.builder().eq("us-east-1").build()))
              .build();
      var filter =
          macie.createFindingsFilter(
              r ->
                  r.name("tf-filter")
                      .action(FindingsFilterAction.NOOP)
                      .findingCriteria(criteria)
                      .position(1)
                      .tags(Map.of("k", "v")));
      assertThat(macie.getFindingsFilter(r -> r.id(filter.id())).tags()).containsEntry("k", "v");
      macie.updateFindingsFilter(
          r -> r.id(filter.id()).action(FindingsFilterAction.ARCHIVE).description("now archiving"));
      var updated = macie.getFindingsFilter(r -> r.id(filter.id()));
      assertThat(updated.action()).isEqualTo(FindingsFilterAction.ARCHIVE);
      assertThat(updated.description()).isEqualTo("now archiving");
      assertThat(updated.findingCriteria().criterion()).containsKey("region");
      macie.deleteFindingsFilter(r -> r.id(filter.id()));
      assertThatThrownBy(() -> macie.getFindingsFilter(r -> r.id(filter.id())))
          .isInstanceOf(ResourceNotFoundException.class);

      // aws_macie2_member: create, invite, read, status update, destroy
      var member =
          macie.createMember(
              r ->
                  r.account(a -> a.accountId("444455556666").email("m@example.com"))
                      .tags(Map.of("m", "1")));
      assertThat(member.arn()).endsWith(":member/444455556666");
      assertThat(macie.createInvitations(r -> r.accountIds("444455556666")).unprocessedAccounts())
          .isEmpty();
      macie.updateMemberSession(r -> r.id("444455556666").status(MacieStatus.PAUSED));
      var m = macie.getMember(r -> r.id("444455556666"));
      assertThat(m.relationshipStatus()).isEqualTo(RelationshipStatus.PAUSED);
      assertThat(m.tags()).containsEntry("m", "1");
      macie.disassociateMember(r -> r.id("444455556666"));
      macie.deleteMember(r -> r.id("444455556666"));
      assertThatThrownBy(() -> macie.getMember(r -> r.id("444455556666")))
          .isInstanceOf(ResourceNotFoundException.class);

      // destroy: the custom identifier, the export configuration, the account
      macie.deleteCustomDataIdentifier(r -> r.id(cdi));
      assertThat(
              macie
                  .batchGetCustomDataIdentifiers(r -> r.ids(cdi))
                  .customDataIdentifiers()
                  .get(0)
                  .deleted())
          .isTrue();
      macie.putClassificationExportConfiguration(r -> r.configuration(c -> {}));
      assertThat(macie.getClassificationExportConfiguration(r -> {}).configuration()).isNull();
      macie.disableMacie(r -> {});
      assertThatThrownBy(() -> macie.getMacieSession(r -> {}))
          .isInstanceOf(AccessDeniedException.class);
    }
  }
}
