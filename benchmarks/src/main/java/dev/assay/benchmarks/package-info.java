/**
 * JMH benchmarks, run from {@code benchmarks/target/benchmarks.jar}: {@link DetectorBenchmark}
 * (detector throughput per identifier), {@link RegexEngineBenchmark} (re2j against java.util.regex
 * and Hyperscan), {@link ExtractionBenchmark} (per format) and {@link ScanBenchmark} (the whole
 * engine by thread count). {@link RealisticCorpus} writes a corpus shaped like a bucket export for
 * end-to-end timing.
 */
package dev.assay.benchmarks;
