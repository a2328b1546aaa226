package dev.assay.engine.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One EventBridge event a line, as Macie publishes each new finding (Macie User Guide, "Amazon
 * EventBridge event schema for Macie findings"): {@code source} {@code aws.macie}, {@code
 * detail-type} {@code Macie Finding}, {@code resources} empty, {@code detail} the finding exactly
 * as GetFindings returns it. Macie never publishes archived findings; Assay's are never archived.
 *
 * <p>The event id is derived from the finding id (a name-based UUID), so the same finding always
 * makes the same event; {@code time} is the finding's {@code createdAt} in whole seconds, as
 * EventBridge writes times. Stateless and thread-safe.
 */
public final class EventBridgeWriter implements FindingWriter {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** The EventBridge envelope. */
  @JsonPropertyOrder({
    "version",
    "id",
    "detail-type",
    "source",
    "account",
    "time",
    "region",
    "resources",
    "detail"
  })
  public record Event(
      String version,
      String id,
      @JsonProperty("detail-type") String detailType,
      String source,
      String account,
      String time,
      String region,
      List<String> resources,
      Finding detail) {}

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    for (Finding f : report.findings()) {
      out.write(JSON.writeValueAsString(eventOf(f)));
      out.write('\n');
    }
  }

  /** The event EventBridge carries for a new finding. */
  public static Event eventOf(Finding f) {
    String id =
        UUID.nameUUIDFromBytes(("aws.macie/" + f.id()).getBytes(StandardCharsets.UTF_8)).toString();
    String time = SECONDS.format(Instant.parse(f.createdAt()).truncatedTo(ChronoUnit.SECONDS));
    return new Event(
        "0", id, "Macie Finding", "aws.macie", f.accountId(), time, f.region(), List.of(), f);
  }
}
