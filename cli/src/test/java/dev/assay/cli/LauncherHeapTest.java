package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options the {@code ./assay} launcher runs with, read from the script itself (run with a
 * {@code java} on the PATH that only records its arguments), must let the heap grow with what a
 * scan keeps: the findings of every object, held until the report is written.
 *
 * <p>Regression: the launcher once fixed every generation's size ({@code
 * -XX:-UseAdaptiveSizePolicy}). Once the findings outgrew the old generation's initial size (a
 * quarter of a GB here; about 25,000 objects with findings), every promotion took a full
 * collection: a 16 GB scan of 65,536 files ran for minutes on end in the collector. The workload
 * below keeps 400 MB; with those options it took thousands of full collections.
 */
class LauncherHeapTest {

  private static final Path SCRIPT = Path.of("..", "assay").toAbsolutePath().normalize();

  @Test
  void theHeapGrowsWithWhatAScanKeeps(@TempDir Path dir) throws Exception {
    List<String> options = launcherOptions(dir, null);
    assertThat(options).contains("-XX:+UseParallelGC");
    Path gcLog = dir.resolve("gc.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-Xlog:gc:file=" + gcLog);
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), KeepingWorkload.class.getName(), "400"));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.log").toFile())
            .start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly().waitFor();
    }
    long fullCollections =
        Files.readAllLines(gcLog).stream().filter(l -> l.contains("Pause Full")).count();
    assertThat(done)
        .as(
            "the workload finished within two minutes (%d full collections so far)",
            fullCollections)
        .isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.log"))).isZero();
    // Growing the old generation takes a full collection now and then, not one per promotion.
    assertThat(fullCollections).isLessThan(20);
  }

  @Test
  void inliningIsShallowUnlessTheUserSaysOtherwise(@TempDir Path dir) throws Exception {
    // Deep inlining kept C2 busy for most of a mixed-format scan; the launcher trims it, and the
    // user's own options come after so that they win.
    assertThat(launcherOptions(dir.resolve("a"), null))
        .contains("-XX:FreqInlineSize=100", "-XX:MaxInlineLevel=4");
    List<String> overridden = launcherOptions(dir.resolve("b"), "-XX:MaxInlineLevel=15");
    assertThat(overridden.lastIndexOf("-XX:MaxInlineLevel=15"))
        .isGreaterThan(overridden.indexOf("-XX:MaxInlineLevel=4"));
  }

  @Test
  void aHeapSizedByTheUserIsLeftAlone(@TempDir Path dir) throws Exception {
    List<String> options = launcherOptions(dir, "-Xmx256m");
    assertThat(options).contains("-Xmx256m").noneMatch(o -> o.startsWith("-Xmn"));
  }

  /**
   * The JVM options {@code ./assay} passes before {@code -jar}, without those of class-data
   * sharing, as it runs with {@code ASSAY_JAVA_OPTS} set to {@code javaOpts} (unset when null).
   */
  private static List<String> launcherOptions(Path dir, String javaOpts)
      throws IOException, InterruptedException {
    List<String> options = new ArrayList<>();
    for (String arg : launcherArgs(dir, javaOpts, "--version")) {
      if (arg.equals("-jar")) {
        break;
      }
      if (!arg.startsWith("-XX:SharedArchiveFile")
          && !arg.startsWith("-XX:ArchiveClassesAtExit")
          && !arg.startsWith("-Xshare")
          && !arg.startsWith("-Xlog")) {
        options.add(arg);
      }
    }
    return options;
  }

  @Test
  void serveRecordsNoClassArchiveThatScansWouldThenMap(@TempDir Path dir) throws Exception {
    assertThat(launcherArgs(dir.resolve("a"), null, "scan", "x"))
        .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
    assertThat(launcherArgs(dir.resolve("b"), null, "serve", "--port", "0"))
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
  }

  @Test
  void theClassArchiveIsRecordedFromTheTrainingSet_beforeTheFirstCommand(@TempDir Path dir)
      throws Exception {
    Path training = dir.resolve("root/cli/src/cds/training");
    Files.createDirectories(training);
    launcherArgs(dir, null, "scan", "x");
    List<String> calls = Files.readAllLines(dir.resolve("calls.txt"));
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0))
        .contains("-XX:ArchiveClassesAtExit=")
        .contains("scan " + training + " --managed-data-identifier-selector ALL");
    assertThat(calls.get(1)).endsWith("scan x");
  }

  /** Every argument {@code ./assay COMMAND...} passes to java. */
  private static List<String> launcherArgs(Path dir, String javaOpts, String... command)
      throws IOException, InterruptedException {
    assumeTrue(Files.isRegularFile(SCRIPT), "the launcher script is not at " + SCRIPT);
    assumeTrue(CliRun.installed("bash", "-c", "true"), "bash is not installed");
    // A copy of the launcher in a tree of its own, whose jar is present and newer than any source
    // (there are none), so that it builds nothing and goes straight to starting java.
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("cli/target"));
    Files.copy(SCRIPT, root.resolve("assay"));
    Files.write(root.resolve("cli/target/assay.jar"), new byte[0]);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path args = dir.resolve("args.txt");
    Path fakeJava = bin.resolve("java");
    Files.writeString(
        fakeJava,
        "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '"
            + args
            + "'\necho \"$*\" >> '"
            + dir.resolve("calls.txt")
            + "'\n");
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("assay").toString()));
    cmd.addAll(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    if (javaOpts == null) {
      pb.environment().remove("ASSAY_JAVA_OPTS");
    } else {
      pb.environment().put("ASSAY_JAVA_OPTS", javaOpts);
    }
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return Files.readAllLines(args);
  }

  /**
   * Keeps {@code args[0]} MB in small arrays, as a scan keeps findings, making ten times as much
   * garbage.
   */
  public static final class KeepingWorkload {
    public static void main(String[] args) {
      int megabytes = Integer.parseInt(args[0]);
      List<long[]> kept = new ArrayList<>();
      long garbage = 0;
      for (int i = 0; i < megabytes * 1024; i++) {
        kept.add(new long[120]); // about 1 KB
        for (int k = 0; k < 10; k++) {
          garbage += new long[120].length;
        }
      }
      System.out.println(kept.size() + " kept, " + garbage + " longs of garbage");
    }
  }
}
