package dev.assay.engine.source.s3;

import dev.assay.engine.source.ObjectUnavailableException;
import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK errors into messages for people and Macie's per-object reasons. Stateless. */
final class S3Errors {
  private S3Errors() {}

  /**
   * What went wrong at bucket level (listing, preflight), said so that the user knows what to fix.
   */
  static String describe(SdkException e, String endpointDescription) {
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      int status = s.statusCode();
      if (code == null) {
        code = "";
      }
      switch (code) {
        case "NoSuchBucket":
          return "the bucket does not exist";
        case "AccessDenied":
        case "AllAccessDisabled":
          return "access denied (the credentials may not list this bucket: s3:ListBucket)";
        case "InvalidAccessKeyId":
          return "the access key id is not valid (check --profile and the AWS credentials)";
        case "SignatureDoesNotMatch":
          return "the secret access key does not match the access key id (check --profile and the AWS credentials)";
        case "ExpiredToken":
        case "ExpiredTokenException":
        case "TokenRefreshRequired":
          return "the credentials have expired: renew them (for example 'aws sso login')";
        case "InvalidToken":
          return "the session token is not valid (check the AWS credentials)";
        case "RequestTimeTooSkewed":
          return "the clock of this machine differs too much from the server's";
        case "PermanentRedirect":
        case "AuthorizationHeaderMalformed":
          return "the bucket is in another region: give --region";
        default:
          break;
      }
      if (status == 404) {
        return "the bucket does not exist";
      }
      if (status == 403) {
        return "access denied (" + (code.isEmpty() ? "HTTP 403" : code) + ")";
      }
      return "S3 error "
          + status
          + (code.isEmpty() ? "" : " " + code)
          + ": "
          + firstLine(s.getMessage());
    }
    if (e instanceof SdkClientException) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("Unable to load credentials") || message.contains("credentials")) {
        // The default chain's message lists every provider it tried; only a named profile's says
        // more.
        String detail = message.contains("providers in the chain") ? "" : ": " + firstLine(message);
        return "no AWS credentials found (set them up as for the AWS CLI: environment, ~/.aws/credentials, or --profile)"
            + detail;
      }
      return "cannot reach S3 at " + endpointDescription + ": " + firstLine(rootCause(e));
    }
    return firstLine(e.getMessage());
  }

  /**
   * The exception a failed GetObject or HeadObject becomes: with Macie's reason where there is one
   * (Macie's ClassificationResultStatus reasons), a plain IOException otherwise.
   */
  static IOException forObject(SdkException e, String path) {
    if (e instanceof AwsServiceException s) {
      String code =
          s.awsErrorDetails() == null || s.awsErrorDetails().errorCode() == null
              ? ""
              : s.awsErrorDetails().errorCode();
      String reason = objectReason(s.statusCode(), code);
      if (reason != null) {
        return new ObjectUnavailableException(
            "SKIPPED", reason, path + ": " + (code.isEmpty() ? "HTTP " + s.statusCode() : code));
      }
      return new IOException(
          path + ": S3 error " + s.statusCode() + " " + code + ": " + firstLine(s.getMessage()), e);
    }
    return new IOException(path + ": " + firstLine(rootCause(e)), e);
  }

  /** Macie's reason for an object-level S3 error, or null when none fits. */
  static String objectReason(int status, String code) {
    switch (code) {
      case "NoSuchKey":
        return "SOURCE_OBJECT_NO_LONGER_AVAILABLE";
      case "NoSuchBucket":
        return "NO_SUCH_BUCKET_AVAILABLE";
      case "PreconditionFailed":
        // The object changed since it was listed (If-Match on its ETag failed).
        return "OBJECT_VERSION_MISMATCH";
      case "InvalidObjectState":
        // An archived object (Glacier, Intelligent-Tiering archive tiers): the storage classes
        // Macie analyses.
        return "INVALID_OBJECT_STATE";
      case "KMS.DisabledException":
      case "KMS.KMSInvalidStateException":
      case "KMS.NotFoundException":
        return "INVALID_KMS_KEY";
      case "AccessDenied":
      case "ExpiredToken":
      case "InvalidAccessKeyId":
      case "SignatureDoesNotMatch":
        return "PERMISSION_DENIED";
      default:
        break;
    }
    if (status == 404) {
      return "SOURCE_OBJECT_NO_LONGER_AVAILABLE";
    }
    if (status == 412) {
      return "OBJECT_VERSION_MISMATCH";
    }
    if (status == 403) {
      return "PERMISSION_DENIED";
    }
    return null;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e
        ? String.valueOf(e.getMessage())
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
