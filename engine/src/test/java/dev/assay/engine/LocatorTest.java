package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.extract.Segment;
import dev.assay.identifiers.FieldContext;
import java.nio.CharBuffer;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Line ranges from {@link Locator}: 1-based lines and columns, where {@code \n}, {@code \r\n} and a
 * lone {@code \r} each end a line. A window's array is indexed directly and any other text char by
 * char; both must give what counting from the start gives, for random texts and offsets (seeded).
 */
class LocatorTest {

  static LongStream seeds() {
    return LongStream.range(1, 101);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lineAndColumn_asCountedFromTheStart(long seed) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    int length = 1 + random.nextInt(random.nextBoolean() ? 2000 : 20_000);
    // Dense line ends, or lines of a few hundred chars (fewer than the index is first sized for).
    double lineEnds = random.nextBoolean() ? 0.4 : 0.005;
    while (sb.length() < length) {
      sb.append(
          random.nextDouble() < lineEnds
              ? new String[] {"\n", "\r\n", "\r"}[random.nextInt(3)]
              : new String[] {"a", "bc", " ", "é", "\t"}[random.nextInt(5)]);
    }
    String text = sb.toString();
    long firstLine = 1 + random.nextInt(50);
    long firstColumn = 1 + random.nextInt(30);
    // The window's chars sit inside a larger array, as TextWindower's buffer holds them.
    char[] buffer = new char[text.length() + 20];
    text.getChars(0, text.length(), buffer, 7);
    CharBuffer window = CharBuffer.wrap(buffer, 7, text.length()).slice();
    Segment.TextAt origin = new Segment.TextAt(firstLine, firstColumn, 0);
    Locator arrayLocator =
        new Locator(new Segment(window, 0, text.length(), origin, FieldContext.NONE));
    Locator stringLocator =
        new Locator(new Segment(text, 0, text.length(), origin, FieldContext.NONE));
    for (int k = 0; k < 20; k++) {
      int start = random.nextInt(text.length());
      int end = start + 1 + random.nextInt(Math.min(40, text.length() - start));
      Location expected = counted(text, firstLine, firstColumn, start, end);
      assertThat(arrayLocator.locate(start, end))
          .as("[%d, %d) in %s", start, end, text)
          .isEqualTo(expected);
      assertThat(stringLocator.locate(start, end))
          .as("[%d, %d) in %s", start, end, text)
          .isEqualTo(expected);
    }
  }

  /** The definition: walk from the first char, counting line ends. */
  private static Location counted(
      String text, long firstLine, long firstColumn, int start, int end) {
    long line = firstLine;
    long column = firstColumn;
    long startLine = 0;
    long startColumn = 0;
    for (int i = 0; i < end; i++) {
      if (i == start) {
        startLine = line;
        startColumn = column;
      }
      if (i == end - 1) {
        break;
      }
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else {
        column++; // the \r of a \r\n too: only a match that starts on its \n sees that
      }
    }
    return new Location.Line(startLine, line, startColumn);
  }
}
