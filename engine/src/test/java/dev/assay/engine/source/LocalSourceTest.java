package dev.assay.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSourceTest {
  @TempDir Path dir;

  private List<ScanObject> list(Path target, String bucket) throws IOException {
    List<ScanObject> out = new ArrayList<>();
    LocalSource.of(target, bucket).enumerate(out::add);
    return out;
  }

  @Test
  void directory_isABucket_keysAreRelativeWithSlashes() throws IOException {
    Path root = Files.createDirectories(dir.resolve("my-bucket"));
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/c.txt"), "x");
    Files.writeString(root.resolve("top"), "y");
    List<ScanObject> objects = list(root, null);
    assertThat(objects).extracting(ScanObject::bucket).containsOnly("my-bucket");
    assertThat(objects).extracting(ScanObject::key).containsExactly("a/b/c.txt", "top");
    assertThat(objects.get(0).extension()).isEqualTo("txt");
    assertThat(objects.get(1).extension()).isEmpty();
    assertThat(list(root, "other")).extracting(ScanObject::bucket).containsOnly("other");
  }

  @Test
  void singleFile_isInABucketNamedAfterItsDirectory() throws IOException {
    Path file =
        Files.writeString(Files.createDirectories(dir.resolve("exports")).resolve(".env"), "x");
    assertThat(list(file, null))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.bucket()).isEqualTo("exports");
              assertThat(o.key()).isEqualTo(".env");
              assertThat(o.extension()).isEmpty();
              assertThat(o.size()).isEqualTo(1);
            });
  }

  @Test
  void symlinkLoop_isReportedNotFollowedForever() throws IOException {
    Path root = Files.createDirectories(dir.resolve("loop"));
    Files.writeString(root.resolve("f.txt"), "x");
    Files.createSymbolicLink(root.resolve("back"), root);
    Files.createSymbolicLink(root.resolve("dangling"), root.resolve("missing"));
    List<ScanObject> objects = list(root, null);
    assertThat(objects)
        .filteredOn(o -> o.unavailable() == null)
        .extracting(ScanObject::key)
        .containsExactly("f.txt");
    assertThat(objects)
        .filteredOn(o -> o.unavailable() != null)
        .extracting(ScanObject::key)
        .contains("back", "dangling");
  }

  @Test
  void missingTarget_isAnError() {
    assertThatThrownBy(() -> LocalSource.of(dir.resolve("nope"), null))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void export_subdirectoriesAreBuckets_hiddenOnesAndLooseFilesAreNot() throws IOException {
    Path root = Files.createDirectories(dir.resolve("export"));
    Files.createDirectories(root.resolve("acme-b/docs"));
    Files.createDirectories(root.resolve("acme-a"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("acme-b/docs/x.txt"), "x");
    Files.writeString(root.resolve("loose.txt"), "y");
    assertThat(LocalSource.exportBuckets(root)).containsExactly("acme-a", "acme-b");
    assertThat(list(root.resolve("acme-b"), "acme-b"))
        .extracting(ScanObject::key)
        .containsExactly("docs/x.txt");
    assertThatThrownBy(() -> LocalSource.exportBuckets(root.resolve("loose.txt")))
        .isInstanceOf(NoSuchFileException.class);
  }
}
