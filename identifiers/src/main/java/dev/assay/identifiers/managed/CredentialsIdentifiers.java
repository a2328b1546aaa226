package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Validator;
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
    return List.of(awsCredentials(), opensshPrivateKey(), pkcs());
  }

  /** Between a PEM header and its body: line breaks, or the escaped ones of JSON and .env files. */
  private static final String PEM_GAP = "(?:[ \\t]|\\r|\\n|\\\\r|\\\\n)+";

  /** Optional RFC 1421 header lines of an encrypted PEM body (Proc-Type, DEK-Info). */
  private static final String PEM_HEADERS = "(?:[A-Za-z][A-Za-z-]{0,30}: [^\\r\\n\\\\]{1,200}" + PEM_GAP + ")*";

  /** At least 40 base64 characters of key material, so that a bare header is not a key. */
  private static final String PEM_BODY = "[A-Za-z0-9+/=]{40}";

  /** The two example secrets of AWS's documentation, which Macie never reports. */
  private static final Set<String> AWS_EXAMPLE_SECRETS =
      Set.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");

  static ManagedDataIdentifier awsCredentials() {
    return ManagedDataIdentifier.builder("AWS_CREDENTIALS", Category.CREDENTIALS)
        // An AWS secret access key is 40 base64 characters; the validator makes sure it is not
        // part of a longer token and looks random (both cases and a digit or symbol), which a
        // 40-char hex digest or a word does not.
        .regex("[A-Za-z0-9/+]{40}")
        .requiredKeywords("aws_secret_access_key", "credentials", "secret access key", "secret key", "set-awscredential")
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
    return upper && lower && other && !AWS_EXAMPLE_SECRETS.contains(text.subSequence(start, end).toString());
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '+';
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
        .regex("-----BEGIN (?:RSA |DSA |EC |ENCRYPTED )?PRIVATE KEY-----" + PEM_GAP + PEM_HEADERS + PEM_BODY)
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
}
