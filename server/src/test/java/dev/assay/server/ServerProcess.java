package dev.assay.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A server in a process of its own, for tests that kill it: {@code DATA_DIR BUCKET=DIR PORT_FILE}.
 * Writes the port to PORT_FILE once it listens.
 */
public final class ServerProcess {
  private ServerProcess() {}

  public static void main(String[] args) throws Exception {
    String[] bucket = args[1].split("=", 2);
    MacieServer server =
        MacieServer.start(
            ServerFixture.config(Path.of(args[0]))
                .withThreads(1)
                .withBuckets(Map.of(bucket[0], Path.of(bucket[1]))));
    Path tmp = Path.of(args[2] + ".tmp");
    Files.writeString(tmp, Integer.toString(server.port()));
    Files.move(tmp, Path.of(args[2]));
    server.join();
  }
}
