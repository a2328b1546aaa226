/**
 * The macie2 backend: a scan run as an Amazon Macie classification job through the AWS SDK v2, with
 * Macie's findings read back in the engine's finding shape.
 */
package dev.assay.engine.macie;
