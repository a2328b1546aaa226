package dev.assay.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealisticCorpusTest {
  private static final Pattern SSN =
      Pattern.compile("(?<![\\w-])(\\d{3})-(\\d{2})-(\\d{4})(?![\\w-])");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Path corpus;
  private static Map<String, String[]> manifest;

  @BeforeAll
  static void generate() throws Exception {
    corpus = dir.resolve("a");
    RealisticCorpus.main(new String[] {corpus.toString(), "--mb", "2", "--seed", "7"});
    manifest = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(corpus.resolve("manifest.tsv"));
    assertThat(lines.get(0)).isEqualTo("path\tformat\tbytes\tssn\tcard\taws_secret\taws_key_id");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t");
      manifest.put(cells[0], cells);
    }
  }

  @Test
  void everyFormatHasSeveralFilesListedInTheManifest() throws IOException {
    for (String format :
        List.of("logs", "csv", "tsv", "jsonl", "json", "parquet", "avro", "prose")) {
      List<Path> files = files(corpus.resolve(format));
      assertThat(files).as(format).hasSizeGreaterThanOrEqualTo(4);
      for (Path file : files) {
        String[] line = manifest.get(corpus.relativize(file).toString());
        assertThat(line).as(file.toString()).isNotNull();
        assertThat(line[1]).isEqualTo(format);
        assertThat(Long.parseLong(line[2])).isEqualTo(Files.size(file)).isPositive();
      }
    }
    assertThat(manifest).hasSize(files(corpus).size() - 1);
  }

  @Test
  void delimitedFilesHaveAsManyCellsInEveryRecordAsInTheHeader() throws IOException {
    for (String format : List.of("csv", "tsv")) {
      for (Path file : files(corpus.resolve(format))) {
        List<Integer> widths =
            recordWidths(Files.readString(file), format.equals("csv") ? ',' : '\t');
        assertThat(widths.size()).as(file.toString()).isGreaterThan(10);
        assertThat(widths.get(0)).isBetween(10, 40);
        assertThat(widths).as(file.toString()).containsOnly(widths.get(0));
      }
    }
  }

  @Test
  void jsonFilesParse() throws IOException {
    for (Path file : files(corpus.resolve("jsonl"))) {
      List<String> lines = Files.readAllLines(file);
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        JsonNode event = JSON.readTree(line);
        assertThat(event.path("user").path("account").path("number").isTextual()).as(line).isTrue();
        assertThat(event.path("items").isArray()).isTrue();
      }
    }
    for (Path file : files(corpus.resolve("json"))) {
      assertThat(JSON.readTree(file.toFile()).path("records").size())
          .as(file.toString())
          .isPositive();
    }
  }

  @Test
  void parquetAndAvroFilesHaveRows() throws IOException {
    for (Path file : files(corpus.resolve("parquet"))) {
      assertThat(parquetRows(file)).as(file.toString()).isNotEmpty();
    }
    for (Path file : files(corpus.resolve("avro"))) {
      assertThat(avroRows(file)).as(file.toString()).isNotEmpty();
    }
  }

  @Test
  void theSameSeedGivesTheSameBytes() throws Exception {
    Path again = dir.resolve("b");
    RealisticCorpus.main(new String[] {again.toString(), "--mb", "2", "--seed", "7"});
    List<Path> files = files(corpus);
    assertThat(files(again)).hasSameSizeAs(files);
    for (Path file : files) {
      assertThat(Files.mismatch(file, again.resolve(corpus.relativize(file))))
          .as(file.toString())
          .isEqualTo(-1L);
    }
  }

  @Test
  void manifestCountsMatchThePlantedValuesInTheFiles() throws IOException {
    int[] total = new int[4];
    for (Map.Entry<String, String[]> e : manifest.entrySet()) {
      String text = contents(corpus.resolve(e.getKey()));
      String lower = text.toLowerCase(Locale.ROOT);
      assertThat(validSsns(text)).as(e.getKey()).isEqualTo(Integer.parseInt(e.getValue()[3]));
      assertThat(occurrences(lower, "aws_secret_access_key"))
          .as(e.getKey())
          .isEqualTo(Integer.parseInt(e.getValue()[5]));
      assertThat(occurrences(lower, "aws_access_key_id"))
          .as(e.getKey())
          .isEqualTo(Integer.parseInt(e.getValue()[6]));
      for (int k = 0; k < total.length; k++) {
        total[k] += Integer.parseInt(e.getValue()[3 + k]);
      }
    }
    assertThat(total[0]).as("SSNs").isPositive();
    assertThat(total[0] + total[1] + total[2] + total[3]).as("planted values").isPositive();
  }

  @Test
  void plantedValuesAreValid() {
    assertThat(RealisticCorpus.luhnCheckDigit("7992739871")).isEqualTo(3);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1_000; i++) {
      String card = RealisticCorpus.cardNumber(random);
      assertThat(card).matches("4\\d{15}|5[1-5]\\d{14}|3[47]\\d{13}");
      assertThat(RealisticCorpus.luhnCheckDigit(card.substring(0, card.length() - 1)))
          .isEqualTo(card.charAt(card.length() - 1) - '0');
      assertThat(validSsns(RealisticCorpus.ssn(random))).isEqualTo(1);
    }
  }

  /** The text of a file; for Parquet and Avro, every record's values as text. */
  private static String contents(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".parquet")) {
      return String.join("\n", parquetRows(file));
    }
    if (name.endsWith(".avro")) {
      return String.join("\n", avroRows(file));
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static List<String> parquetRows(Path file) throws IOException {
    List<String> rows = new ArrayList<>();
    try (ParquetReader<Group> reader =
        new ParquetReader.Builder<Group>(new LocalInputFile(file)) {
          @Override
          protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
          }
        }.build()) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        rows.add(g.toString());
      }
    }
    return rows;
  }

  private static List<String> avroRows(Path file) throws IOException {
    List<String> rows = new ArrayList<>();
    try (DataFileReader<GenericRecord> reader =
        new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      for (GenericRecord record : reader) {
        rows.add(record.toString());
      }
    }
    return rows;
  }

  /** SSNs that are valid (not area 000, 666 or 9xx, group 00 or serial 0000): the planted ones. */
  private static int validSsns(String text) {
    int count = 0;
    Matcher m = SSN.matcher(text);
    while (m.find()) {
      int area = Integer.parseInt(m.group(1));
      if (area != 0
          && area != 666
          && area < 900
          && !m.group(2).equals("00")
          && !m.group(3).equals("0000")) {
        count++;
      }
    }
    return count;
  }

  private static int occurrences(String text, String word) {
    int count = 0;
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      count++;
    }
    return count;
  }

  /**
   * The number of cells of each record, RFC 4180: a quoted cell may hold delimiters, quotes ("")
   * and line breaks.
   */
  private static List<Integer> recordWidths(String text, char delimiter) {
    List<Integer> widths = new ArrayList<>();
    int cells = 1;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        cells++;
      } else if (c == '\n') {
        widths.add(cells);
        cells = 1;
      }
    }
    assertThat(quoted).as("an unterminated quoted cell").isFalse();
    return widths;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
