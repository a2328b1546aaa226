package dev.assay.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.source.ScanObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CreateClassificationJob bodies: the seed examples load, and each rule names its file and field.
 */
class ClassificationJobFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Path resource(String name) {
    return Path.of("src/test/resources/jobs", name);
  }

  @Test
  void seedOneTimeJob_overTwoBuckets() throws Exception {
    ClassificationJob job = ClassificationJobFiles.load(resource("one-time-two-buckets.json"));
    assertThat(job.name()).isEqualTo("quarterly-hr-and-finance");
    assertThat(job.jobType()).isEqualTo(ClassificationJob.JobType.ONE_TIME);
    assertThat(job.definedBuckets()).containsExactly("acme-hr-records", "acme-finance-exports");
    assertThat(job.bucketDefinitions()).containsOnlyKeys("111122223333");
    assertThat(job.soleAccountId()).contains("111122223333");
    assertThat(job.samplingPercentage()).isEqualTo(100);
    assertThat(job.managedDataIdentifierSelector()).isEqualTo("RECOMMENDED");
    assertThat(job.bucketCriteria()).isNull();
  }

  @Test
  void seedScopedJob_startsWithUploadsAndDocuments() throws Exception {
    ClassificationJob job = ClassificationJobFiles.load(resource("scoped-uploads-documents.json"));
    assertThat(job.definedBuckets()).containsExactly("acme-customer-uploads");
    assertThat(job.scope().needsTags()).isFalse();
  }

  private static final String VALID =
      "{\"name\":\"j\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{\"bucketDefinitions\":"
          + "[{\"accountId\":\"111122223333\",\"buckets\":[\"bkt\"]}]}}";

  /**
   * The valid body with {@code member} (a dotted path) set to {@code json}, or removed when json is
   * "-".
   */
  private JsonNode with(String member, String json) throws Exception {
    JsonNode body = JSON.readTree(VALID);
    String[] parts = member.split("\\.");
    ObjectNode node = (ObjectNode) body;
    for (int i = 0; i < parts.length - 1; i++) {
      node = (ObjectNode) node.get(parts[i]);
    }
    if (json.equals("-")) {
      node.remove(parts[parts.length - 1]);
    } else {
      node.set(parts[parts.length - 1], JSON.readTree(json));
    }
    return body;
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name|-|name: is required",
        "name|\"\"|name: must be 1 to 500",
        "jobType|-|jobType: is required",
        "jobType|\"DAILY\"|jobType: must be one of ONE_TIME, SCHEDULED",
        "scheduleFrequency|{\"dailySchedule\":{}}|scheduleFrequency: must be left out for a ONE_TIME job",
        "samplingPercentage|0|samplingPercentage: must be an integer from 1 to 100",
        "samplingPercentage|101|samplingPercentage: must be an integer from 1 to 100",
        "samplingPercentage|\"50\"|samplingPercentage: must be an integer",
        "managedDataIdentifierSelector|\"SOME\"|managedDataIdentifierSelector: must be ALL",
        "managedDataIdentifierSelector|\"INCLUDE\"|managedDataIdentifierIds: is required with managedDataIdentifierSelector INCLUDE",
        "managedDataIdentifierIds|[\"EMAIL_ADDRESS\"]|managedDataIdentifierIds: must be empty unless",
        "managedDataIdentifierSelector|\"NONE\"|customDataIdentifierIds: needs at least one id",
        "allowListIds|[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]|allowListIds: holds 11 ids; Macie allows at most 10",
        "customDataIdentifierIds|[1]|customDataIdentifierIds[0]: must be a non-empty string",
        "clientTokn|\"x\"|clientTokn: is not a member of CreateClassificationJob",
        "s3JobDefinition|-|s3JobDefinition: is required",
        "s3JobDefinition.bucketCriteria|{\"includes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":\"EQ\",\"key\":\"S3_BUCKET_NAME\",\"values\":[\"b\"]}}]}}|s3JobDefinition: must have exactly one of bucketDefinitions and bucketCriteria",
        "s3JobDefinition.bucketDefinitions|[]|s3JobDefinition.bucketDefinitions: must be a non-empty array",
        "s3JobDefinition.bucketDefinitions|[{\"accountId\":\"1234\",\"buckets\":[\"bkt\"]}]|bucketDefinitions[0].accountId: must be a 12-digit account id",
        "s3JobDefinition.bucketDefinitions|[{\"accountId\":\"111122223333\"}]|bucketDefinitions[0].buckets: is required",
        "s3JobDefinition.bucketDefinitions|[{\"accountId\":\"111122223333\",\"buckets\":[\"a b\"]}]|bucketDefinitions[0].buckets[0]: is not a bucket name",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"STARTS_WITH\",\"key\":\"OBJECT_SIZE\",\"values\":[\"1\"]}}]}}|scoping.includes.and[0].simpleScopeTerm.comparator: OBJECT_SIZE takes",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"GT\",\"key\":\"OBJECT_EXTENSION\",\"values\":[\"pdf\"]}}]}}|comparator: OBJECT_EXTENSION takes [EQ, NE], not GT",
        "s3JobDefinition.scoping|{\"excludes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"OBJECT_KEY\",\"values\":[\"a\"]}}]}}|scoping.excludes.and[0].simpleScopeTerm.comparator: OBJECT_KEY takes",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"GT\",\"key\":\"OBJECT_SIZE\",\"values\":[\"1\",\"2\"]}}]}}|simpleScopeTerm.values: takes exactly one value, got 2",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"GT\",\"key\":\"OBJECT_SIZE\",\"values\":[\"1KB\"]}}]}}|simpleScopeTerm.values[0]: must be a size in bytes",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"LT\",\"key\":\"OBJECT_LAST_MODIFIED_DATE\",\"values\":[\"yesterday\"]}}]}}|values[0]: must be an ISO-8601 date",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"OBJECT_EXTENSION\",\"values\":[\".pdf\"]}}]}}|values[0]: an extension is given without its dot",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"OBJECT_NAME\",\"values\":[\"a\"]}}]}}|simpleScopeTerm.key: must be one of OBJECT_EXTENSION",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"tagScopeTerm\":{\"comparator\":\"GT\",\"key\":\"TAG\",\"tagValues\":[{\"key\":\"a\",\"value\":\"\"}],\"target\":\"S3_OBJECT\"}}]}}|tagScopeTerm.comparator: must be EQ or NE",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"tagScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"TAG\",\"tagValues\":[],\"target\":\"S3_OBJECT\"}}]}}|tagScopeTerm.tagValues: is required",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"tagScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"TAG\",\"tagValues\":[{\"value\":\"x\"}],\"target\":\"S3_OBJECT\"}}]}}|tagValues[0].key: is required",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[]}}|scoping.includes.and: is required: a non-empty array",
        "s3JobDefinition.scoping|{\"includes\":{\"and\":[{\"simpleScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"OBJECT_EXTENSION\",\"values\":[\"a\"]},\"tagScopeTerm\":{}}]}}|and[0]: must have exactly one of simpleScopeTerm and tagScopeTerm",
      })
  void invalidBodies_nameFileAndField(String member, String json, String expected)
      throws Exception {
    JsonNode body = with(member, json);
    assertThatThrownBy(() -> ClassificationJobFiles.parse("job.json", body))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("job.json: ")
        .hasMessageContaining(expected);
  }

  @Test
  void limits_atTheirEdges() throws Exception {
    assertThat(
            ClassificationJobFiles.parse("j", with("name", "\"" + "n".repeat(500) + "\"")).name())
        .hasSize(500);
    assertThatThrownBy(
            () -> ClassificationJobFiles.parse("j", with("name", "\"" + "n".repeat(501) + "\"")))
        .hasMessageContaining("name: must be 1 to 500 characters, got 501");
    ClassificationJobFiles.parse("j", with("description", "\"" + "d".repeat(200) + "\""));
    assertThatThrownBy(
            () ->
                ClassificationJobFiles.parse(
                    "j", with("description", "\"" + "d".repeat(201) + "\"")))
        .hasMessageContaining("description: must be at most 200 characters");
    assertThat(
            ClassificationJobFiles.parse("j", with("samplingPercentage", "1")).samplingPercentage())
        .isEqualTo(1);
    StringBuilder thirty = new StringBuilder("[");
    for (int i = 0; i < 31; i++) {
      thirty.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
    }
    assertThatThrownBy(
            () -> ClassificationJobFiles.parse("j", with("customDataIdentifierIds", thirty + "]")))
        .hasMessageContaining("customDataIdentifierIds: holds 31 ids; Macie allows at most 30");
    StringBuilder buckets = new StringBuilder("[{\"accountId\":\"111122223333\",\"buckets\":[");
    for (int i = 0; i < 1001; i++) {
      buckets.append(i == 0 ? "" : ",").append("\"bucket-").append(i).append('"');
    }
    assertThatThrownBy(
            () ->
                ClassificationJobFiles.parse(
                    "j", with("s3JobDefinition.bucketDefinitions", buckets + "]}]")))
        .hasMessageContaining("names 1001 buckets; Macie allows at most 1,000");
  }

  @Test
  void scheduledJob_needsOneScheduleOfValidDays() throws Exception {
    JsonNode weekly = with("jobType", "\"SCHEDULED\"");
    ((ObjectNode) weekly)
        .set("scheduleFrequency", JSON.readTree("{\"weeklySchedule\":{\"dayOfWeek\":\"MONDAY\"}}"));
    assertThat(ClassificationJobFiles.parse("j", weekly).jobType())
        .isEqualTo(ClassificationJob.JobType.SCHEDULED);
    assertThatThrownBy(() -> ClassificationJobFiles.parse("j", with("jobType", "\"SCHEDULED\"")))
        .hasMessageContaining("scheduleFrequency: is required for a SCHEDULED job");
    ((ObjectNode) weekly)
        .set("scheduleFrequency", JSON.readTree("{\"monthlySchedule\":{\"dayOfMonth\":32}}"));
    assertThatThrownBy(() -> ClassificationJobFiles.parse("j", weekly))
        .hasMessageContaining(
            "scheduleFrequency.monthlySchedule.dayOfMonth: must be an integer from 1 to 31");
  }

  @Test
  void bucketCriteria_onPermissionsAreRejected_namesAndTagsEvaluate() throws Exception {
    assertThatThrownBy(
            () ->
                ClassificationJobFiles.parse(
                    "j",
                    with(
                        "s3JobDefinition",
                        "{\"bucketCriteria\":{\"includes\":{\"and\":"
                            + "[{\"simpleCriterion\":{\"comparator\":\"EQ\",\"key\":\"S3_BUCKET_EFFECTIVE_PERMISSION\",\"values\":[\"PUBLIC\"]}}]}}}")))
        .hasMessageContaining("S3_BUCKET_EFFECTIVE_PERMISSION needs Macie's bucket inventory");
    ClassificationJob job =
        ClassificationJobFiles.parse(
            "j",
            with(
                "s3JobDefinition",
                "{\"bucketCriteria\":{"
                    + "\"includes\":{\"and\":[{\"simpleCriterion\":{\"comparator\":\"EQ\",\"key\":\"S3_BUCKET_NAME\",\"values\":[\"a-bkt\",\"b-bkt\"]}}]},"
                    + "\"excludes\":{\"and\":[{\"tagCriterion\":{\"comparator\":\"EQ\",\"tagValues\":[{\"key\":\"skip\"}]}}]}}}"));
    BucketCriteria c = job.bucketCriteria();
    assertThat(c.needsTags()).isTrue();
    var none = Optional.of(List.<ScanObject.Tag>of());
    var skip = Optional.of(List.of(new ScanObject.Tag("skip", "yes")));
    assertThat(c.matches("a-bkt", null, none)).isTrue();
    assertThat(c.matches("c-bkt", null, none)).isFalse();
    assertThat(c.matches("b-bkt", null, skip)).isFalse();
    assertThatThrownBy(() -> c.matches("a-bkt", null, Optional.empty()))
        .hasMessageContaining("tags of bucket a-bkt cannot be read");
  }

  @Test
  void fileErrors_nameTheFile() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\": ");
    assertThatThrownBy(() -> ClassificationJobFiles.load(bad))
        .hasMessageStartingWith(bad + ": not valid JSON");
    assertThatThrownBy(() -> ClassificationJobFiles.load(dir.resolve("missing.json")))
        .hasMessageEndingWith("no such file");
  }
}
