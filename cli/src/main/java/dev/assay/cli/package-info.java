/**
 * The {@code assay} command line (picocli): {@link Main} is the entry point and the only caller of
 * {@link System#exit}, with the statuses of {@link ExitCode}. The subcommands are {@code scan},
 * {@code discover}, {@code identifiers}, {@code bench} and {@code serve}; {@code scan} runs the
 * engine's {@code ScanSession}. {@link ScanPlan} resolves {@code assay scan}'s arguments for front
 * ends that run the scan themselves, such as the Spark runner.
 */
package dev.assay.cli;
