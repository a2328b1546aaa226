package dev.assay.engine.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits an extraction enforces, Macie's by default (Macie's size and processing quotas). Tests
 * pass smaller values; {@link dev.assay.engine.Scanner.Builder#limits} takes them. All sizes are in
 * bytes.
 *
 * @param textBytes non-binary text (plain, CSV, TSV, JSON, XML, HTML, YAML): 20 GB
 * @param pdfBytes PDF: 1,024 MB
 * @param officeBytes Word and Excel (.doc, .docx, .xls, .xlsx): 512 MB
 * @param emailBytes email (.eml): 20 GB
 * @param bigDataBytes Avro and Parquet: 8 GB each
 * @param gzipZipBytes a GZIP or ZIP archive's compressed size: 8 GB
 * @param tarBytes a TAR archive's size: 20 GB
 * @param archiveDepth archives nested deeper than this are not expanded: 10
 * @param archiveFiles files extracted from one archive object, nested ones included: 1,000,000
 * @param archiveTotalBytes uncompressed bytes extracted from one archive object: 10 GB
 * @param extractedFileBytes uncompressed bytes of one extracted file: 3 GB
 * @param inMemoryBytes formats that need random access (PDF, Office, Parquet) are read into memory
 *     up to this many bytes; a larger one is not analysed (our limit, not Macie's: we never write
 *     an object or an archive entry to disk)
 * @param perObjectTime how long one object may take before it ends as PARTIAL with
 *     TIME_CUT_OFF_REACHED (Macie: 10 hours; ours defaults to 30 minutes, see {@link #DEFAULT})
 */
public record ExtractionLimits(
    long textBytes,
    long pdfBytes,
    long officeBytes,
    long emailBytes,
    long bigDataBytes,
    long gzipZipBytes,
    long tarBytes,
    int archiveDepth,
    long archiveFiles,
    long archiveTotalBytes,
    long extractedFileBytes,
    long inMemoryBytes,
    Duration perObjectTime) {

  public static final long MB = 1L << 20;
  public static final long GB = 1L << 30;

  /** Macie's per-object time quota. */
  public static final Duration MACIE_TIME_PER_OBJECT = Duration.ofHours(10);

  /**
   * Macie's size and processing quotas, with the in-memory limit and time limit of {@link
   * #DEFAULT}.
   */
  public static final ExtractionLimits MACIE =
      new ExtractionLimits(
          20 * GB,
          1024 * MB,
          512 * MB,
          20 * GB,
          8 * GB,
          8 * GB,
          20 * GB,
          10,
          1_000_000,
          10 * GB,
          3 * GB,
          512 * MB,
          MACIE_TIME_PER_OBJECT);

  /**
   * Macie's quotas, but 30 minutes per object rather than 10 hours: a local scan should not wait 10
   * hours for one wedged parser before it reports the object.
   */
  public static final ExtractionLimits DEFAULT = MACIE.withPerObjectTime(Duration.ofMinutes(30));

  public ExtractionLimits {
    Objects.requireNonNull(perObjectTime, "perObjectTime");
    if (perObjectTime.isNegative() || perObjectTime.isZero()) {
      throw new IllegalArgumentException("perObjectTime must be positive");
    }
    if (archiveDepth < 1 || archiveFiles < 1 || inMemoryBytes < 1) {
      throw new IllegalArgumentException("archive limits must be positive");
    }
  }

  public ExtractionLimits withPerObjectTime(Duration time) {
    return new ExtractionLimits(
        textBytes,
        pdfBytes,
        officeBytes,
        emailBytes,
        bigDataBytes,
        gzipZipBytes,
        tarBytes,
        archiveDepth,
        archiveFiles,
        archiveTotalBytes,
        extractedFileBytes,
        inMemoryBytes,
        time);
  }

  /** The same limits with the archive limits replaced. */
  public ExtractionLimits withArchiveLimits(
      int depth, long files, long totalBytes, long fileBytes) {
    return new ExtractionLimits(
        textBytes,
        pdfBytes,
        officeBytes,
        emailBytes,
        bigDataBytes,
        gzipZipBytes,
        tarBytes,
        depth,
        files,
        totalBytes,
        fileBytes,
        inMemoryBytes,
        perObjectTime);
  }

  /** The same limits with every per-format size quota set to {@code bytes}. */
  public ExtractionLimits withSizeQuotas(long bytes) {
    return new ExtractionLimits(
        bytes,
        bytes,
        bytes,
        bytes,
        bytes,
        bytes,
        bytes,
        archiveDepth,
        archiveFiles,
        archiveTotalBytes,
        extractedFileBytes,
        inMemoryBytes,
        perObjectTime);
  }

  /**
   * The size quota for a format (Macie's size and processing quotas); media has none (it is never
   * read).
   */
  long quota(Format format) {
    switch (format) {
      case PDF:
        return pdfBytes;
      case WORD:
      case EXCEL:
        return officeBytes;
      case EMAIL:
        return emailBytes;
      case AVRO:
      case PARQUET:
        return bigDataBytes;
      case ZIP:
      case GZIP:
        return gzipZipBytes;
      case TAR:
        return tarBytes;
      default:
        return textBytes;
    }
  }
}
