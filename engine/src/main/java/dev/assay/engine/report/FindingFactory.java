package dev.assay.engine.report;

import dev.assay.engine.Detection;
import dev.assay.engine.Location;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.source.BucketFacts;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.Category;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Triage: decides whether an object's result is a finding, and builds it as Macie would. Severity
 * per managed type comes from its count (the tables of "Severity scoring for Macie findings"), per
 * custom identifier from its thresholds (a count below the lowest one drops that identifier), and
 * the finding's severity is the highest of them. The type follows the categories present: one of
 * Credentials, Financial, Personal or CustomIdentifier, or Multiple for two or more.
 *
 * <p>Immutable and thread-safe.
 */
public final class FindingFactory {
  /** Locations a finding gives per detection; the rest are in the discovery results. */
  public static final int MAX_FINDING_OCCURRENCES = 15;

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ScanContext context;

  public FindingFactory(ScanContext context) {
    this.context = context;
  }

  public ScanContext context() {
    return context;
  }

  /** Macie's timestamp form: UTC with milliseconds, such as {@code 2024-03-11T19:46:53.031Z}. */
  public static String timestamp(Instant instant) {
    return instant == null ? null : ISO_MILLIS.format(instant);
  }

  /** The finding for {@code result}, or empty when nothing reportable was found. */
  public Optional<Finding> toFinding(ObjectResult result) {
    Map<Category, List<Detection>> managed = new LinkedHashMap<>();
    List<Detection> custom = new ArrayList<>();
    Severity severity = null;
    Set<Category> categories = EnumSet.noneOf(Category.class);
    for (Detection d : result.detections()) {
      if (d.identifier() instanceof ManagedDataIdentifier m) {
        severity = Severity.max(severity, m.severity().levelFor(d.count()));
        managed.computeIfAbsent(m.category(), k -> new ArrayList<>()).add(d);
        categories.add(m.category());
      } else if (d.identifier() instanceof CustomDataIdentifier c) {
        Optional<Severity> level = c.severityLevels().levelFor(d.count());
        if (level.isPresent()) {
          severity = Severity.max(severity, level.get());
          custom.add(d);
          categories.add(Category.CUSTOM_IDENTIFIER);
        }
      }
    }
    if (categories.isEmpty()) {
      return Optional.empty();
    }
    FindingType type = typeOf(categories);
    boolean[] more = new boolean[1];
    List<Finding.SensitiveDataItem> sensitiveData = new ArrayList<>();
    managed.forEach(
        (category, detections) -> {
          long total = 0;
          List<Finding.DefaultDetection> items = new ArrayList<>();
          for (Detection d : detections) {
            total += d.count();
            items.add(new Finding.DefaultDetection(d.count(), occurrences(d, more), d.identifier().id()));
          }
          sensitiveData.add(new Finding.SensitiveDataItem(category.name(), items, total));
        });
    long customTotal = 0;
    List<Finding.CustomDetection> customDetections = new ArrayList<>();
    for (Detection d : custom) {
      customTotal += d.count();
      customDetections.add(
          new Finding.CustomDetection(d.identifier().id(), d.count(), d.identifier().name(), occurrences(d, more)));
    }
    String now = timestamp(result.analyzedAt());
    Finding.ClassificationResult classification =
        new Finding.ClassificationResult(
            more[0],
            new Finding.CustomDataIdentifiers(customDetections, customTotal),
            result.mimeType(),
            sensitiveData,
            result.sizeClassified(),
            new Finding.Status(result.statusCode(), result.statusReason()));
    return Optional.of(
        new Finding(
            context.accountId(),
            false,
            "CLASSIFICATION",
            new Finding.ClassificationDetails(
                context.detailedResultsLocation(), context.jobArn(), context.jobId(), "SENSITIVE_DATA_DISCOVERY_JOB",
                classification),
            1L,
            now,
            type.description(),
            newId(),
            context.partition(),
            context.region(),
            resourcesAffected(result.object()),
            false,
            "1.0",
            new Finding.Severity(severity.description(), (long) severity.score()),
            type.title(),
            type.type(),
            now));
  }

  static FindingType typeOf(Set<Category> categories) {
    if (categories.size() > 1) {
      return FindingType.MULTIPLE;
    }
    return switch (categories.iterator().next()) {
      case CREDENTIALS -> FindingType.CREDENTIALS;
      case FINANCIAL_INFORMATION -> FindingType.FINANCIAL;
      case PERSONAL_INFORMATION -> FindingType.PERSONAL;
      case CUSTOM_IDENTIFIER -> FindingType.CUSTOM_IDENTIFIER;
    };
  }

