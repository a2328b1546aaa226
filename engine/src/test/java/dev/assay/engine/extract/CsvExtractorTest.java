package dev.assay.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvExtractorTest {

  private static List<Segment> extract(String csv, char delimiter) throws IOException {
    List<Segment> out = new ArrayList<>();
    new CsvExtractor(delimiter).extract(new StringReader(csv), s -> out.add(s));
    return out;
  }

  @Test
  void cells_carryRowColumnAndHeaderName() throws IOException {
    List<Segment> segments = extract("id,ssn\r\n1,512-23-4411\n2,\"431-58-2207\"\n", ',');
    assertThat(segments).hasSize(6);
    assertThat(segments.get(0).origin()).isEqualTo(new Segment.TextAt(1, 1, 0));
    assertThat(segments.get(1).origin()).isEqualTo(new Segment.TextAt(1, 4, 0));
    assertThat(segments.get(3).text().toString()).isEqualTo("512-23-4411");
    assertThat(segments.get(3).origin()).isEqualTo(new Segment.CellAt(2, 2, "ssn", null));
    assertThat(segments.get(3).field().names()).containsExactly("ssn");
    assertThat(segments.get(5).text().toString()).isEqualTo("431-58-2207");
    assertThat(segments.get(5).origin()).isEqualTo(new Segment.CellAt(3, 2, "ssn", null));
  }

  @Test
  void quotedCells_holdDelimitersQuotesAndLineBreaks() throws IOException {
    List<Segment> segments = extract("a,b\n\"x, \"\"y\"\"\nz\",w\nlast,row", ',');
    assertThat(segments)
        .extracting(s -> s.text().toString())
        .containsExactly("a", "b", "x, \"y\"\nz", "w", "last", "row");
    assertThat(segments.get(3).origin()).isEqualTo(new Segment.CellAt(2, 2, "b", null));
    assertThat(segments.get(4).origin()).isEqualTo(new Segment.CellAt(3, 1, "a", null));
  }

  @Test
  void tsv_usesTabs_andBlankLinesAreNotRows() throws IOException {
    List<Segment> segments = extract("name\tcard\n\nBo\t4556737586899855\n", '\t');
    assertThat(segments.get(3).origin()).isEqualTo(new Segment.CellAt(2, 2, "card", null));
  }

  @Test
  void quotedHeader_reportsTheColumnAfterTheQuote() throws IOException {
    List<Segment> segments = extract("id,\"social security\"\n", ',');
    assertThat(segments.get(1).origin()).isEqualTo(new Segment.TextAt(1, 5, 0));
  }

  /**
   * Whatever chunks the reader hands over, the cells, their text and their locations are the same:
   * a reader that gives one char a call leaves the extractor nothing to copy in runs, so it checks
   * the copying of runs against reading char by char. Seeded: quotes, doubled quotes, delimiters
   * and CR, LF and CRLF inside and outside quotes, empty cells, blank lines.
   */
  @Test
  void cells_doNotDependOnHowTheReaderChunksTheText() throws IOException {
    Random random = new Random(20261207);
    String[] pieces = {
      "a", "bc", "512-23-4411", " ", ",", ",", "\t", "\"", "\"\"", "\n", "\r", "\r\n"
    };
    for (int round = 0; round < 400; round++) {
      StringBuilder csv = new StringBuilder();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        csv.append(pieces[random.nextInt(pieces.length)]);
      }
      for (char delimiter : new char[] {',', '\t'}) {
        List<Segment> whole = new ArrayList<>();
        new CsvExtractor(delimiter).extract(new StringReader(csv.toString()), whole::add);
        for (int chunk : new int[] {1, 2, 7}) {
          List<Segment> chunked = new ArrayList<>();
          new CsvExtractor(delimiter)
              .extract(new ChunkedReader(csv.toString(), chunk), chunked::add);
          assertThat(described(chunked))
              .as("%s, chunks of %d", csv, chunk)
              .isEqualTo(described(whole));
        }
      }
    }
  }

  @Test
  void aCellLongerThanTheLimit_isCutThere_andTheNextCellIsWhole() throws IOException {
    String csv = "h1,h2\n" + "7".repeat(CsvExtractor.MAX_CELL_CHARS + 5000) + ",next\n";
    for (Reader reader : new Reader[] {new StringReader(csv), new ChunkedReader(csv, 4093)}) {
      List<Segment> segments = new ArrayList<>();
      new CsvExtractor(',').extract(reader, segments::add);
      assertThat(segments.get(2).text().length()).isEqualTo(CsvExtractor.MAX_CELL_CHARS);
      assertThat(segments.get(3).text().toString()).isEqualTo("next");
      assertThat(segments.get(3).origin()).isEqualTo(new Segment.CellAt(2, 2, "h2", null));
    }
  }

  private static List<String> described(List<Segment> segments) {
    List<String> out = new ArrayList<>();
    for (Segment s : segments) {
      out.add(s.text() + " @ " + s.origin() + " in " + s.field().names());
    }
    return out;
  }
}
