package dev.assay.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextWindowerTest {

  private record Window(String text, int from, int to, long line, long column) {}

  private static List<Window> windows(String text, int own, int head, int tail, int writeChunk) {
    List<Window> out = new ArrayList<>();
    TextWindower w =
        new TextWindower(
            own,
            head,
            tail,
            0,
            s -> {
              Segment.TextAt at = (Segment.TextAt) s.origin();
              out.add(
                  new Window(
                      s.text().toString(), s.reportFrom(), s.reportTo(), at.line(), at.column()));
            });
    for (int i = 0; i < text.length(); i += writeChunk) {
      w.write(text.substring(i, Math.min(text.length(), i + writeChunk)));
    }
    w.close();
    return out;
  }

  @Test
  void ownRegions_partitionTheText_andEachWindowKnowsItsLineAndColumn() {
    qt().withExamples(300)
        .forAll(
            strings().basicLatinAlphabet().ofLengthBetween(0, 400),
            integers().between(1, 50),
            integers().between(0, 440),
            integers().between(1, 64))
        .checkAssert(
            (raw, own, overlaps, chunk) -> {
              int head = overlaps % 21;
              int tail = overlaps / 21;
              String text = raw.replace('#', '\n').replace('~', '\r');
              List<Window> ws = windows(text, own, head, tail, chunk);
              StringBuilder owned = new StringBuilder();
              for (Window w : ws) {
                // Own regions are consecutive, so this window's char 0 is this far into the text.
                int absoluteStart = owned.length() - w.from;
                assertThat(absoluteStart).isGreaterThanOrEqualTo(0);
                assertThat(text.substring(absoluteStart, absoluteStart + w.text.length()))
                    .isEqualTo(w.text);
                long[] expected = lineAndColumn(text, absoluteStart);
                assertThat(new long[] {w.line, w.column})
                    .as("window at %d", absoluteStart)
                    .containsExactly(expected);
                owned.append(w.text, w.from, w.to);
              }
              assertThat(owned.toString()).isEqualTo(text);
            });
  }

  /**
   * A windower reuses the buffer a closed one left on its thread: what the last one held must not
   * show.
   */
  @Test
  void aReusedBuffer_showsOnlyTheNewText() throws Exception {
    windows("x".repeat(5000), 4000, 10, 100, 512);
    List<Window> reused = windows("short text", 4000, 10, 100, 3);
    List<Window> fresh = new ArrayList<>();
    Thread t = new Thread(() -> fresh.addAll(windows("short text", 4000, 10, 100, 3)));
    t.start();
    t.join();
    assertThat(reused).isEqualTo(fresh).hasSize(1);
    assertThat(reused.get(0).text()).isEqualTo("short text");
  }

  /** Line and column of {@code offset}, counting CR LF, LF and lone CR as line ends. */
  static long[] lineAndColumn(String text, int offset) {
    long line = 1;
    long column = 1;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
    }
    return new long[] {line, column};
  }
}
