package dev.assay.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
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
}
