package dev.assay.engine.macie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.macie2.model.CreateClassificationJobRequest;
import software.amazon.awssdk.services.macie2.model.CreateCustomDataIdentifierRequest;
import software.amazon.awssdk.services.macie2.model.JobType;
import software.amazon.awssdk.services.macie2.model.ScopeFilterKey;

/**
 * The request bodies the macie2 backend sends: the user's JSON as written, as a ONE_TIME job with
 * the targets' scope.
 */
class MacieBackendBodiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path JOBS = Path.of("src/test/resources/jobs");

  private static JsonNode job(String file) throws Exception {
    return JSON.readTree(Files.readString(JOBS.resolve(file)));
  }

  private static MacieRequest request(JsonNode job, List<MacieRequest.Target> targets) {
    return new MacieRequest(
        job, "job.json", targets, null, null, List.of(), List.of(), List.of(), false);
  }

  @Test
  void aJobFileGoesToTheSdkAndBackMemberForMember() throws Exception {
    for (String file : List.of("one-time-two-buckets.json", "scoped-uploads-documents.json")) {
      JsonNode body = job(file);
      CreateClassificationJobRequest.Builder builder = CreateClassificationJobRequest.builder();
      assertThat(SdkJson.fill(builder, body)).as(file).isEmpty();
      CreateClassificationJobRequest sent = builder.build();
      // The SDK makes up an idempotency token where a body has none.
      ObjectNode back = SdkJson.toJson(sent);
      assertThat(back.path("clientToken").asText()).isNotEmpty();
      back.remove("clientToken");
      ((ObjectNode) body).remove("clientToken");
      assertThat(back).as(file).isEqualTo(body);
    }
    CreateClassificationJobRequest.Builder builder = CreateClassificationJobRequest.builder();
    SdkJson.fill(builder, job("scoped-uploads-documents.json"));
    CreateClassificationJobRequest sent = builder.build();
    assertThat(sent.jobType()).isEqualTo(JobType.ONE_TIME);
    assertThat(sent.s3JobDefinition().scoping().includes().and().get(0).simpleScopeTerm().key())
        .isEqualTo(ScopeFilterKey.OBJECT_KEY);
    assertThat(sent.s3JobDefinition().scoping().includes().and().get(0).simpleScopeTerm().values())
        .containsExactly("uploads/", "documents/");
  }

  @Test
  void membersTheModelDoesNotKnowAreNamedNotSent() throws Exception {
    CreateCustomDataIdentifierRequest.Builder builder = CreateCustomDataIdentifierRequest.builder();
    List<String> unknown =
        SdkJson.fill(
            builder,
            JSON.readTree(
                "{\"name\":\"n\",\"regex\":\"a+\",\"maximumMatchDistance\":20,\"id\":\"x\",\"keywords\":[\"k\"]}"));
    assertThat(unknown).containsExactly("id");
    CreateCustomDataIdentifierRequest sent = builder.build();
    assertThat(sent.maximumMatchDistance()).isEqualTo(20);
    assertThat(sent.keywords()).containsExactly("k");
  }

  @Test
  void targetsBecomeTheJobsBucketsAndAKeyPrefixTerm() {
    ObjectNode body =
        MacieBackend.jobBody(
            request(
                null,
                List.of(
                    new MacieRequest.Target("b1", "hr/"), new MacieRequest.Target("b2", "hr/"))),
            "111122223333",
            List.of("cdi-1"),
            List.of("allow1"));
    assertThat(body.path("jobType").asText()).isEqualTo("ONE_TIME");
    assertThat(body.at("/s3JobDefinition/bucketDefinitions/0/accountId").asText())
        .isEqualTo("111122223333");
    assertThat(body.at("/s3JobDefinition/bucketDefinitions/0/buckets").toString())
        .isEqualTo("[\"b1\",\"b2\"]");
    assertThat(body.at("/s3JobDefinition/scoping/includes/and/0/simpleScopeTerm").toString())
        .isEqualTo("{\"comparator\":\"STARTS_WITH\",\"key\":\"OBJECT_KEY\",\"values\":[\"hr/\"]}");
    assertThat(body.path("customDataIdentifierIds").toString()).isEqualTo("[\"cdi-1\"]");
    assertThat(body.path("allowListIds").toString()).isEqualTo("[\"allow1\"]");
    assertThat(body.path("clientToken").asText()).isNotEmpty();
    assertThat(body.path("samplingPercentage").asInt()).isEqualTo(100);

    ObjectNode whole =
        MacieBackend.jobBody(
            request(null, List.of(new MacieRequest.Target("b1", ""))),
            "111122223333",
            List.of(),
            List.of());
    assertThat(whole.at("/s3JobDefinition/scoping").isMissingNode()).isTrue();
    assertThat(whole.has("customDataIdentifierIds")).isFalse();

    assertThatThrownBy(
            () ->
                MacieBackend.jobBody(
                    request(
                        null,
                        List.of(
                            new MacieRequest.Target("b1", "a/"),
                            new MacieRequest.Target("b2", "b/"))),
                    "111122223333",
                    List.of(),
                    List.of()))
        .isInstanceOf(MacieException.class)
        .hasMessageContaining("same key prefixes");
  }

  @Test
  void aScheduledJobFileRunsOnceAndTargetsNarrowItsScope() throws Exception {
    ObjectNode scheduled = (ObjectNode) job("scoped-uploads-documents.json");
    scheduled.put("jobType", "SCHEDULED");
    scheduled.putObject("scheduleFrequency").putObject("dailySchedule");
    scheduled.put("initialRun", true);
    scheduled.putArray("customDataIdentifierIds").add("local-name");
    ObjectNode body =
        MacieBackend.jobBody(
            request(
                scheduled,
                List.of(new MacieRequest.Target("acme-customer-uploads", "uploads/2024/"))),
            "111122223333",
            List.of("macie-id"),
            List.of());
    assertThat(body.path("jobType").asText()).isEqualTo("ONE_TIME");
    assertThat(body.has("scheduleFrequency")).isFalse();
    assertThat(body.has("initialRun")).isFalse();
    assertThat(body.path("clientToken").asText())
        .isNotEqualTo("2f3c8a41-9d0e-4d6b-8a8e-5b1f0c2d7e90");
    assertThat(body.path("customDataIdentifierIds").toString()).isEqualTo("[\"macie-id\"]");
    // The job's own terms stay, and the target's prefix is one more term that must hold too.
    JsonNode and = body.at("/s3JobDefinition/scoping/includes/and");
    assertThat(and).hasSize(2);
    assertThat(and.get(1).at("/simpleScopeTerm/values/0").asText()).isEqualTo("uploads/2024/");
    assertThat(body.at("/s3JobDefinition/scoping/excludes/and/0/simpleScopeTerm/key").asText())
        .isEqualTo("OBJECT_EXTENSION");
    // Without targets the job's own buckets are used as written.
    ObjectNode asWritten =
        MacieBackend.jobBody(request(scheduled, List.of()), null, List.of(), List.of());
    assertThat(asWritten.path("s3JobDefinition")).isEqualTo(scheduled.path("s3JobDefinition"));
  }

  @Test
  void aChangedDefinitionIsTold() throws Exception {
    JsonNode wanted =
        JSON.readTree(
            "{\"name\":\"n\",\"regex\":\"EMP-[0-9]{4}\",\"keywords\":[\"badge\",\"id\"]}");
    assertThat(
            MacieBackend.identifierDifference(
                wanted,
                JSON.readTree(
                    "{\"name\":\"n\",\"regex\":\"EMP-[0-9]{4}\",\"keywords\":[\"id\",\"badge\"],\"maximumMatchDistance\":50}")))
        .isNull();
    assertThat(
            MacieBackend.identifierDifference(
                wanted,
                JSON.readTree(
                    "{\"name\":\"n\",\"regex\":\"EMP-[0-9]{5}\",\"keywords\":[\"badge\",\"id\"]}")))
        .isEqualTo("regex");
    assertThat(
            MacieBackend.identifierDifference(
                wanted,
                JSON.readTree(
                    "{\"name\":\"n\",\"regex\":\"EMP-[0-9]{4}\",\"keywords\":[\"badge\",\"id\"],\"maximumMatchDistance\":10}")))
        .isEqualTo("maximumMatchDistance");
  }
}
