package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Validator;
import dev.assay.identifiers.detect.Seeds;
import dev.assay.identifiers.validate.HttpBasicCredentials;
import dev.assay.identifiers.validate.JsonWebTokens;
import dev.assay.identifiers.validate.PuttyKeyFiles;
import java.util.List;
import java.util.Set;

/**
 * Managed identifiers for credentials (Macie User Guide, "Managed data identifiers for credentials
 * data"). Every credentials type is High severity at any count.
 */
final class CredentialsIdentifiers {
  private CredentialsIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(
        awsCredentials(),
        gcpApiKey(),
        httpBasicAuthHeader(),
        jsonWebToken(),
        opensshPrivateKey(),
        pgpPrivateKey(),
        pkcs(),
        puttyPrivateKey(),
        stripeCredentials());
  }

  /** Between a PEM header and its body: line breaks, or the escaped ones of JSON and .env files. */
  private static final String PEM_GAP = "(?:[ \\t]|\\r|\\n|\\\\r|\\\\n)+";

  /** Optional RFC 1421 header lines of an encrypted PEM body (Proc-Type, DEK-Info). */
  private static final String PEM_HEADERS =
      "(?:[A-Za-z][A-Za-z-]{0,30}: [^\\r\\n\\\\]{1,200}" + PEM_GAP + ")*";

  /** At least 40 base64 characters of key material, so that a bare header is not a key. */
  private static final String PEM_BODY = "[A-Za-z0-9+/=]{40}";

  /** The two example secrets of AWS's documentation, which Macie never reports. */
  private static final Set<String> AWS_EXAMPLE_SECRETS =
      Set.of(
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");

  static ManagedDataIdentifier awsCredentials() {
    return ManagedDataIdentifier.builder("AWS_CREDENTIALS", Category.CREDENTIALS)
        // An AWS secret access key is 40 base64 characters; the validator makes sure it is not
        // part of a longer token and looks random (both cases and a digit or symbol), which a
        // 40-char hex digest or a word does not.
        .regex("[A-Za-z0-9/+]{40}")
        .seeds(Seeds.runs(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+"))
        .requiredKeywords(
            "aws_secret_access_key",
            "credentials",
            "secret access key",
            "secret key",
            "set-awscredential")
        .validator(CredentialsIdentifiers::isAwsSecretKey)
        .recommended()
        .positive(
            "aws_secret_access_key = Xk3vQ9pL2mN8rT5wY7zA1bC4dE6fG0hJ2kL4mN6p",
            "export AWS_SECRET_ACCESS_KEY=\"q8Rz/3mKp+Vw2Lx9Yt4Nc7Bf1Hd6Js0Ga5Ue8Wo2\"",
            "Set-AWSCredential -AccessKey AKIAIOSFODNN7XAMPLQ -SecretKey Tn4pW7qZ2xR9vB6mK1cL8dF3hJ5sG0aY2uE4iO6w",
            "{\"credentials\": {\"secret\": \"Mb7Gd2Kq9Zp4Wr1Xv6Ny3Lc8Hf5Tj0Sa2Ue4Io6R\"}}")
        .negative(
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "secret key: 3f786850e387550fdab836ed7e6dc881de23001b",
            "the build hash is Xk3vQ9pL2mN8rT5wY7zA1bC4dE6fG0hJ2kL4mN6p and nothing else",
            "aws_secret_access_key = Xk3vQ9pL2mN8rT5wY7zA1bC4dE6fG0hJ2kL4mN6pQQQQ",
            "credentials are in the vault; the checksum, which is long and has nothing to do with it, is"
                + " Xk3vQ9pL2mN8rT5wY7zA1bC4dE6fG0hJ2kL4mN6p")
        .build();
  }

  private static boolean isAwsSecretKey(CharSequence text, int start, int end) {
    if (start > 0 && isKeyChar(text.charAt(start - 1))) {
      return false;
    }
    if (end < text.length() && isKeyChar(text.charAt(end))) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean other = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      other |= (c >= '0' && c <= '9') || c == '/' || c == '+';
    }
    return upper
        && lower
        && other
        && !AWS_EXAMPLE_SECRETS.contains(text.subSequence(start, end).toString());
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '/'
        || c == '+';
  }

  static ManagedDataIdentifier opensshPrivateKey() {
    return ManagedDataIdentifier.builder("OPENSSH_PRIVATE_KEY", Category.CREDENTIALS)
        .regex("-----BEGIN OPENSSH PRIVATE KEY-----" + PEM_GAP + PEM_BODY)
        .anchors("-----BEGIN OPENSSH PRIVATE KEY-----")
        .recommended()
        .positive(
            "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "QyNTUxOQAAACBmZXhhbXBsZWtleWRhdGFub3RyZWFsMTIzNDU2Nzg5MDEyAAAAmGV4YW\n"
                + "-----END OPENSSH PRIVATE KEY-----\n",
            "{\"deploy_key\": \"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\\n-----END OPENSSH PRIVATE KEY-----\"}")
        .negative(
            "Paste the key that starts with -----BEGIN OPENSSH PRIVATE KEY----- into the form.",
            "-----BEGIN OPENSSH PUBLIC KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n",
            "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----")
        .build();
  }

  static ManagedDataIdentifier pkcs() {
    return ManagedDataIdentifier.builder("PKCS", Category.CREDENTIALS)
        // PKCS #1 (RSA), PKCS #8 (plain and encrypted) and the SEC 1 / DSA private keys that the
        // same tools write in the same PEM form.
        .regex(
            "-----BEGIN (?:RSA |DSA |EC |ENCRYPTED )?PRIVATE KEY-----"
                + PEM_GAP
                + PEM_HEADERS
                + PEM_BODY)
        .anchors("PRIVATE KEY-----")
        .validator(Validator.NONE)
        .recommended()
        .positive(
            "-----BEGIN RSA PRIVATE KEY-----\n"
                + "MIIEpAIBAAKCAQEAx3Qz0xExampleOnlyNotARealKeyButShapedLikeOne0123456789abc\n"
                + "-----END RSA PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\r\n",
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,2AF25325A9B286F4CBD8CA6AB7E03C6F\n\n"
                + "q7yLkBfD3Wm1H6Yc2Nz8Rv0Tx4Gp9Ls5Ja3Ke7Ud1Qo6Ii2Fh8Mc0Bb4Vn6Xw9Zs1Ar3Te5\n",
            "key: \"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBVa9bVxmZ8F0examplekeymaterialnotrealAoGCCqGSM49AwEHoUQDQgAE\\n\"")
        .negative(
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n",
            "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n",
            "Generate one with openssl; the file begins with -----BEGIN PRIVATE KEY----- and ends with the footer.",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n")
        .build();
  }

  /** Whether no char of {@code tokenChars} touches the match on either side. */
  private static Validator standsAsToken(String tokenChars) {
    return (text, start, end) ->
        !(start > 0 && isTokenChar(text.charAt(start - 1), tokenChars))
            && !(end < text.length() && isTokenChar(text.charAt(end), tokenChars));
  }

  private static boolean isTokenChar(char c, String extra) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || extra.indexOf(c) >= 0;
  }

  static ManagedDataIdentifier gcpApiKey() {
    return ManagedDataIdentifier.builder("GCP_API_KEY", Category.CREDENTIALS)
        // Only the keyString of a Google Cloud API key: "AIza" and 35 base64url characters (not
        // the key's ID or display name).
        .regex("AIza[0-9A-Za-z_-]{35}")
        .requiredKeywords(
            "G_PLACES_KEY",
            "GCP api key",
            "GCP key",
            "google cloud key",
            "google-api-key",
            "google-cloud-apikeys",
            "GOOGLEKEY",
            "X-goog-api-key")
        .validator(standsAsToken("_-"))
        .anchors("AIza")
        .positive(
            "GCP_API_KEY=AIzaE2oapzzQbkrck_z1iYylswfgItIepZEufUl",
            "curl -H 'X-goog-api-key: AIzaSoU5AZzcWQa3oBC4IPlNKnhdW2_SFi2DmZV' https://example.invalid/v1/places")
        .negative(
            "const mapsToken = 'AIzaE2oapzzQbkrck_z1iYylswfgItIepZEufUl';",
            "GCP key: AIzaE2oapzzQbkrck_z1iYylswfgItIepZEufUlXYZ",
            "GCP key: AIzaE2oapzzQbkrck_z1iYylswfgItIep")
        .build();
  }

  static ManagedDataIdentifier httpBasicAuthHeader() {
    return ManagedDataIdentifier.builder("HTTP_BASIC_AUTH_HEADER", Category.CREDENTIALS)
        // A complete RFC 7617 header: the field name (Authorization or Proxy-Authorization, any
        // case, as HTTP field names are), the Basic scheme and the base64 credentials, all in one
        // text. The field name may sit in quotes, as in a map of headers in source code.
        .regex(
            "(?i:(?:proxy-)?authorization)[\"']?[ \\t]*:[ \\t]*[\"']?(?i:basic)[ \\t]+[A-Za-z0-9+/]+={0,2}")
        .validator(HttpBasicCredentials::accepts)
        .anchors("authorization")
        .recommended()
        .positive(
            "GET /reports HTTP/1.1\r\nHost: intranet.example\r\nAuthorization: Basic c3ZjLXJlcG9ydDpYcTctcGx1bS1IYXJib3I=\r\n",
            "session.headers.update({'Proxy-Authorization': 'Basic c3ZjLXJlcG9ydDpYcTctcGx1bS1IYXJib3I='})")
        .negative(
            "Authorization: Bearer c3ZjLXJlcG9ydDpYcTctcGx1bS1IYXJib3I=",
            "Authorization: Basic bm8gY29sb24gaGVyZQ==",
            "Basic c3ZjLXJlcG9ydDpYcTctcGx1bS1IYXJib3I= was in the log",
            "X-Authorization: Basic c3ZjLXJlcG9ydDpYcTctcGx1bS1IYXJib3I=",
            "Authorization: Basic <credentials>")
        .build();
  }

  static ManagedDataIdentifier jsonWebToken() {
    return ManagedDataIdentifier.builder("JSON_WEB_TOKEN", Category.CREDENTIALS)
        // RFC 7519 JWTs in the JWS compact form, signed or unsigned. The header is a JSON object
        // and so starts "eyJ" in base64url; JsonWebTokens checks that it holds "alg".
        .regex("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*")
        .validator(
            standsAsToken("_-.")
                .and((text, start, end) -> JsonWebTokens.isJws(text.subSequence(start, end))))
        .anchors("eyJ")
        .positive(
            "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQ4MjEiLCJpYXQiOjE3NjcyMjU2MDAsInJvbGUiOiJyZWFkZXIifQ.7VIrxaR7kQfWv52uvEgoqiXnLAC1lIAYJRfza0hW-rd",
            "token=eyJhbGciOiAibm9uZSJ9.eyJzdWIiOiJ1c2VyLTQ4MjEiLCJpYXQiOjE3NjcyMjU2MDAsInJvbGUiOiJyZWFkZXIifQ.")
        .negative(
            "token=eyJ0eXAiOiAiSldUIn0.eyJzdWIiOiJ1c2VyLTQ4MjEiLCJpYXQiOjE3NjcyMjU2MDAsInJvbGUiOiJyZWFkZXIifQ.7VIrxaR7kQfWv52uvEgoqiXnLAC1lIAYJRfza0hW-rd",
            "token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQ4MjEiLCJpYXQiOjE3NjcyMjU2MDAsInJvbGUiOiJyZWFkZXIifQ.",
            "logger eyJunk.level.debug=true")
        .build();
  }

  static ManagedDataIdentifier pgpPrivateKey() {
    return ManagedDataIdentifier.builder("PGP_PRIVATE_KEY", Category.CREDENTIALS)
        // An ASCII-armored secret key block (RFC 4880 §6.2): the armor header line, optional
        // armor headers (Version, Comment), a blank line, then key material.
        .regex("-----BEGIN PGP PRIVATE KEY BLOCK-----" + PEM_GAP + PEM_HEADERS + PEM_BODY)
        .anchors("-----BEGIN PGP PRIVATE KEY BLOCK-----")
        .recommended()
        .positive(
            "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n"
                + "lQOYBGXexampleBCADNotARealKeyJustShapedLikeOneAbCdEfGhIjKlMnOpQrStUv\n=AbCd\n"
                + "-----END PGP PRIVATE KEY BLOCK-----\n")
        .negative(
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQENBGXexampleBCADNotARealKeyJustShapedLikeOneAbCdEfGhIjKlMnOpQrStUv\n",
            "Export it with gpg --armor; the file starts with -----BEGIN PGP PRIVATE KEY BLOCK----- and a blank line.")
        .build();
  }

  /** A line break in the file, or the escaped one of a JSON string or .env value. */
  private static final String PPK_NL = "(?:\\r?\\n|\\\\r\\\\n|\\\\n)";

  /**
   * A header value: letters, digits and hyphens only (Macie: values with spaces or underscores are
   * not detected).
   */
  private static final String PPK_VALUE = "[A-Za-z0-9-]+" + PPK_NL;

  /** Base64 lines after Public-Lines or Private-Lines. */
  private static final String PPK_LINES =
      "[0-9]{1,4}" + PPK_NL + "(?:[A-Za-z0-9+/=]+" + PPK_NL + ")+";

  static ManagedDataIdentifier puttyPrivateKey() {
    return ManagedDataIdentifier.builder("PUTTY_PRIVATE_KEY", Category.CREDENTIALS)
        // The standard headers in their order (PuTTY-User-Key-File, Encryption, Comment,
        // Public-Lines, Private-Lines, Private-MAC); a format-3 encrypted file adds its key
        // derivation headers after Encryption. Custom headers break the match, as in Macie.
        .regex(
            "PuTTY-User-Key-File-[0-9]+: "
                + PPK_VALUE
                + "Encryption: "
                + PPK_VALUE
                + "(?:(?:Key-Derivation|Argon2-[A-Za-z]+): "
                + PPK_VALUE
                + ")*"
                + "Comment: "
                + PPK_VALUE
                + "Public-Lines: "
                + PPK_LINES
                + "Private-Lines: "
                + PPK_LINES
                + "Private-MAC: [A-Za-z0-9+]+")
        .validator(
            (text, start, end) ->
                PuttyKeyFiles.hasConsistentLineCounts(text.subSequence(start, end)))
        .anchors("PuTTY-User-Key-File-")
        .recommended()
        .positive(
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ed25519-key-20260101\nPublic-Lines: 2\n"
                + "AAAAC3NzaC1lZDI1NTE5AAAAIExampleOnlyNotARealPublicKeyMaterial0\nAbCdEf==\n"
                + "Private-Lines: 1\nAAAAIExampleOnlyNotARealPrivateKeyMaterial0123456789AbCd\n"
                + "Private-MAC: 3f9c2a7b8e1d4f6a0b5c9e2d7a1f4b8c3e6d9a2b5f8c1e4d7a0b3c6f9e2d5a8b\n")
        .negative(
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: my laptop key\nPublic-Lines: 2\n"
                + "AAAAC3NzaC1lZDI1NTE5AAAAIExampleOnlyNotARealPublicKeyMaterial0\nAbCdEf==\n"
                + "Private-Lines: 1\nAAAAIExampleOnlyNotARealPrivateKeyMaterial0123456789AbCd\n"
                + "Private-MAC: 3f9c2a7b8e1d4f6a0b5c9e2d7a1f4b8c3e6d9a2b5f8c1e4d7a0b3c6f9e2d5a8b\n",
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ed25519-key-20260101\nPublic-Lines: 3\n"
                + "AAAAC3NzaC1lZDI1NTE5AAAAIExampleOnlyNotARealPublicKeyMaterial0\nAbCdEf==\n"
                + "Private-Lines: 1\nAAAAIExampleOnlyNotARealPrivateKeyMaterial0123456789AbCd\n"
                + "Private-MAC: 3f9c2a7b8e1d4f6a0b5c9e2d7a1f4b8c3e6d9a2b5f8c1e4d7a0b3c6f9e2d5a8b\n")
        .build();
  }

  /** The two keys of Stripe's documentation, which Macie never reports. */
  private static final Set<String> STRIPE_EXAMPLE_KEYS =
      Set.of("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx");

  static ManagedDataIdentifier stripeCredentials() {
    return ManagedDataIdentifier.builder("STRIPE_CREDENTIALS", Category.CREDENTIALS)
        // Stripe API keys: secret (sk), publishable (pk) and restricted (rk), live or test mode.
        .regex("(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{24,247}")
        .validator(
            standsAsToken("_")
                .and(
                    (text, start, end) ->
                        !STRIPE_EXAMPLE_KEYS.contains(text.subSequence(start, end).toString())))
        .anchors("_live_", "_test_")
        .positive(
            "STRIPE_SECRET_KEY=sk_live_93JxiQskS14qbd8Zlq8khMja",
            "const stripe = Stripe('rk_test_ddCnYysNa9ZwsjEJri9fVJsS');")
        .negative(
            "payments.configure(secret='sk_test_4eC39HqLyjWDarjtT1zdp7dc')",
            "publishable key pk_test_TYooMQauvdEDq54NiTphI7jx from the docs",
            "sk_live_short1234",
            "task_live_93JxiQskS14qbd8Zlq8khMja")
        .build();
  }
}
