/**
 * {@code assay serve}: {@link MacieServer}, a local Macie2-compatible REST endpoint for the AWS CLI
 * and SDKs, set up by {@link ServerConfig}. {@link Routes} names each request's operation, and
 * {@link MacieApi} answers it (findings in {@link FindingsApi}, discovery in {@link DiscoveryApi});
 * state lives in the SQLite {@link Store} and the data directory. {@link Jobs} runs classification
 * jobs one at a time through the engine's {@code ScanSession}, {@link AutomatedDiscovery} runs
 * discovery cycles, and {@link Events} publishes new findings on a thread of its own. All of it is
 * thread-safe.
 */
package dev.assay.server;
