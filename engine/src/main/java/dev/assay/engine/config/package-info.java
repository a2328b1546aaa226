/**
 * Macie request files read into scan settings: custom data identifiers ({@link
 * CustomIdentifierFiles}), allow lists ({@link AllowListFiles}) and classification jobs ({@link
 * ClassificationJobFiles} into a {@link ClassificationJob}, with its {@link BucketCriteria} and
 * {@link JobScope}). {@link ScanTargets} and {@link JobSources} turn targets and jobs into the
 * sources a scan reads. A file that breaks Macie's rules raises a {@link ConfigException} naming
 * the file and the member at fault.
 */
package dev.assay.engine.config;
