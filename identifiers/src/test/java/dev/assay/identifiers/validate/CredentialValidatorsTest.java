package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** JsonWebTokens, HttpBasicCredentials and PuttyKeyFiles on values built here from their parts. */
class CredentialValidatorsTest {

  private static String b64url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static final String PAYLOAD = b64url("{\"sub\":\"u-1\",\"iat\":1767225600}");

  @Test
  void jws_needsAJsonHeaderWithAlg_andASignatureUnlessAlgIsNone() {
    assertThat(
            JsonWebTokens.isJws(
                b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + PAYLOAD + ".c2lnbmF0dXJl"))
        .isTrue();
    assertThat(JsonWebTokens.isJws(b64url("{ \"alg\" : \"none\" }") + "." + PAYLOAD + "."))
        .isTrue();
    assertThat(JsonWebTokens.isJws(b64url("{\"alg\":\"HS256\"}") + "." + PAYLOAD + ".")).isFalse();
    assertThat(JsonWebTokens.isJws(b64url("{\"typ\":\"JWT\"}") + "." + PAYLOAD + ".c2ln"))
        .isFalse();
    assertThat(JsonWebTokens.isJws(b64url("\"alg\":\"HS256\"") + "." + PAYLOAD + ".c2ln"))
        .isFalse();
    assertThat(JsonWebTokens.isJws(b64url("{\"alg\":\"HS256\"}") + "." + PAYLOAD)).isFalse();
    assertThat(JsonWebTokens.isJws(b64url("{\"alg\":\"HS256\"}") + ".a.c2ln")).isFalse();
    assertThat(JsonWebTokens.isJws(b64url("{\"alg\":\u0012HS256\"}") + "." + PAYLOAD + ".c2ln"))
        .isFalse();
  }

  private static boolean basic(String header) {
    return HttpBasicCredentials.accepts(header, 0, header.length());
  }

  @Test
  void basicCredentials_decodeToUserColonPassword() {
    String creds =
        Base64.getEncoder().encodeToString("svc:pa55-word".getBytes(StandardCharsets.UTF_8));
    assertThat(basic("Authorization: Basic " + creds)).isTrue();
    assertThat(basic("proxy-authorization: BASIC " + creds)).isTrue();
    assertThat(
            basic(
                "Authorization: Basic "
                    + Base64.getEncoder()
                        .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))))
        .isFalse();
    assertThat(basic("Authorization: Basic " + creds.substring(1))).isFalse();
    assertThat(
            basic(
                "Authorization: Basic "
                    + Base64.getEncoder()
                        .encodeToString("a:\u0001b".getBytes(StandardCharsets.UTF_8))))
        .isFalse();
    String text = "X-Authorization: Basic " + creds;
    assertThat(HttpBasicCredentials.accepts(text, 2, text.length())).isFalse();
  }

  private static String ppk(int publicLines, int privateLines) {
    return "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: k\nPublic-Lines: "
        + publicLines
        + "\nAAAA\nBBBB\nPrivate-Lines: "
        + privateLines
        + "\nCCCC\nPrivate-MAC: 00ff";
  }

  @Test
  void puttyLineCounts_mustMatchTheLinesThatFollow() {
    assertThat(PuttyKeyFiles.hasConsistentLineCounts(ppk(2, 1))).isTrue();
    assertThat(PuttyKeyFiles.hasConsistentLineCounts(ppk(2, 1).replace("\n", "\\n"))).isTrue();
    assertThat(PuttyKeyFiles.hasConsistentLineCounts(ppk(3, 1))).isFalse();
    assertThat(PuttyKeyFiles.hasConsistentLineCounts(ppk(2, 2))).isFalse();
  }
}
