package dev.assay.engine.extract;

import java.time.Instant;

/**
 * A file extracted from an archive, as Macie's discovery results describe it in {@code
 * resourcesAffected.s3Object.embeddedFileDetails} (Macie's sensitive data discovery results).
 * Macie's finding for the archive has no per-file location; the discovery result of each extracted
 * file does.
 *
 * @param filePath the path inside the archive object, nested archives joined with {@code /} (e.g.
 *     {@code inner.zip/dir/notes.txt}); the name as the archive states it, never used as a path on
 *     disk
 * @param fileExtension the extension without its dot, empty when none
 * @param fileSize the uncompressed size the archive states, or -1 when it does not
 * @param fileLastModified the modification time the archive states, or null
 */
public record EmbeddedFile(
    String filePath, String fileExtension, long fileSize, Instant fileLastModified) {

  static String extensionOf(String path) {
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
  }

  /** This file as seen from the archive that holds {@code parent}. */
  EmbeddedFile under(String parent) {
    return new EmbeddedFile(parent + "/" + filePath, fileExtension, fileSize, fileLastModified);
  }
}
