package dev.assay.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.extract.Extraction;
import dev.assay.engine.extract.ExtractionException;
import dev.assay.engine.extract.ExtractionLimits;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.detect.TextBatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assay bench}: how fast each identifier is on a corpus, so that identifier authors find a
 * slow regex before Macie does. The corpus is extracted once into memory (up to a limit); then each
 * identifier is timed alone over all of it (prefilter included, as the scanner runs it), all of
 * them together, and all of them over each format's text (by file extension: CSV cells, JSON
 * values, log lines cost differently). Short whole texts (cells, values) are scanned in batches, as
 * the scanner scans them. Times are the best of {@code --repeat} runs on one thread, detection
 * alone: extraction and output are not in them ({@code benchmarks/perf.sh} times a scan end to
 * end).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure each identifier's matches and throughput on a corpus (default: generated text).",
    sortOptions = false)
final class BenchCommand implements Callable<Integer> {
  /**
   * Text held in memory at most, in chars; the rest of a large corpus is left out (and said so).
   */
  static final long MAX_CHARS = 256L << 20;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "TARGET",
      arity = "0..*",
      description = "Files or directories; default: generated text.")
  List<Path> targets = new ArrayList<>();

  @Mixin IdentifierOptions identifierOptions = new IdentifierOptions();

  @Option(
      names = "--synthetic-mb",
      paramLabel = "MB",
      description = "Size of the generated text when no TARGET is given (default 16).")
  int syntheticMb = 16;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      description = "Timed runs per identifier; the best counts (default 3).")
  int repeat = 3;

  @Option(names = "--format", paramLabel = "FMT", description = "table (default) or json.")
  String format = "table";

  /**
   * Whole texts up to this many chars are batched, and a batch is scanned at this many, as the
   * scanner does.
   */
  private static final int BATCHED_CHARS = 4096;

  private static final int BATCH_CHARS = 64 * 1024;

  private record Text(String text, int from, int to, FieldContext field, String format) {}

  private record Timing(DataIdentifier identifier, long matches, double seconds) {}

  /** What one format's objects held: their count, file bytes, and text chars. */
  private static final class FormatShare {
    long objects;
    long bytes;
    long chars;
  }

  private final Map<String, FormatShare> formats = new TreeMap<>();

  @Override
  public Integer call() throws IOException {
    if (repeat < 1) {
      throw new UsageException("--repeat: must be at least 1");
    }
    if (!format.equals("table") && !format.equals("json")) {
      throw new UsageException("--format: expected table or json, got '" + format + "'");
    }
    List<DataIdentifier> identifiers = identifierOptions.identifiers();
    List<AllowList> allowLists = identifierOptions.loadAllowLists();
    Detector all = Detector.of(identifiers, allowLists);
    List<Text> corpus = targets.isEmpty() ? synthetic(syntheticMb) : extract(all);
    long chars = corpus.stream().mapToLong(t -> t.to - t.from).sum();

    time(all, corpus); // warm up the JIT on everything first
    List<Timing> timings = new ArrayList<>();
    for (DataIdentifier id : identifiers) {
      Detector one = Detector.of(List.of(id), allowLists);
      timings.add(best(id, one, corpus));
    }
    Timing overall = best(null, all, corpus);
    if (targets.isEmpty()) {
      FormatShare generated = new FormatShare();
      generated.chars = chars;
      generated.bytes = chars; // ASCII
      formats.put("generated", generated);
    }
    Map<String, Timing> byFormat = new LinkedHashMap<>();
    for (Map.Entry<String, FormatShare> f : formats.entrySet()) {
      if (f.getValue().chars == 0) {
        continue; // no text (an image, or past the limit): nothing to time
      }
      List<Text> ofFormat = corpus.stream().filter(t -> t.format.equals(f.getKey())).toList();
      byFormat.put(f.getKey(), best(null, all, ofFormat));
    }
    double sum = timings.stream().mapToDouble(Timing::seconds).sum();
    timings.sort(Comparator.comparingDouble(Timing::seconds).reversed());

    PrintWriter out = spec.commandLine().getOut();
    double mb = chars / 1e6;
    if (format.equals("json")) {
      ObjectNode root = FindingWriter.JSON.createObjectNode();
      root.put("textMegabytes", round(mb));
      ObjectNode o = root.putObject("overall");
      o.put("matches", overall.matches())
          .put("seconds", round(overall.seconds()))
          .put("mbPerSecond", round(mb / overall.seconds()));
      ArrayNode perFormat = root.putArray("formats");
      for (Map.Entry<String, Timing> f : byFormat.entrySet()) {
        FormatShare share = formats.get(f.getKey());
        double seconds = f.getValue().seconds();
        perFormat
            .addObject()
            .put("format", f.getKey())
            .put("objects", share.objects)
            .put("fileMegabytes", round(share.bytes / 1e6))
            .put("textMegabytes", round(share.chars / 1e6))
            .put("matches", f.getValue().matches())
            .put("seconds", round(seconds))
            .put("fileMbPerSecond", round(share.bytes / 1e6 / seconds))
            .put("textMbPerSecond", round(share.chars / 1e6 / seconds));
      }
      ArrayNode items = root.putArray("identifiers");
      for (Timing t : timings) {
        items
            .addObject()
            .put("id", t.identifier().id())
            .put("name", t.identifier().name())
            .put("category", t.identifier().category().name())
            .put("matches", t.matches())
            .put("seconds", round(t.seconds()))
            .put("mbPerSecond", round(mb / t.seconds()))
            .put("shareOfTime", round(t.seconds() / sum));
      }
      out.println(FindingWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.printf(Locale.ROOT, "%-44s %9s %10s %7s%n", "IDENTIFIER", "MATCHES", "MB/s", "TIME");
      for (Timing t : timings) {
        String name =
            t.identifier().name().equals(t.identifier().id())
                ? t.identifier().id()
                : t.identifier().name() + " (custom)";
        out.printf(
            Locale.ROOT,
            "%-44s %9d %10.1f %6.1f%%%n",
            fit(name, 44),
            t.matches(),
            mb / t.seconds(),
            100 * t.seconds() / sum);
      }
      out.printf(
          Locale.ROOT,
          "%nall %d identifiers together: %d matches, %.1f MB/s on %.1f MB of text (one thread)%n",
          identifiers.size(),
          overall.matches(),
          mb / overall.seconds(),
          mb);
      out.printf(
          Locale.ROOT,
          "%n%-12s %8s %9s %9s %9s %11s %11s%n",
          "FORMAT",
          "OBJECTS",
          "FILE MB",
          "TEXT MB",
          "MATCHES",
          "FILE MB/s",
          "TEXT MB/s");
      for (Map.Entry<String, Timing> f : byFormat.entrySet()) {
        FormatShare share = formats.get(f.getKey());
        double seconds = f.getValue().seconds();
        out.printf(
            Locale.ROOT,
            "%-12s %8d %9.1f %9.1f %9d %11.1f %11.1f%n",
            fit(f.getKey(), 12),
            share.objects,
            share.bytes / 1e6,
            share.chars / 1e6,
            f.getValue().matches(),
            share.bytes / 1e6 / seconds,
            share.chars / 1e6 / seconds);
      }
    }
    out.flush();
    return ExitCode.OK.code;
  }

  private Timing best(DataIdentifier id, Detector detector, List<Text> corpus) {
    double best = Double.MAX_VALUE;
    long matches = 0;
    for (int i = 0; i < repeat; i++) {
      long start = System.nanoTime();
      matches = time(detector, corpus);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return new Timing(id, matches, Math.max(best, 1e-9));
  }

  private static long time(Detector detector, List<Text> corpus) {
    long[] matches = new long[1];
    TextBatch batch = new TextBatch();
    for (Text t : corpus) {
      if (t.from == 0 && t.to == t.text.length() && t.text.length() <= BATCHED_CHARS) {
        batch.add(t.text, t.field);
        if (batch.chars() >= BATCH_CHARS) {
          detector.scan(batch, (i, c) -> matches[0]++);
          batch.clear();
        }
      } else {
        matches[0] += detector.scan(t.text, t.field, t.from, t.to, false).size();
      }
    }
    if (batch.size() > 0) {
      detector.scan(batch, (i, c) -> matches[0]++);
    }
    return matches[0];
  }

  /**
   * The format an object is counted under: its extension, lower case ({@code gz} looks past to the
   * inner one).
   */
  static String formatOf(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz") && name.length() > 3) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1 ? "(none)" : name.substring(dot + 1);
  }

  private List<Text> extract(Detector detector) throws IOException {
    Extraction extraction = Extraction.forDetector(detector, 1 << 20, ExtractionLimits.DEFAULT);
    List<Text> out = new ArrayList<>();
    long[] held = new long[1];
    PrintWriter err = spec.commandLine().getErr();
    for (Path target : targets) {
      List<ScanObject> objects = new ArrayList<>();
      try {
        LocalSource.of(target, null).enumerate(objects::add);
      } catch (NoSuchFileException e) {
        throw new UsageException(target + ": no such file or directory");
      }
      for (ScanObject object : objects) {
        if (object.unavailable() != null || held[0] >= MAX_CHARS) {
          continue;
        }
        String format = formatOf(object.key());
        FormatShare share = formats.computeIfAbsent(format, f -> new FormatShare());
        share.objects++;
        share.bytes += object.size();
        try {
          extraction.extract(
              object,
              s -> {
                if (held[0] < MAX_CHARS) {
                  out.add(
                      new Text(
                          s.text().toString(), s.reportFrom(), s.reportTo(), s.field(), format));
                  held[0] += s.text().length();
                  share.chars += s.reportTo() - s.reportFrom();
                }
              },
              () -> {});
        } catch (ExtractionException e) {
          err.println("assay bench: " + object.key() + ": skipped: " + e.reason());
        }
      }
    }
    if (held[0] >= MAX_CHARS) {
      err.println("assay bench: the corpus was cut at " + (MAX_CHARS >> 20) + " Mi chars of text");
    }
    return out;
  }

  /** Log-like text with a few planted values, made the same way every time. */
  static List<Text> synthetic(int megabytes) {
    Random random = new Random(42);
    String[] words =
        "the of and to in is that for it as was with be by on not this are or from at which but have an they you were her she there been one all we their has would when if so out up what said about time some into could them other than then now only its over also after like new first two way even because many where most people through well year back"
            .split(" ");
    String[] planted = {
      "ssn=512-23-4411",
      "card 4556 7375 8689 9855",
      "aws_secret_access_key=Tn4pW7qZ2xR9vB6mK1cL8dF3hJ5sG0aY2uE4iO6w",
      "IBAN DE89 3704 0044 0532 0130 00",
      "phone +1 206 555 0147",
      "passport number 123456789",
      "dob 1985-03-14"
    };
    List<Text> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    long target = (long) megabytes << 20;
    long total = 0;
    while (total < target) {
      sb.setLength(0);
      while (sb.length() < (1 << 20)) {
        sb.append("2024-06-")
            .append(10 + random.nextInt(20))
            .append("T12:")
            .append(10 + random.nextInt(50))
            .append(":00Z INFO request_id=")
            .append(Integer.toHexString(random.nextInt()))
            .append(' ');
        for (int w = 4 + random.nextInt(10); w > 0; w--) {
          sb.append(words[random.nextInt(words.length)]).append(' ');
        }
        if (random.nextInt(50) == 0) {
          sb.append(planted[random.nextInt(planted.length)]).append(" ");
        }
        sb.append(random.nextInt(100_000)).append('\n');
      }
      String text = sb.toString();
      out.add(new Text(text, 0, text.length(), FieldContext.NONE, "generated"));
      total += text.length();
    }
    return out;
  }

  private static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
