package dev.assay.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  /**
   * Reading JSON Lines a block at a time must yield what reading them a line at a time yields,
   * whatever the lines hold and however the reader cuts the chars: seeded files of good records,
   * blank lines, lines that are not JSON, two values on a line, values over several lines, root
   * scalars, CR, LF and CR LF ends, and lines longer than a block.
   */
  @Test
  void jsonLines_inBlocks_yieldWhatLineByLineYields() throws Exception {
    String[] kinds = {
      "{\"id\":%d,\"ssn\":\"512-23-%04d\",\"tags\":[\"a\",{\"n\":%d}]}",
      "{\"user\":{\"phone\":\"+1 206 555 %04d\",\"n\":%d,\"z\":%d}}",
      "",
      "   ",
      "\t",
      "{oops %d %d %d",
      "{\"a\":%d} {\"b\":%d} %d",
      "{\"a\":%d,",
      "\"b\":%d}%d",
      "%d",
      "\"str %d %d %d\"",
      "[%d,%d,%d]",
      "{\"a\":%d}]%d%d",
      "\u000b",
      "nul%d%d%d",
    };
    String[] ends = {"\n", "\n", "\n", "\r\n", "\r"};
    for (long seed = 1; seed <= 60; seed++) {
      Random random = new Random(seed);
      StringBuilder file = new StringBuilder();
      int lines = 1 + random.nextInt(seed % 10 == 0 ? 6000 : 300);
      for (int i = 0; i < lines; i++) {
        String kind = kinds[random.nextInt(random.nextInt(4) == 0 ? kinds.length : 2)];
        file.append(String.format(kind, i, random.nextInt(10_000), random.nextInt(100)));
        if (random.nextInt(500) == 0) {
          file.append(" ".repeat(JsonExtractor.LINES_BLOCK + random.nextInt(1000)));
        }
        if (i < lines - 1 || random.nextBoolean()) {
          file.append(ends[random.nextInt(seed % 3 == 0 ? ends.length : 1)]);
        }
      }
      char[] chars = file.toString().toCharArray();
      List<String> expected = new ArrayList<>();
      long[] expectedMalformed = new long[1];
      new JsonExtractor()
          .extractLinesOneByOne(
              chars, chars.length, 0, 0, s -> expected.add(render(s)), expectedMalformed);
      List<String> actual = new ArrayList<>();
      long[] actualMalformed = new long[1];
      int cut = 1 + random.nextInt(5000);
      new JsonExtractor()
          .extractLines(
              new ChunkedReader(file.toString(), cut), s -> actual.add(render(s)), actualMalformed);
      assertThat(actual).as("seed %d", seed).isEqualTo(expected);
      assertThat(actualMalformed[0]).as("seed %d", seed).isEqualTo(expectedMalformed[0]);
    }
  }

  private static String render(Segment segment) {
    return segment.text() + " | " + segment.origin() + " | " + segment.field().names();
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
