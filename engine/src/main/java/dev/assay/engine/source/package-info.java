/**
 * Where a scan's objects come from: an {@link ObjectSource} enumerates {@link ScanObject}s, named
 * by bucket and key as S3 names them, whose content a worker opens later. {@link LocalSource} reads
 * a file or directory tree as a bucket (S3 is in {@code dev.assay.engine.source.s3}); {@link
 * ScopedSource} keeps what an {@link ObjectScope} includes, and {@link GuardedSource} records a
 * listing that breaks off instead of throwing. Unreadable objects are enumerated too, with the
 * reason Macie reports, never skipped.
 */
package dev.assay.engine.source;
