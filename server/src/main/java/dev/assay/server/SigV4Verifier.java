package dev.assay.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Checks a request's AWS Signature Version 4 (header form): the access key must be one of the
 * configured ones, the time within 15 minutes, and the signature the one the AWS SDK's own signer
 * computes for the same method, path, query, signed headers and body with that key's secret.
 * Anything else is Macie's AccessDeniedException. Thread-safe.
 */
final class SigV4Verifier {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request,\\s*"
              + "SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Duration SKEW = Duration.ofMinutes(15);

  private final Map<String, String> secrets;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  SigV4Verifier(Map<String, String> secrets) {
    this.secrets = Map.copyOf(secrets);
  }

  void verify(String method, String rawPath, String rawQuery, HttpFields headers, byte[] body) {
    String authorization = headers.get("Authorization");
    if (authorization == null) {
      throw denied("the request is not signed (no Authorization header)");
    }
    Matcher m = AUTHORIZATION.matcher(authorization.trim());
    if (!m.matches()) {
      throw denied("the Authorization header is not an AWS4-HMAC-SHA256 signature");
    }
    String accessKey = m.group(1);
    String secret = secrets.get(accessKey);
    if (secret == null) {
      throw denied("the access key " + accessKey + " is not known here");
    }
    String amzDate = headers.get("X-Amz-Date");
    Instant time;
    try {
      time = Instant.from(AMZ_DATE.parse(amzDate == null ? "" : amzDate));
    } catch (DateTimeParseException e) {
      throw denied("X-Amz-Date is missing or malformed");
    }
    if (Duration.between(time, Instant.now()).abs().compareTo(SKEW) > 0) {
      throw denied(
          "the signature's time " + amzDate + " is more than 15 minutes from the server's");
    }
    String region = m.group(3);
    String service = m.group(4);
    List<String> signed = List.of(m.group(5).split(";"));
    String host = headers.get("Host");
    if (host == null || !signed.contains("host")) {
      throw denied("the signature must cover the host header");
    }
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .uri(URI.create("http://" + host))
            .encodedPath(rawPath);
    Map<String, List<String>> query = MacieServer.query(rawQuery);
    request.rawQueryParameters(new LinkedHashMap<>(query));
    for (String name : signed) {
      if (name.equals("host") || name.equals("x-amz-date")) {
        continue; // the signer writes both itself, from the URI and the clock
      }
      List<String> values = headers.getValuesList(name);
      if (values.isEmpty()) {
        throw denied("the signed header " + name + " is not in the request");
      }
      request.putHeader(name, values);
    }
    SignedRequest expected =
        signer.sign(
            r ->
                r.identity(AwsCredentialsIdentity.create(accessKey, secret))
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(time, ZoneOffset.UTC)));
    String want = expected.request().firstMatchingHeader("Authorization").orElse("");
    Matcher w = AUTHORIZATION.matcher(want);
    if (!w.matches()
        || !MessageDigest.isEqual(
            w.group(6).getBytes(StandardCharsets.US_ASCII),
            m.group(6).getBytes(StandardCharsets.US_ASCII))) {
      throw denied("the request signature we calculated does not match the signature you provided");
    }
  }

  private static ApiException denied(String why) {
    return ApiException.accessDenied(why);
  }

  /**
   * Reads access key pairs: an AWS credentials file ({@code aws_access_key_id} and {@code
   * aws_secret_access_key} in each section), or lines of {@code ACCESS_KEY_ID SECRET_KEY} (or with
   * a colon between); blank lines and {@code #} comments are skipped.
   */
  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    String pendingId = null;
    String pendingSecret = null;
    int n = 0;
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        pendingId = null;
        pendingSecret = null;
        continue;
      }
      int eq = line.indexOf('=');
      if (eq > 0) {
        String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(eq + 1).trim();
        if (key.equals("aws_access_key_id")) {
          pendingId = value;
        } else if (key.equals("aws_secret_access_key")) {
          pendingSecret = value;
        }
        if (pendingId != null && pendingSecret != null) {
          out.put(pendingId, pendingSecret);
          pendingId = null;
          pendingSecret = null;
        }
        continue;
      }
      String[] parts = line.split("[\\s:]+");
      if (parts.length != 2) {
        throw new IOException(file + ": line " + n + ": expected ACCESS_KEY_ID SECRET_KEY");
      }
      out.put(parts[0], parts[1]);
    }
    if (out.isEmpty()) {
      throw new IOException(file + ": holds no access key pair");
    }
    return out;
  }
}
