package dev.assay.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.Detection;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.Scanner;
import dev.assay.engine.source.LocalSource;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the real engine over the labelled corpus and scores it: every sample is written as a file,
 * the directory is scanned by the {@link Scanner} with every managed identifier (selector ALL), and
 * each object's detections are compared with its labels. Stateless.
 */
public final class Evaluation {
  private Evaluation() {}

  /** The outcome: the scorecard, plus the samples that did not come out as labelled. */
  public record Result(Scorecard scorecard, List<String> mismatches) {}

  public static Result run(Corpus corpus, Path workDir) throws IOException {
    Path dir = workDir.resolve("corpus");
    corpus.materialize(dir);
    Detector detector = Detector.of(ManagedCatalog.all(), List.of());
    Map<String, Map<String, Long>> found = new HashMap<>();
    List<String> problems = new ArrayList<>();
    Scanner.builder(detector)
        .build()
        .scan(
            List.of(LocalSource.of(dir, "corpus")),
            (ObjectResult r) -> {
              String name = r.object().key();
              String id = name.substring(0, name.lastIndexOf('.'));
              if (r.hasProblem()) {
                problems.add(
                    id + ": " + r.statusCode() + " " + r.statusReason() + " " + r.problem());
              }
              Map<String, Long> counts = new HashMap<>();
              for (Detection d : r.detections()) {
                counts.put(d.identifier().id(), d.count());
              }
              found.put(id, counts);
            });
    Scorecard card = new Scorecard();
    List<String> mismatches = new ArrayList<>(problems);
    Set<String> catalog = new HashSet<>();
    for (ManagedDataIdentifier m : ManagedCatalog.all()) {
      catalog.add(m.id());
    }
    for (LabelledSample s : corpus.samples()) {
      Map<String, Long> got = found.getOrDefault(s.id(), Map.of());
      String subject = subjectOf(s.id());
      if (catalog.contains(subject)) {
        if (s.expect().getOrDefault(subject, 0) > 0) {
          card.score(subject).positiveSamples++;
        } else {
          card.score(subject).negativeSamples++;
        }
      }
      Set<String> ids = new HashSet<>(s.expect().keySet());
      ids.addAll(got.keySet());
      for (String id : ids) {
        long expected = s.expect().getOrDefault(id, 0);
        long actual = got.getOrDefault(id, 0L);
        Scorecard.Score score = card.score(id);
        score.truePositives += Math.min(expected, actual);
        score.falsePositives += Math.max(0, actual - expected);
        score.falseNegatives += Math.max(0, expected - actual);
        if (expected != actual) {
          mismatches.add(s.id() + ": " + id + " expected " + expected + ", found " + actual);
        }
      }
    }
    return new Result(card, mismatches);
  }

  /** The identifier a sample is about: its id up to the last {@code -}. */
  static String subjectOf(String sampleId) {
    int dash = sampleId.lastIndexOf('-');
    return dash < 0 ? sampleId : sampleId.substring(0, dash);
  }

  /**
   * Prints the scorecard: {@code [--format table|json] [--corpus DIR]}. Mismatches go to standard
   * error.
   */
  public static void main(String[] args) throws IOException {
    String format = "table";
    Path dir = Path.of("corpus/labelled");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--format") && i + 1 < args.length) {
        format = args[++i];
      } else if (args[i].equals("--corpus") && i + 1 < args.length) {
        dir = Path.of(args[++i]);
      }
    }
    if (!Files.isDirectory(dir) && Files.isDirectory(Path.of("labelled"))) {
      dir = Path.of("labelled");
    }
    Path work = Files.createTempDirectory("assay-corpus");
    Result result = run(Corpus.load(dir), work);
    result.mismatches().forEach(System.err::println);
    if (format.equals("json")) {
      ObjectMapper mapper = new ObjectMapper();
      System.out.println(
          mapper
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(result.scorecard().toJson(mapper)));
    } else {
      System.out.print(result.scorecard().toTable());
    }
  }
}
