/**
 * Triage and output: {@link FindingFactory} decides whether an object's result is a {@link Finding}
 * and builds it as Macie would, severity and type included. A {@link FindingSpool} keeps a scan's
 * findings, sorted, until a {@link FindingWriter} writes the {@link ScanReport} in an {@link
 * OutputFormat} (table, JSON, JSON Lines, SARIF, ASFF, EventBridge events); {@link
 * DiscoveryResultsWriter} streams Macie's sensitive data discovery results, one record per object
 * in scope.
 */
package dev.assay.engine.report;
