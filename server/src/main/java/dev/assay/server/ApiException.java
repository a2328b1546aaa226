package dev.assay.server;

/**
 * An error the API answers with: one of Macie's error types, its HTTP status, and a message ({@code
 * {"message": ...}} in the body, the type in {@code x-amzn-ErrorType}), so that the AWS SDKs raise
 * the matching exception (the Macie2 API's error conventions).
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String type;
  private final int status;

  ApiException(String type, int status, String message) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }

  static ApiException validation(String message) {
    return new ApiException("ValidationException", 400, message);
  }

  static ApiException quota(String message) {
    return new ApiException("ServiceQuotaExceededException", 402, message);
  }

  static ApiException accessDenied(String message) {
    return new ApiException("AccessDeniedException", 403, message);
  }

  static ApiException notFound(String message) {
    return new ApiException("ResourceNotFoundException", 404, message);
  }

  static ApiException conflict(String message) {
    return new ApiException("ConflictException", 409, message);
  }

  static ApiException internal(String message) {
    return new ApiException("InternalServerException", 500, message);
  }
}
