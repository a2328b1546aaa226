package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.AccessDeniedException;

/** SigV4 on every request when credentials are configured; no start off loopback without them. */
class SecurityTest {
  @Test
  void offLoopbackTheServerRefusesToStartWithoutCredentials(@TempDir Path dir) {
    assertThatThrownBy(() -> MacieServer.start(ServerFixture.config(dir).withBind("0.0.0.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--credentials");
  }

  @Test
  void withCredentialsOnlyCorrectlySignedRequestsAreServed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("credentials");
    Files.writeString(
        file,
        "[default]\naws_access_key_id = AKIDTEST\naws_secret_access_key = s3cr3t/Key+Value\n");
    Map<String, String> keys = ServerConfig.readCredentials(file);
    assertThat(keys).containsEntry("AKIDTEST", "s3cr3t/Key+Value");
    try (MacieServer server =
        MacieServer.start(
            ServerFixture.config(dir.resolve("data")).withBind("0.0.0.0").withCredentials(keys))) {
      try (Macie2Client good =
          ServerFixture.client(server.port(), "AKIDTEST", "s3cr3t/Key+Value")) {
        good.enableMacie(r -> {});
        assertThat(good.getMacieSession(r -> {}).statusAsString()).isEqualTo("ENABLED");
        // a query string and an ARN with encoded slashes in the path are signed and checked too
        String id =
            good.createAllowList(r -> r.name("n").clientToken("c").criteria(c -> c.regex("x")))
                .id();
        String arn = "arn:aws:macie2:us-east-1:123456789012:allow-list/" + id;
        good.tagResource(r -> r.resourceArn(arn).tags(Map.of("k 1", "v/2")));
        good.untagResource(r -> r.resourceArn(arn).tagKeys("k 1"));
        assertThat(good.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEmpty();
        assertThat(good.listAllowLists(r -> r.maxResults(5)).allowLists()).hasSize(1);
      }
      try (Macie2Client wrongSecret =
          ServerFixture.client(server.port(), "AKIDTEST", "not-the-secret")) {
        assertThatThrownBy(() -> wrongSecret.getMacieSession(r -> {}))
            .isInstanceOf(AccessDeniedException.class)
            .satisfies(e -> assertThat(((AccessDeniedException) e).statusCode()).isEqualTo(403));
      }
      try (Macie2Client unknownKey =
          ServerFixture.client(server.port(), "AKIDOTHER", "s3cr3t/Key+Value")) {
        assertThatThrownBy(() -> unknownKey.getMacieSession(r -> {}))
            .isInstanceOf(AccessDeniedException.class);
      }
      HttpResponse<String> unsigned =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/macie"))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(unsigned.statusCode()).isEqualTo(403);
      assertThat(unsigned.headers().firstValue("x-amzn-ErrorType"))
          .contains("AccessDeniedException");
      assertThat(unsigned.body()).doesNotContain("ENABLED");
    }
  }
}
