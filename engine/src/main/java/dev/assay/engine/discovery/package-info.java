/**
 * Automated sensitive data discovery: {@link Discovery} analyses a deterministic sample of each
 * bucket's objects, continued run after run from a state directory, and scores each bucket from
 * everything analysed so far as a {@link SensitivityScore}. One run at a time per state directory.
 */
package dev.assay.engine.discovery;
