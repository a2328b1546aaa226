package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.engine.ScanFixture;
import dev.assay.engine.source.BucketFacts;
import dev.assay.engine.source.ScanObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code resourcesAffected.s3Bucket}: the bucket facts S3 gave, in Macie's shape; nothing else. */
class BucketFactsTest {
  private final FindingFactory factory = new FindingFactory(ScanFixture.CONTEXT);

  private JsonNode bucketOf(BucketFacts facts) {
    ScanObject o = new ScanObject("acme", "k.txt", 3, Instant.EPOCH, null, null, null, facts);
    return FindingWriter.JSON.valueToTree(factory.resourcesAffected(o)).get("s3Bucket");
  }

  @Test
  void everyKnownFact_isReported() {
    JsonNode b =
        bucketOf(
            new BucketFacts(
                Instant.parse("2021-04-05T06:07:08Z"),
                "79a59df900b949e55d96a1e698fbaced",
                "ops",
                "aws:kms",
                "arn:aws:kms:eu-west-1:111122223333:key/k",
                new BucketFacts.PublicAccessBlock(true, true, false, true),
                List.of(new ScanObject.Tag("team", "hr"))));
    assertThat(b.get("name").asText()).isEqualTo("acme");
    assertThat(b.get("arn").asText()).isEqualTo("arn:aws:s3:::acme");
    assertThat(b.get("createdAt").asText()).isEqualTo("2021-04-05T06:07:08.000Z");
    assertThat(b.at("/owner/id").asText()).isEqualTo("79a59df900b949e55d96a1e698fbaced");
    assertThat(b.at("/owner/displayName").asText()).isEqualTo("ops");
    assertThat(b.at("/defaultServerSideEncryption/encryptionType").asText()).isEqualTo("aws:kms");
    assertThat(b.at("/defaultServerSideEncryption/kmsMasterKeyId").asText()).endsWith("key/k");
    JsonNode block =
        b.at("/publicAccess/permissionConfiguration/bucketLevelPermissions/blockPublicAccess");
    assertThat(block.get("blockPublicAcls").asBoolean()).isTrue();
    assertThat(block.get("ignorePublicAcls").asBoolean()).isFalse();
    assertThat(b.at("/publicAccess/effectivePermission").isMissingNode())
        .as("not guessed")
        .isTrue();
    assertThat(b.at("/tags/0/key").asText()).isEqualTo("team");
  }

  @Test
  void unknownFacts_areLeftOut() {
    JsonNode b = bucketOf(BucketFacts.UNKNOWN);
    assertThat(b.fieldNames()).toIterable().containsExactlyInAnyOrder("arn", "name");
  }
}
