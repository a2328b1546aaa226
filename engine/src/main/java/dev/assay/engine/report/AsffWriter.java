package dev.assay.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A Security Hub BatchImportFindings request body, {@code {"Findings": [...]}}, one AWS Security
 * Finding Format (ASFF) finding per Macie finding, mapped as Macie maps them when it publishes to
 * Security Hub ("Publishing: EventBridge and Security Hub" in our reference notes, from the
 * Security Hub API model):
 *
 * <ul>
 *   <li>{@code ProductArn} {@code arn:<partition>:securityhub:<region>::product/aws/macie}, {@code
 *       ProductName} Macie, {@code CompanyName} Amazon, {@code SchemaVersion} 2018-10-08;
 *   <li>{@code Types} {@code Sensitive Data Identifications/PII/SensitiveData:S3Object-<Kind>} (the
 *       slash of the Macie type becomes a hyphen);
 *   <li>{@code Severity.Label} from the Macie severity (its numeric score is not carried);
 *   <li>{@code Resources}: the bucket ({@code AwsS3Bucket}) and the object ({@code AwsS3Object}),
 *       the object carrying {@code DataClassification}: the finding's {@code
 *       detailedResultsLocation} and {@code result} in PascalCase, member for member.
 * </ul>
 *
 * <p>Macie's exact {@code Id} and {@code GeneratorId} are not documented. Assay writes {@code Id}
 * {@code arn:<partition>:macie2:<region>:<account>:finding/<finding id>} and {@code GeneratorId}
 * the classification job's ARN (the job generates the finding). Stateless and thread-safe.
 */
final class AsffWriter implements FindingWriter {

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    // Streamed, a finding at a time, as SARIF is: findings past the first 10,000 are read back
    // from disk one by one, and a document of them all at once would hold them all again.
    JsonGenerator g = JSON.getFactory().createGenerator(new NonClosing(out));
    g.setCodec(JSON);
    g.setPrettyPrinter(new DefaultPrettyPrinter());
    g.writeStartObject();
    g.writeArrayFieldStart("Findings");
    for (Finding f : report.findings()) {
      g.writeTree(asff(f));
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.write(System.lineSeparator());
  }

  static ObjectNode asff(Finding f) {
    Finding.S3Object object = f.resourcesAffected().s3Object();
    Finding.S3Bucket bucket = f.resourcesAffected().s3Bucket();
    Finding.ClassificationDetails details = f.classificationDetails();
    ObjectNode a = JSON.createObjectNode();
    a.put("SchemaVersion", "2018-10-08");
    a.put(
        "Id",
        "arn:"
            + f.partition()
            + ":macie2:"
            + f.region()
            + ":"
            + f.accountId()
            + ":finding/"
            + f.id());
    a.put(
        "ProductArn",
        "arn:" + f.partition() + ":securityhub:" + f.region() + "::product/aws/macie");
    a.put("ProductName", "Macie");
    a.put("CompanyName", "Amazon");
    a.put("Region", f.region());
    a.put("GeneratorId", details.jobArn());
    a.put("AwsAccountId", f.accountId());
    a.putArray("Types").add("Sensitive Data Identifications/PII/" + f.type().replace('/', '-'));
    a.put("CreatedAt", f.createdAt());
    a.put("UpdatedAt", f.updatedAt());
    a.putObject("Severity").put("Label", f.severity().description().toUpperCase(Locale.ROOT));
    a.put("Title", f.title());
    a.put("Description", f.description());
    ArrayNode resources = a.putArray("Resources");

    ObjectNode b = resources.addObject();
    b.put("Type", "AwsS3Bucket");
    b.put("Id", bucket.arn());
    b.put("Partition", f.partition());
    b.put("Region", f.region());
    ObjectNode bucketDetails = b.putObject("Details").putObject("AwsS3Bucket");
    bucketDetails.put("Name", bucket.name());
    putIfKnown(bucketDetails, "CreatedAt", bucket.createdAt());
    if (bucket.owner() != null) {
      putIfKnown(bucketDetails, "OwnerId", bucket.owner().id());
      putIfKnown(bucketDetails, "OwnerName", bucket.owner().displayName());
    }

    ObjectNode o = resources.addObject();
    o.put("Type", "AwsS3Object");
    o.put("Id", "arn:" + f.partition() + ":s3:::" + object.path());
    o.put("Partition", f.partition());
    o.put("Region", f.region());
    ObjectNode classification = o.putObject("DataClassification");
    putIfKnown(classification, "DetailedResultsLocation", details.detailedResultsLocation());
    classification.set("Result", pascalCase(JSON.valueToTree(details.result())));
    ObjectNode objectDetails = JSON.createObjectNode();
    putIfKnown(objectDetails, "LastModified", object.lastModified());
    putIfKnown(objectDetails, "ETag", object.eTag());
    putIfKnown(objectDetails, "VersionId", object.versionId());
    if (object.serverSideEncryption() != null) {
      putIfKnown(
          objectDetails, "ServerSideEncryption", object.serverSideEncryption().encryptionType());
      putIfKnown(objectDetails, "SSEKMSKeyId", object.serverSideEncryption().kmsMasterKeyId());
    }
    if (!objectDetails.isEmpty()) {
      o.putObject("Details").set("AwsS3Object", objectDetails);
    }
    a.put("RecordState", "ACTIVE");
    a.put("Sample", Boolean.TRUE.equals(f.sample()));
    return a;
  }

  private static void putIfKnown(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  /**
   * The Macie shape in Security Hub's member names: each member's first letter upper-cased (the
   * Security Hub model mirrors Macie's ClassificationResult that way), nulls left out.
   */
  static JsonNode pascalCase(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          out.set(
              Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1),
              pascalCase(e.getValue()));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      node.forEach(n -> out.add(pascalCase(n)));
      return out;
    }
    return node;
  }
}
