/**
 * S3 as a source, through the AWS SDK v2: {@link S3Access}, configured by {@link S3Settings}, is
 * the only place the SDK is used. Its bucket sources list with ListObjectsV2 and read metadata on
 * the enumerating thread, and stream each object with GetObject on the worker that opens it. It
 * starts no threads: concurrent requests are bounded by the scanner's workers.
 */
package dev.assay.engine.source.s3;
