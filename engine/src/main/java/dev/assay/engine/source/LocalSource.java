package dev.assay.engine.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * A local file or directory tree, reported as a bucket: the bucket name is the root directory's own
 * name (or the name given), and each file's key is its path below the root with {@code /}
 * separators. A single file is reported in a bucket named after its parent directory.
 *
 * <p>Symbolic links are followed; a link that loops back into the tree, or a directory that cannot
 * be read, is reported as an unavailable object rather than left out. Thread-safe: enumeration
 * keeps no state between calls.
 */
public final class LocalSource implements ObjectSource {
  private final Path target;
  private final String bucket;
  private final boolean singleFile;

  private LocalSource(Path target, String bucket, boolean singleFile) {
    this.target = target;
    this.bucket = bucket;
    this.singleFile = singleFile;
  }

  /**
   * @param target a file or a directory
   * @param bucketName the bucket name to report, or null for the directory's own name
   * @throws NoSuchFileException when {@code target} does not exist
   */
  public static LocalSource of(Path target, String bucketName) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (!Files.exists(absolute)) {
      throw new NoSuchFileException(target.toString(), null, "no such file or directory");
    }
    boolean file = !Files.isDirectory(absolute);
    Path named = file ? absolute.getParent() : absolute;
    String name =
        bucketName != null
            ? bucketName
            : (named == null || named.getFileName() == null
                ? "local"
                : named.getFileName().toString());
    return new LocalSource(absolute, name, file);
  }

  /**
   * A bucket export: each subdirectory of {@code root} is a bucket of that name (the layout {@code
   * aws s3 sync s3://b ./export/b} leaves), with keys relative to it. Files directly under the root
   * belong to no bucket and are not listed.
   *
   * @return the bucket names, sorted
   * @throws NoSuchFileException when {@code root} is not a directory
   */
  public static List<String> exportBuckets(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString(), null, "not a directory");
    }
    List<String> names = new ArrayList<>();
    try (var entries = Files.list(root)) {
      // A bucket name never starts with a dot: hidden directories (.git, .aws) are not buckets.
      entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .forEach(names::add);
    }
    names.sort(null);
    return names;
  }

  /** The directory keys are relative to: the target directory, or a single file's directory. */
  @Override
  public Path localRoot() {
    return singleFile ? target.getParent() : target;
  }

  public String bucket() {
    return bucket;
  }

  @Override
  public String describe() {
    return target.toString();
  }

  @Override
  public void enumerate(Consumer<ScanObject> sink) throws IOException {
    enumerate(sink, (objects, bytes) -> {});
  }

  @Override
  public void enumerate(Consumer<ScanObject> sink, Totals totals) throws IOException {
    if (singleFile) {
      ScanObject object = object(target, target.getFileName().toString());
      totals.announce(1, Math.max(0, object.size()));
      sink.accept(object);
      return;
    }
    List<Path> files = new ArrayList<>();
    List<ScanObject> problems = new ArrayList<>();
    Files.walkFileTree(
        target,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              files.add(file);
            } else if (attrs.isSymbolicLink()) {
              problems.add(
                  unavailable(file, "SOURCE_OBJECT_NO_LONGER_AVAILABLE", "broken symbolic link"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            String reason;
            String message;
            if (e instanceof FileSystemLoopException) {
              reason = "UNSUPPORTED_FILE_TYPE_EXCEPTION";
              message = "symbolic link loop; not followed";
            } else if (e instanceof AccessDeniedException) {
              reason = "PERMISSION_DENIED";
              message = "permission denied";
            } else if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
              reason = "SOURCE_OBJECT_NO_LONGER_AVAILABLE";
              message = "broken symbolic link";
            } else {
              reason = "PERMISSION_DENIED";
              message = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            problems.add(unavailable(file, reason, message));
            return FileVisitResult.CONTINUE;
          }
        });
    List<ScanObject> objects = new ArrayList<>(files.size() + problems.size());
    for (Path file : files) {
      objects.add(object(file, keyOf(file)));
    }
    objects.addAll(problems);
    objects.sort((a, b) -> a.key().compareTo(b.key()));
    totals.announce(objects.size(), objects.stream().mapToLong(o -> Math.max(0, o.size())).sum());
    objects.forEach(sink);
  }

  private String keyOf(Path file) {
    Path relative = target.relativize(file);
    StringBuilder key = new StringBuilder();
    for (Path part : relative) {
      if (key.length() > 0) {
        key.append('/');
      }
      key.append(part);
    }
    return key.toString();
  }

  private ScanObject unavailable(Path file, String reason, String message) {
    return new ScanObject(
        bucket,
        keyOf(file),
        -1,
        null,
        null,
        null,
        new ScanObject.Unavailable("SKIPPED", reason, message));
  }

  private ScanObject object(Path file, String key) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      if (!Files.isReadable(file)) {
        return new ScanObject(
            bucket,
            key,
            attrs.size(),
            attrs.lastModifiedTime().toInstant(),
            null,
            null,
            new ScanObject.Unavailable("SKIPPED", "PERMISSION_DENIED", "permission denied"));
      }
      return new ScanObject(
          bucket,
          key,
          attrs.size(),
          attrs.lastModifiedTime().toInstant(),
          null,
          () -> Files.newInputStream(file),
          null);
    } catch (IOException e) {
      boolean link = Files.isSymbolicLink(file) && !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
      return new ScanObject(
          bucket,
          key,
          -1,
          null,
          null,
          null,
          new ScanObject.Unavailable(
              "SKIPPED",
              link ? "SOURCE_OBJECT_NO_LONGER_AVAILABLE" : "PERMISSION_DENIED",
              e.getMessage()));
    }
  }
}
