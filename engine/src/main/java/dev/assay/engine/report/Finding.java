package dev.assay.engine.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A sensitive data finding in the shape of the Macie2 API model's {@code Finding}, member by member
 * (Macie API Reference, "Findings"; the records nested here are its sub-shapes). JSON member names
 * are Macie's exactly; null members are left out except where Macie writes an explicit null.
 *
 * <p>Timestamps are ISO-8601 strings in UTC with milliseconds, as Macie writes them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
    String accountId,
    Boolean archived,
    String category,
    ClassificationDetails classificationDetails,
    Long count,
    String createdAt,
    String description,
    String id,
    String partition,
    String region,
    ResourcesAffected resourcesAffected,
    Boolean sample,
    String schemaVersion,
    Severity severity,
    String title,
    String type,
    String updatedAt) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ClassificationDetails(
      String detailedResultsLocation,
      String jobArn,
      String jobId,
      String originType,
      ClassificationResult result) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ClassificationResult(
      Boolean additionalOccurrences,
      CustomDataIdentifiers customDataIdentifiers,
      String mimeType,
      List<SensitiveDataItem> sensitiveData,
      Long sizeClassified,
      Status status) {}

  /**
   * Macie's {@code ClassificationResultStatus}; {@code reason} is written as null when COMPLETE.
   */
  public record Status(String code, @JsonInclude(JsonInclude.Include.ALWAYS) String reason) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SensitiveDataItem(
      String category, List<DefaultDetection> detections, Long totalCount) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DefaultDetection(Long count, Occurrences occurrences, String type) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CustomDataIdentifiers(List<CustomDetection> detections, Long totalCount) {}

  /** {@code arn} holds the custom identifier's id, as real Macie findings do. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CustomDetection(String arn, Long count, String name, Occurrences occurrences) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Occurrences(
      List<Cell> cells,
      List<Range> lineRanges,
      List<Range> offsetRanges,
      List<Page> pages,
      List<RecordLocation> records) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Range(Long end, Long start, Long startColumn) {}

  /** {@code cellReference} is written as null for CSV and TSV, as Macie does. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cell(
      @JsonInclude(JsonInclude.Include.ALWAYS) String cellReference,
      Long column,
      String columnName,
      Long row) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Page(Range lineRange, Range offsetRange, Long pageNumber) {}

  /** Macie's {@code Record} (renamed: a Java type named Record would shadow java.lang.Record). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RecordLocation(String jsonPath, Long recordIndex) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ResourcesAffected(S3Bucket s3Bucket, S3Object s3Object) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record S3Bucket(
      String allowsUnencryptedObjectUploads,
      String arn,
      String createdAt,
      ServerSideEncryption defaultServerSideEncryption,
      String name,
      Owner owner,
      Object publicAccess,
      List<KeyValuePair> tags) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record S3Object(
      String bucketArn,
      @JsonProperty("eTag") String eTag,
      EmbeddedFileDetails embeddedFileDetails,
      String extension,
      String key,
      String lastModified,
      String path,
      Boolean publicAccess,
      ServerSideEncryption serverSideEncryption,
      Long size,
      String storageClass,
      List<KeyValuePair> tags,
      String versionId) {}

  /**
   * The file of an archive a discovery record is about (Macie's sensitive data discovery results).
   * Discovery records only: it is not a member of the Macie2 API model's {@code S3Object}, and
   * findings never carry it.
   *
   * @param fileLastModified as the archive states it, or null
   * @param filePath the path inside the archive object, nested archives joined with {@code /}
   * @param fileSize uncompressed bytes as the archive states them, or null when it does not
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EmbeddedFileDetails(
      String fileExtension, String fileLastModified, String filePath, Long fileSize) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ServerSideEncryption(String encryptionType, String kmsMasterKeyId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Owner(String displayName, String id) {}

  public record KeyValuePair(String key, String value) {}

  public record Severity(String description, Long score) {}
}
