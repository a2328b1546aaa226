package dev.assay.engine.report;

import dev.assay.engine.Detection;
import dev.assay.engine.Location;
import dev.assay.engine.MemberResult;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.extract.ArchiveMember;
import dev.assay.engine.extract.EmbeddedFile;
import dev.assay.engine.source.BucketFacts;
import dev.assay.engine.source.ScanObject;
import dev.assay.engine.triage.FindingType;
import dev.assay.engine.triage.Triage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Builds an object's finding and its sensitive data discovery records as Macie writes them, from
 * the object's result and its {@link Triage} (which decides whether there is a finding, its
 * severity and its type).
 *
 * <p>Immutable, and thread-safe when its id supplier is (the default one is).
 */
public final class FindingFactory {
  /** Locations a finding gives per detection; the rest are in the discovery results. */
  public static final int MAX_FINDING_OCCURRENCES = 15;

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ScanContext context;
  private final Supplier<String> ids;

  public FindingFactory(ScanContext context) {
    this(context, FindingFactory::newId);
  }

  /**
   * A factory with its own source of finding ids (tests use a deterministic one).
   *
   * @param ids returns a new finding id on each call; called by one thread at a time
   */
  public FindingFactory(ScanContext context, Supplier<String> ids) {
    this.context = Objects.requireNonNull(context, "context");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  public ScanContext context() {
    return context;
  }

  /** Macie's timestamp form: UTC with milliseconds, such as {@code 2024-03-11T19:46:53.031Z}. */
  public static String timestamp(Instant instant) {
    return instant == null ? null : ISO_MILLIS.format(instant);
  }

  /**
   * The finding for {@code result}, or empty when nothing reportable was found; its {@code
   * detailedResultsLocation} is the context's (no discovery results written).
   */
  public Optional<Finding> toFinding(ObjectResult result) {
    return toFinding(result, context.unconfiguredResultsLocation());
  }

  /**
   * The finding for {@code result}, or empty when nothing reportable was found.
   *
   * @param detailedResultsLocation where the object's discovery result is
   */
  Optional<Finding> toFinding(ObjectResult result, String detailedResultsLocation) {
    Triage triage = Triage.of(result);
    if (!triage.isFinding()) {
      return Optional.empty();
    }
    return Optional.of(
        build(result, triage, ids.get(), detailedResultsLocation, MAX_FINDING_OCCURRENCES, true));
  }

  /**
   * The sensitive data discovery result of {@code result}: a record with the Finding's top-level
   * structure (Macie User Guide, "Storing and retaining sensitive data discovery results"), written
   * for every object in scope. It keeps up to {@link ObjectResult#MAX_LOCATIONS} locations per
   * detection, not {@value #MAX_FINDING_OCCURRENCES}. When the object has a finding, the record
   * repeats its id, type, severity, title and description, so the two can be joined; otherwise
   * those members are left out and the detection lists are empty. {@code archived}, {@code count}
   * and {@code sample} belong to findings only and are never written.
   *
   * @param finding the object's finding, or null when it has none
   * @param detailedResultsLocation where this record is written
   */
  Finding toDiscoveryResult(ObjectResult result, Finding finding, String detailedResultsLocation) {
    Triage triage = Triage.of(result);
    Finding full =
        build(
            result,
            triage,
            finding == null ? ids.get() : finding.id(),
            detailedResultsLocation,
            ObjectResult.MAX_LOCATIONS,
            finding != null);
    return new Finding(
        full.accountId(),
        null,
        full.category(),
        full.classificationDetails(),
        null,
        full.createdAt(),
        full.description(),
        full.id(),
        full.partition(),
        full.region(),
        full.resourcesAffected(),
        null,
        full.schemaVersion(),
        full.severity(),
        full.title(),
        full.type(),
        full.updatedAt());
  }

  /**
   * The discovery record of one file extracted from the archive of {@code result}: Macie writes one
   * per extracted file, with {@code resourcesAffected.s3Object.embeddedFileDetails} naming it
   * (Macie's sensitive data discovery results), after the archive's own. It has the file's own
   * status, size, MIME type and occurrences with their locations in the file, which the archive's
   * finding and record leave out. When the file alone holds reportable occurrences, the record has
   * the type, severity, title and description a finding for it would have; its id is its own.
   *
   * @param detailedResultsLocation where this record is written
   */
  Finding toMemberDiscoveryResult(
      ObjectResult result, MemberResult member, String detailedResultsLocation) {
    ArchiveMember m = member.member();
    ObjectResult own =
        new ObjectResult(
            result.object(),
            m.statusCode(),
            m.statusReason(),
            m.mimeType(),
            m.sizeClassified(),
            member.detections(),
            null,
            result.analyzedAt(),
            List.of());
    Triage triage = Triage.of(own);
    Finding full =
        build(
            own,
            triage,
            ids.get(),
            detailedResultsLocation,
            ObjectResult.MAX_LOCATIONS,
            triage.isFinding());
    Finding.ResourcesAffected resources = full.resourcesAffected();
    Finding.S3Object o = resources.s3Object();
    EmbeddedFile f = m.file();
    Finding.S3Object inArchive =
        new Finding.S3Object(
            o.bucketArn(),
            o.eTag(),
            new Finding.EmbeddedFileDetails(
                f.fileExtension(),
                timestamp(f.fileLastModified()),
                f.filePath(),
                f.fileSize() >= 0 ? f.fileSize() : null),
            o.extension(),
            o.key(),
            o.lastModified(),
            o.path(),
            o.publicAccess(),
            o.serverSideEncryption(),
            o.size(),
            o.storageClass(),
            o.tags(),
            o.versionId());
    return new Finding(
        full.accountId(),
        null,
        full.category(),
        full.classificationDetails(),
        null,
        full.createdAt(),
        full.description(),
        full.id(),
        full.partition(),
        full.region(),
        new Finding.ResourcesAffected(resources.s3Bucket(), inArchive),
        null,
        full.schemaVersion(),
        full.severity(),
        full.title(),
        full.type(),
        full.updatedAt());
  }

  private Finding build(
      ObjectResult result,
      Triage triage,
      String id,
      String detailedResultsLocation,
      int maxLocations,
      boolean asFinding) {
    boolean[] more = new boolean[1];
    List<Finding.SensitiveDataItem> sensitiveData = new ArrayList<>();
    triage
        .managed()
        .forEach(
            (category, detections) -> {
              long total = 0;
              List<Finding.DefaultDetection> items = new ArrayList<>();
              for (Detection d : detections) {
                total += d.count();
                items.add(
                    new Finding.DefaultDetection(
                        d.count(), occurrences(d, maxLocations, more), d.identifier().id()));
              }
              sensitiveData.add(new Finding.SensitiveDataItem(category.name(), items, total));
            });
    long customTotal = 0;
    List<Finding.CustomDetection> customDetections = new ArrayList<>();
    for (Detection d : triage.custom()) {
      customTotal += d.count();
      customDetections.add(
          new Finding.CustomDetection(
              d.identifier().id(),
              d.count(),
              d.identifier().name(),
              occurrences(d, maxLocations, more)));
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
    FindingType type = asFinding ? triage.type() : null;
    return new Finding(
        context.accountId(),
        false,
        "CLASSIFICATION",
        new Finding.ClassificationDetails(
            detailedResultsLocation,
            context.jobArn(),
            context.jobId(),
            "SENSITIVE_DATA_DISCOVERY_JOB",
            classification),
        1L,
        now,
        type == null ? null : type.description(),
        id,
        context.partition(),
        context.region(),
        resourcesAffected(result.object()),
        false,
        "1.0",
        type == null
            ? null
            : new Finding.Severity(
                triage.severity().description(), (long) triage.severity().score()),
        type == null ? null : type.title(),
        type == null ? null : type.type(),
        now);
  }

  /** A job id: 32 lowercase hex digits, as Macie's classification job ids look. */
  public static String newJobId() {
    return newId();
  }

  /**
   * A finding id: 32 lowercase hex digits (128 random bits), as Macie's ids look. The bits come
   * from {@link ThreadLocalRandom}, not {@code UUID.randomUUID()}: an id names a finding and guards
   * nothing, and the secure generator cost every finding a lock, a read of {@code /dev/urandom} and
   * a SHA-1 block (a third of a second of JIT compilation alone on a many-file scan).
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return hex16(random.nextLong()) + hex16(random.nextLong());
  }

  private static String hex16(long bits) {
    String digits = Long.toHexString(bits);
    return "0".repeat(16 - digits.length()) + digits;
  }

  /**
   * The first {@code max} locations of a detection, by kind; sets {@code more[0]} when the
   * detection has more occurrences than that (Macie's {@code additionalOccurrences}).
   */
  static Finding.Occurrences occurrences(Detection d, int max, boolean[] more) {
    List<Location> locations = d.locations();
    if (d.count() > max || locations.size() > max) {
      more[0] = true;
    }
    return occurrencesOf(locations.subList(0, Math.min(locations.size(), max)));
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
        cells.add(
            new Finding.Cell(cell.cellReference(), cell.column(), cell.columnName(), cell.row()));
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
        facts.encryptionType() == null
            ? null
            : new Finding.ServerSideEncryption(facts.encryptionType(), facts.kmsMasterKeyId());
    Finding.Owner owner =
        facts.ownerId() == null && facts.ownerDisplayName() == null
            ? null
            : new Finding.Owner(facts.ownerDisplayName(), facts.ownerId());
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
      publicAccess =
          Map.of(
              "permissionConfiguration",
              Map.of("bucketLevelPermissions", Map.of("blockPublicAccess", block)));
    }
    List<Finding.KeyValuePair> tags =
        facts.tags() == null
            ? null
            : facts.tags().stream().map(t -> new Finding.KeyValuePair(t.key(), t.value())).toList();
    return new Finding.S3Bucket(
        null, arn, timestamp(facts.createdAt()), encryption, name, owner, publicAccess, tags);
  }

  /** {@code resourcesAffected} for an object: what is known of it, nothing invented. */
  public Finding.ResourcesAffected resourcesAffected(ScanObject object) {
    String bucketArn = "arn:" + context.partition() + ":s3:::" + object.bucket();
    ScanObject.ObjectMetadata m = object.metadata();
    List<Finding.KeyValuePair> tags =
        m.tags() == null
            ? null
            : m.tags().stream().map(t -> new Finding.KeyValuePair(t.key(), t.value())).toList();
    Finding.ServerSideEncryption sse =
        m.serverSideEncryption() == null
            ? null
            : new Finding.ServerSideEncryption(m.serverSideEncryption(), m.kmsKeyId());
    return new Finding.ResourcesAffected(
        s3Bucket(object.bucket(), bucketArn, object.bucketFacts()),
        new Finding.S3Object(
            bucketArn,
            m.eTag(),
            null,
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
