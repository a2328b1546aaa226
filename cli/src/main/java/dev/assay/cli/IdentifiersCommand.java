package dev.assay.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.Locator;
import dev.assay.engine.extract.Extraction;
import dev.assay.engine.extract.ExtractionException;
import dev.assay.engine.extract.ExtractionLimits;
import dev.assay.engine.extract.Segment;
import dev.assay.engine.report.FindingFactory;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.detect.Candidate;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay identifiers}: the managed catalog and a test bench for custom identifiers. */
@Command(
    name = "identifiers",
    mixinStandardHelpOptions = true,
    description = "List managed data identifiers, or test a custom one.",
    subcommands = {IdentifiersCommand.ListCommand.class, IdentifiersCommand.TestCommand.class})
final class IdentifiersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: list or test");
  }

  /** {@code assay identifiers list}: the catalog, as ListManagedDataIdentifiers returns it. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Every managed data identifier, with its category and RECOMMENDED membership (json adds regex and keywords).")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", paramLabel = "FMT", description = "table (default) or json.")
    String format = "table";

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      List<ManagedDataIdentifier> all = ManagedCatalog.all();
      switch (format.toLowerCase(Locale.ROOT)) {
        case "json" -> {
          ObjectNode root = FindingWriter.JSON.createObjectNode();
          ArrayNode items = root.putArray("items");
          for (ManagedDataIdentifier m : all) {
            // Macie's ListManagedDataIdentifiers gives category and id; the rest is Assay's, for
            // identifier authors (and for timing the patterns in other tools).
            ObjectNode item =
                items
                    .addObject()
                    .put("category", m.category().name())
                    .put("id", m.id())
                    .put("recommended", m.recommended());
            item.put("regex", m.criteria().regex())
                .put("keywordRequirement", m.criteria().keywordRequirement().name());
            m.criteria().keywords().forEach(item.putArray("keywords")::add);
          }
          out.println(FindingWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        }
        case "table" -> {
          out.printf("%-50s %-22s %s%n", "ID", "CATEGORY", "RECOMMENDED");
          for (ManagedDataIdentifier m : all) {
            out.printf(
                "%-50s %-22s %s%n", m.id(), m.category().name(), m.recommended() ? "yes" : "no");
          }
          out.printf(
              "%n%d managed data identifiers, %d in RECOMMENDED%n",
              all.size(), all.stream().filter(ManagedDataIdentifier::recommended).count());
        }
        default ->
            throw new UsageException("--format: expected table or json, got '" + format + "'");
      }
      out.flush();
      return ExitCode.OK.code;
    }
  }

  /**
   * {@code assay identifiers test}: Macie's TestCustomDataIdentifier without its 1,000-character
   * limit, over text or files of any supported format.
   */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description =
          "Count a custom data identifier's matches in text or files, as Macie's TestCustomDataIdentifier does.")
  static final class TestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--custom-data-identifier",
        paramLabel = "FILE",
        required = true,
        description = "A CreateCustomDataIdentifier request body (JSON).")
    Path customFile;

    @Option(
        names = "--allow-list",
        paramLabel = "FILE",
        description = "Allow lists to apply. Repeatable.")
    List<Path> allowLists = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
      @Option(names = "--text", paramLabel = "TEXT", description = "The sample text.")
      String text;

      @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to test on.")
      List<Path> files;
    }

    @Option(
        names = "--explain",
        description = "Show every candidate match, where it is and why it counted or not.")
    boolean explain;

    @Override
    public Integer call() throws IOException {
      IdentifierOptions options = new IdentifierOptions();
      options.customFiles = List.of(customFile);
      options.allowListFiles = allowLists;
      List<CustomDataIdentifier> custom = options.loadCustom();
      Detector detector = Detector.of(custom, options.loadAllowLists());
      List<Explained> candidates = new ArrayList<>();
      if (input.text != null) {
        Segment segment = Segment.whole(input.text, Segment.TextAt.START, FieldContext.NONE);
        collect(detector, segment, "--text", candidates);
      } else {
        Extraction extraction = Extraction.forDetector(detector, 1 << 20, ExtractionLimits.DEFAULT);
        for (Path file : input.files) {
          LocalSource source;
          try {
            source = LocalSource.of(file, null);
          } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file or directory");
          }
          List<ScanObject> objects = new ArrayList<>();
          source.enumerate(objects::add);
          for (ScanObject object : objects) {
            if (object.unavailable() != null) {
              throw new UsageException(file + ": " + object.unavailable().message());
            }
            List<Explained> found = new ArrayList<>();
            try {
              extraction.extract(
                  object, s -> collect(detector, s, object.key(), found), found::clear);
            } catch (ExtractionException e) {
              throw new UsageException(file + ": " + e.reason() + ": " + e.getMessage());
            }
            candidates.addAll(found);
          }
        }
      }
      long count = candidates.stream().filter(e -> e.candidate.counted()).count();
      PrintWriter out = spec.commandLine().getOut();
      ObjectNode root = FindingWriter.JSON.createObjectNode();
      root.put("matchCount", count);
      if (explain) {
        ArrayNode list = root.putArray("matches");
        for (Explained e : candidates) {
          Candidate c = e.candidate;
          ObjectNode n = list.addObject();
          n.put("source", e.source);
          n.set("location", FindingWriter.JSON.valueToTree(e.location));
          n.put("counted", c.counted());
          n.put("verdict", c.verdict().name());
          n.put(
              "reason", c.verdict().explanation() + (c.detail() == null ? "" : ": " + c.detail()));
          if (c.keyword() != null) {
            n.put("keyword", c.keyword());
          }
          if (c.keywordDistance() >= 0) {
            n.put("keywordDistance", c.keywordDistance());
          }
          if (c.keywordInField()) {
            n.put("keywordInFieldName", true);
          }
          n.put("matchLength", c.end() - c.start());
        }
        out.println(FindingWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      } else {
        out.println(FindingWriter.JSON.writeValueAsString(root));
      }
      out.flush();
      return ExitCode.OK.code;
    }

    private record Explained(String source, Object location, Candidate candidate) {}

    private static void collect(
        Detector detector, Segment segment, String source, List<Explained> into) {
      List<Candidate> found =
          detector.scan(
              segment.text(), segment.field(), segment.reportFrom(), segment.reportTo(), true);
      for (Candidate c : found) {
        into.add(
            new Explained(
                source,
                FindingFactory.occurrencesOf(
                    List.of(new Locator(segment).locate(c.start(), c.end()))),
                c));
      }
    }
  }
}
