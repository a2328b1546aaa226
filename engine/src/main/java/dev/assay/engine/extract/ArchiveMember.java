package dev.assay.engine.extract;

/**
 * What became of one file extracted from an archive: the per-file part of Macie's sensitive data
 * discovery results, where each extracted file has a record of its own with {@code
 * embeddedFileDetails} (Macie's sensitive data discovery results). Nested archives have no record
 * of their own, only their files do, unless the nested archive itself could not be read.
 *
 * @param file the file, its path from the outermost archive
 * @param statusCode {@code COMPLETE}, {@code PARTIAL} (an archive limit stopped it mid-way) or
 *     {@code SKIPPED}
 * @param statusReason Macie's reason, null when COMPLETE
 * @param mimeType the detected MIME type, or null
 * @param sizeClassified uncompressed bytes of the file read and analysed
 */
public record ArchiveMember(
    EmbeddedFile file,
    String statusCode,
    String statusReason,
    String mimeType,
    long sizeClassified) {
  /**
   * Files of one archive object given a record of their own. Macie allows 1,000,000 files in an
   * archive; keeping a record of each until the object is reported would let one archive fill the
   * heap, so files past this many are analysed and counted toward the archive as usual but get no
   * record of their own.
   */
  public static final int MAX_RECORDS_PER_ARCHIVE = 10_000;
}
