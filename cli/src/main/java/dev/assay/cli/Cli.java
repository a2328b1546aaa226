package dev.assay.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command tree; tests build it with their own writers. */
@Command(
    name = "assay",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = "A local, Macie-compatible sensitive-data scanner.",
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  scan complete, no finding at or above --fail-on",
      "  1  scan complete, findings at or above --fail-on",
      "  2  usage or configuration error; nothing scanned",
      "  3  scan finished, but some objects could not be read or analysed",
      "  4  internal error"
    })
final class Cli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required: scan, identifiers, bench, discover or serve");
  }

  /**
   * The subcommands, in the order help lists them. Built on demand: picocli reads a command's
   * annotations when it is added, which is a good part of start-up time, so a run of one subcommand
   * adds only that one.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("scan", ScanCommand::new);
    SUBCOMMANDS.put("identifiers", IdentifiersCommand::new);
    SUBCOMMANDS.put("bench", BenchCommand::new);
    SUBCOMMANDS.put("discover", DiscoverCommand::new);
    SUBCOMMANDS.put("serve", ServeCommand::new);
  }

  /** The whole command tree. */
  static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    return newCommandLine(out, err, new String[0]);
  }

  /**
   * The command tree for running {@code commandArgs}: only the subcommand they name, when they name
   * one.
   */
  static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String[] commandArgs) {
    CommandLine cl = new CommandLine(new Cli());
    Supplier<Object> only = commandArgs.length > 0 ? SUBCOMMANDS.get(commandArgs[0]) : null;
    if (only != null) {
      cl.addSubcommand(only.get());
    } else {
      SUBCOMMANDS.values().forEach(command -> cl.addSubcommand(command.get()));
      cl.addSubcommand(new CommandLine.HelpCommand());
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr()
              .println(
                  c.getCommandName().equals("assay")
                      ? "assay: " + ex.getMessage()
                      : "assay "
                          + c.getCommandName()
                          + ": "
                          + ex.getMessage()
                          + " (see 'assay "
                          + c.getCommandName()
                          + " --help')");
          return ExitCode.USAGE.code;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          if (ex instanceof UsageException) {
            c.getErr().println("assay " + c.getCommandName() + ": " + ex.getMessage());
            return ExitCode.USAGE.code;
          }
          if (ex instanceof IncompleteException) {
            c.getErr().println("assay " + c.getCommandName() + ": " + ex.getMessage());
            return ExitCode.INCOMPLETE.code;
          }
          c.getErr().println("assay " + c.getCommandName() + ": internal error: " + ex);
          ex.printStackTrace(c.getErr());
          return ExitCode.INTERNAL.code;
        });
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"assay " + (v == null ? "development build" : v)};
    }
  }
}
