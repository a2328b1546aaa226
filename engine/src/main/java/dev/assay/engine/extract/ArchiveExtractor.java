package dev.assay.engine.extract;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Expands ZIP, TAR and GZIP (so .tar.gz) as a stream, and extracts each file by the format its name
 * and content call for, nested archives included. As in Macie, everything found inside counts
 * toward the archive object (one finding per object); each segment carries the file's {@link
 * EmbeddedFile} so that the discovery results can say which file it came from.
 *
 * <p>Entry names are labels only: nothing is ever written to disk, so a name such as {@code
 * ../../x} cannot escape anywhere. Sizes stated in headers are never trusted: the limits count
 * bytes actually inflated ({@link ExtractionRun#extracted}).
 *
 * <p>Not thread-safe: one per archive being extracted. Does not close the stream it is given.
 */
final class ArchiveExtractor {
  private final Extraction extraction;
  private final ExtractionRun run;

  ArchiveExtractor(Extraction extraction, ExtractionRun run) {
    this.extraction = extraction;
    this.run = run;
  }

  /**
   * Extracts the archive at archive level {@code depth} (1 for the object itself).
   *
   * @throws LimitExceeded when one of Macie's size and processing quotas is reached: the whole
   *     object stops there
   * @throws ExtractionException SKIPPED with MALFORMED_FILE when the archive itself is corrupt or
   *     truncated
   */
  void extract(Format format, InputStream in, String name, SegmentSink sink, int depth)
      throws IOException, ExtractionException {
    if (depth > run.limits.archiveDepth()) {
      throw new LimitExceeded(
          "ARCHIVE_NESTING_LEVEL_OVER_LIMIT",
          "archives nested more than " + run.limits.archiveDepth() + " levels deep");
    }
    try {
      switch (format) {
        case ZIP:
          zip(in, sink, depth);
          break;
        case TAR:
          tar(in, sink, depth);
          break;
        case GZIP:
          gzip(in, name, sink, depth);
          break;
        default:
          throw new IllegalArgumentException(format.toString());
      }
    } catch (LimitExceeded e) {
      throw e;
    } catch (IOException e) {
      LimitExceeded limit = LimitExceeded.in(e);
      if (limit != null) {
        throw limit;
      }
      throw ExtractionException.skipped(
          "MALFORMED_FILE", "corrupt or truncated " + format + " archive: " + e.getMessage(), e);
    }
  }

  private void zip(InputStream in, SegmentSink sink, int depth) throws IOException {
    // No closing: the stream belongs to the caller. Stored entries with data descriptors are read
    // too.
    ZipArchiveInputStream zip =
        new ZipArchiveInputStream(Extraction.nonClosing(in), "UTF-8", true, true);
    ZipArchiveEntry entry;
    while ((entry = nextZipEntry(zip)) != null) {
      if (entry.isDirectory()) {
        continue;
      }
      if (!zip.canReadEntryData(entry)) {
        run.countFile();
        String why =
            entry.getGeneralPurposeBit().usesEncryption()
                ? "encrypted"
                : "unsupported compression method";
        run.unprocessed(entry.getName(), why);
        // Macie does not analyse password-protected files; an unknown compression method is a
        // format it cannot read either.
        run.member(
            new ArchiveMember(
                embedded(run.memberPath(entry.getName()), entry), "SKIPPED", UNSUPPORTED, null, 0));
        continue;
      }
      member(zip, entry.getName(), entry, sink, depth);
    }
  }

  /**
   * The next entry, or null at the end or when the rest cannot be reached: an encrypted entry whose
   * size is only in a data descriptor cannot be skipped without decrypting it.
   */
  private ZipArchiveEntry nextZipEntry(ZipArchiveInputStream zip) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (UnsupportedZipFeatureException e) {
      run.unprocessed("(the rest of the archive)", e.getMessage());
      return null;
    }
  }

  private void tar(InputStream in, SegmentSink sink, int depth) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(Extraction.nonClosing(in));
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      if (!entry.isFile()) {
        continue; // directories, links and devices hold no data of their own
      }
      member(tar, entry.getName(), entry, sink, depth);
    }
  }

  /** A GZIP holds one file: its name is the archive's without .gz (.tgz holds a .tar). */
  private void gzip(InputStream in, String name, SegmentSink sink, int depth) throws IOException {
    GzipCompressorInputStream gzip =
        GzipCompressorInputStream.builder()
            .setInputStream(Extraction.nonClosing(in))
            .setDecompressConcatenated(true)
            .get();
    String lower = name.toLowerCase(Locale.ROOT);
    String inner;
    if (lower.endsWith(".tgz")) {
      inner = name.substring(0, name.length() - 4) + ".tar";
    } else if (lower.endsWith(".gz")) {
      inner = name.substring(0, name.length() - 3);
    } else if (lower.endsWith(".gzip")) {
      inner = name.substring(0, name.length() - 5);
    } else {
      inner = name;
    }
    String stated = gzip.getMetaData().getFileName();
    if (stated != null && !stated.isEmpty() && inner.equals(name)) {
      inner = stated;
    }
    member(gzip, inner, null, sink, depth);
  }

  private void member(
      InputStream archive, String path, ArchiveEntry entry, SegmentSink sink, int depth)
      throws IOException {
    // A GZIP is a compression layer, not a folder: the files of a .tar.gz are named as in the TAR.
    boolean layer = entry == null;
    run.countFile();
    EmbeddedFile file = embedded(path, entry);
    EmbeddedFile recorded = embedded(run.memberPath(path), entry);
    SegmentSink inFile =
        segment -> {
          Segment.Origin origin = segment.origin();
          Segment.Origin wrapped =
              origin instanceof Segment.InFile nested
                  ? (layer ? nested : new Segment.InFile(nested.file().under(path), nested.at()))
                  : new Segment.InFile(file, origin);
          sink.accept(
              new Segment(
                  segment.text(),
                  segment.reportFrom(),
                  segment.reportTo(),
                  wrapped,
                  segment.field()));
        };
    ExtractionRun.MemberBytes counted = run.extracted(archive, path);
    InputStream bytes = new BufferedInputStream(counted, 65536);
    FormatDetector.Detected detected;
    try {
      detected = Extraction.detect(bytes, file.fileExtension());
    } catch (LimitExceeded e) {
      run.member(new ArchiveMember(recorded, "PARTIAL", e.reason(), null, counted.count()));
      throw e;
    }
    if (detected.format() == Format.MEDIA) {
      run.unprocessed(path, "unsupported file type " + detected.mimeType());
      run.member(new ArchiveMember(recorded, "SKIPPED", UNSUPPORTED, detected.mimeType(), 0));
      return;
    }
    // A nested archive has no record of its own: each of its files has one (Macie's sensitive data
    // discovery results).
    boolean nested = Extraction.isArchive(detected.format());
    String outer = nested ? run.enterArchive(layer ? "" : path + "/") : null;
    try {
      String type =
          extraction.extractAs(
              detected, bytes, fileName(path), inFile, nested ? depth + 1 : depth, run);
      if (!nested) {
        run.member(
            new ArchiveMember(
                withSize(recorded, bytes, counted), "COMPLETE", null, type, counted.count()));
      }
    } catch (CancellationException e) {
      throw e;
    } catch (ExtractionException e) {
      rethrowLimit(e, nested, recorded, detected, counted);
      run.unprocessed(path, e.reason() + " " + e.getMessage());
      run.member(
          new ArchiveMember(recorded, "SKIPPED", e.reason(), detected.mimeType(), counted.count()));
    } catch (JsonExtractor.MalformedJson e) {
      run.unprocessed(path, "UNABLE_TO_PARSE_FILE " + e.getMessage());
      run.member(
          new ArchiveMember(
              recorded, "SKIPPED", "UNABLE_TO_PARSE_FILE", detected.mimeType(), counted.count()));
    } catch (IOException | RuntimeException e) {
      rethrowLimit(e, nested, recorded, detected, counted);
      if (e instanceof IOException io && isArchiveStreamFailure(io)) {
        throw io;
      }
      // A parser failing on one file does not end the archive: the file is reported unprocessed.
      run.unprocessed(path, "cannot analyse: " + e);
      run.member(
          new ArchiveMember(
              recorded, "SKIPPED", "MALFORMED_FILE", detected.mimeType(), counted.count()));
    } finally {
      if (nested) {
        run.leaveArchive(outer);
      }
    }
  }

  /** Macie's reason for a file type it does not analyse. */
  private static final String UNSUPPORTED = "UNSUPPORTED_FILE_TYPE_EXCEPTION";

  private static EmbeddedFile embedded(String path, ArchiveEntry entry) {
    Instant modified = null;
    long size = -1;
    if (entry != null) {
      size = entry.getSize();
      Date date = entry.getLastModifiedDate();
      modified = date == null ? null : date.toInstant();
    }
    return new EmbeddedFile(path, EmbeddedFile.extensionOf(path), size, modified);
  }

  /**
   * The file with its size once read, when its header did not state one (a ZIP entry with a data
   * descriptor): the bytes read, if the parser read them all.
   */
  private static EmbeddedFile withSize(
      EmbeddedFile file, InputStream bytes, ExtractionRun.MemberBytes counted) throws IOException {
    if (file.fileSize() >= 0 || bytes.read() >= 0) {
      return file;
    }
    return new EmbeddedFile(
        file.filePath(), file.fileExtension(), counted.count(), file.fileLastModified());
  }

  /**
   * Rethrows an archive limit reached inside a member; the file it stopped in gets a PARTIAL record
   * (the archive's own record carries the limit too). A nested archive's files have recorded
   * themselves.
   */
  private void rethrowLimit(
      Throwable e,
      boolean nested,
      EmbeddedFile recorded,
      FormatDetector.Detected detected,
      ExtractionRun.MemberBytes counted)
      throws LimitExceeded {
    LimitExceeded limit = LimitExceeded.in(e);
    if (limit != null) {
      if (!nested) {
        run.member(
            new ArchiveMember(
                recorded, "PARTIAL", limit.reason(), detected.mimeType(), counted.count()));
      }
      throw limit;
    }
  }

  /** Truncated or corrupt compressed data: the archive, not the file in it, is broken. */
  private static boolean isArchiveStreamFailure(IOException e) {
    return e instanceof EOFException || e instanceof ZipException;
  }

  private static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
