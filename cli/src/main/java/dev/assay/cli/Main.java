package dev.assay.cli;

import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code assay} command. The only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    configureLogging(args);
    if (args.length > 0 && !args[0].startsWith("-")) {
      buildCatalogMeanwhile();
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line with the given streams and returns the exit status, without exiting: for
   * embedding {@code assay} in another JVM program. The streams stay open.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return Cli.newCommandLine(out, err, args).execute(args);
  }

  /**
   * Builds the managed catalog (166 identifiers with their regexes, keywords and validators, a
   * tenth of a small scan's start-up) on another core while picocli reads the command line, which
   * takes longer. The JVM initialises a class once: a command that asks for the catalog first waits
   * for this build, and none runs it twice.
   */
  private static void buildCatalogMeanwhile() {
    Thread build = new Thread(ManagedCatalog::all, "assay-catalog");
    build.setDaemon(true);
    build.start();
  }

  /**
   * Libraries (Tika, PDFBox, POI) log through SLF4J; a scan reports its own problems, so their logs
   * stay quiet unless {@code -v} is given. This must run before any logger is created.
   */
  private static void configureLogging(String[] args) {
    int verbosity = 0;
    for (String a : args) {
      if (a.matches("-v+")) {
        verbosity += a.length() - 1;
      } else if (a.equals("--verbose")) {
        verbosity++;
      }
    }
    String level = verbosity == 0 ? "off" : verbosity == 1 ? "warn" : "debug";
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }
}