  /** A finding id: 32 lowercase hex digits (a random UUID's 128 bits), as Macie's ids look. */
  static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** The first {@value #MAX_FINDING_OCCURRENCES} locations of a detection, by kind. */
  static Finding.Occurrences occurrences(Detection d, boolean[] more) {
    List<Location> locations = d.locations();
    if (d.count() > MAX_FINDING_OCCURRENCES || locations.size() > MAX_FINDING_OCCURRENCES) {
      more[0] = true;
    }
    return occurrencesOf(locations.subList(0, Math.min(locations.size(), MAX_FINDING_OCCURRENCES)));
  }

  /** Locations grouped into Macie's {@code Occurrences} lists; empty lists are left out. */
  public static Finding.Occurrences occurrencesOf(List<Location> locations) {
    List<Finding.Cell> cells = new ArrayList<>();
    List<Finding.Range> lines = new ArrayList<>();
    List<Finding.Page> pages = new ArrayList<>();
    List<Finding.RecordLocation> records = new ArrayList<>();
    for (Location l : locations) {
      if (l instanceof Location.Line line) {
        lines.add(new Finding.Range(line.end(), line.start(), line.startColumn()));
      } else if (l instanceof Location.Cell cell) {
        cells.add(new Finding.Cell(cell.cellReference(), cell.column(), cell.columnName(), cell.row()));
      } else if (l instanceof Location.Page page) {
        pages.add(new Finding.Page(null, null, page.pageNumber()));
      } else if (l instanceof Location.Record record) {
        records.add(new Finding.RecordLocation(record.jsonPath(), record.recordIndex()));
      }
    }
    return new Finding.Occurrences(
        cells.isEmpty() ? null : cells,
        lines.isEmpty() ? null : lines,
        null,
        pages.isEmpty() ? null : pages,
        records.isEmpty() ? null : records);
  }

  /** {@code s3Bucket}: the bucket facts the source could read; the others are left out. */
  private static Finding.S3Bucket s3Bucket(String name, String arn, BucketFacts facts) {
    Finding.ServerSideEncryption encryption =
        facts.encryptionType() == null ? null : new Finding.ServerSideEncryption(facts.encryptionType(), facts.kmsMasterKeyId());
    Finding.Owner owner =
        facts.ownerId() == null && facts.ownerDisplayName() == null ? null : new Finding.Owner(facts.ownerDisplayName(), facts.ownerId());
    Map<String, Object> publicAccess = null;
    if (facts.publicAccessBlock() != null) {
      // Only the bucket's own block public access is known; the effective permission (which needs
      // the account's settings, the ACL and the policy) is left out rather than guessed.
      BucketFacts.PublicAccessBlock b = facts.publicAccessBlock();
      Map<String, Object> block = new LinkedHashMap<>();
      block.put("blockPublicAcls", b.blockPublicAcls());
      block.put("blockPublicPolicy", b.blockPublicPolicy());
      block.put("ignorePublicAcls", b.ignorePublicAcls());
      block.put("restrictPublicBuckets", b.restrictPublicBuckets());
      publicAccess = Map.of("permissionConfiguration", Map.of("bucketLevelPermissions", Map.of("blockPublicAccess", block)));
    }
    List<Finding.KeyValuePair> tags =
        facts.tags() == null ? null : facts.tags().stream().map(t -> new Finding.KeyValuePair(t.key(), t.value())).toList();
    return new Finding.S3Bucket(null, arn, timestamp(facts.createdAt()), encryption, name, owner, publicAccess, tags);
  }

  /** {@code resourcesAffected} for an object: what is known of it, nothing invented. */
  public Finding.ResourcesAffected resourcesAffected(ScanObject object) {
    String bucketArn = "arn:" + context.partition() + ":s3:::" + object.bucket();
    ScanObject.ObjectMetadata m = object.metadata();
    List<Finding.KeyValuePair> tags =
        m.tags() == null ? null : m.tags().stream().map(t -> new Finding.KeyValuePair(t.key(), t.value())).toList();
    Finding.ServerSideEncryption sse =
        m.serverSideEncryption() == null ? null : new Finding.ServerSideEncryption(m.serverSideEncryption(), m.kmsKeyId());
    return new Finding.ResourcesAffected(
        s3Bucket(object.bucket(), bucketArn, object.bucketFacts()),
        new Finding.S3Object(
            bucketArn,
            m.eTag(),
            object.extension(),
            object.key(),
            timestamp(object.lastModified()),
            object.bucket() + "/" + object.key(),
            null,
            sse,
            object.size() >= 0 ? object.size() : null,
            m.storageClass(),
            tags,
            m.versionId()));
  }
}
