package dev.assay.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonExtractorTest {

  @Test
  void values_carryJsonPathAndTheNamesAlongIt() throws Exception {
    List<Segment> out = new ArrayList<>();
    new JsonExtractor()
        .extractDocument(
            new StringReader("{\"user\": {\"ids\": [\"a\", 512234411], \"first name\": \"Bo\"}}"),
            out::add);
    List<String> values =
        out.stream()
            .filter(s -> ((Segment.RecordAt) s.origin()).jsonPath() != null)
            .map(s -> s.text() + "@" + ((Segment.RecordAt) s.origin()).jsonPath())
            .toList();
    assertThat(values)
        .containsExactly("a@$.user.ids[0]", "512234411@$.user.ids[1]", "Bo@$.user['first name']");
    Segment number =
        out.stream().filter(s -> s.text().toString().equals("512234411")).findFirst().orElseThrow();
    assertThat(number.field().names()).containsExactly("user", "ids");
  }

  @Test
  void elementNames_areScannedWithoutAPath() throws Exception {
    List<Segment> out = new ArrayList<>();
    new JsonExtractor().extractDocument(new StringReader("{\"512-23-4411\": true}"), out::add);
    assertThat(out)
        .singleElement()
        .extracting(Segment::origin)
        .isEqualTo(new Segment.RecordAt(0, null));
  }

  @Test
  void jsonLines_indexRecordsByLine_andScanBadLinesAsText() throws Exception {
    List<Segment> out = new ArrayList<>();
    long[] malformed = new long[1];
    new JsonExtractor()
        .extractLines(
            new StringReader("{\"a\":\"x\"}\n\n{oops 512\n{\"b\":\"y\"}\n"), out::add, malformed);
    assertThat(out)
        .extracting(Segment::origin)
        .containsExactly(
            new Segment.RecordAt(0, null),
            new Segment.RecordAt(0, "$.a"),
            new Segment.TextAt(3, 1, 0),
            new Segment.RecordAt(3, null),
            new Segment.RecordAt(3, "$.b"));
    assertThat(malformed[0]).isEqualTo(1);
  }

  @Test
  void malformedDocument_isReported() {
    assertThatThrownBy(
            () -> new JsonExtractor().extractDocument(new StringReader("{\"a\": "), s -> {}))
        .isInstanceOf(JsonExtractor.MalformedJson.class);
  }

  @Test
  void nestingPastMacieLimit_isSkippedWithMacieReason() {
    String deep = "[".repeat(300) + "]".repeat(300);
    assertThatThrownBy(() -> new JsonExtractor().extractDocument(new StringReader(deep), s -> {}))
        .isInstanceOf(ExtractionException.class)
        .extracting(e -> ((ExtractionException) e).reason())
        .isEqualTo("JSON_NESTING_LEVEL_OVER_LIMIT");
  }

  @Test
  void longPaths_areCutAsMacieCutsThem() {
    List<Object> path = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      path.add("element" + i);
    }
    String cut = JsonExtractor.jsonPath(path);
    assertThat(cut).startsWith("$..").endsWith(".element39");
    assertThat(cut.length()).isLessThanOrEqualTo(250);
  }
}
