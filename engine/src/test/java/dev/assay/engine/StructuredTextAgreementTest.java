package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same rows as CSV, TSV, JSON Lines, a JSON array, Avro, Parquet and plain text give the same
 * count per identifier: reading a structured object value by value finds what a scan of its text
 * finds. The column names are no keywords, and each planted value carries its keyword in its own
 * cell, so that no rule of Macie's for field names or proximity across cells makes a difference
 * that would be right.
 */
class StructuredTextAgreementTest {
  @TempDir Path dir;

  private static final String[] PLANTS = {
    "ssn 512-23-4411",
    "SSN: 431-58-2207",
    "visa 4556 7375 8689 9855",
    "card 4556737586899855",
    "mastercard 5555555555554444",
    "aws_secret_access_key=Tn4pW7qZ2xR9vB6mK1cL8dF3hJ5sG0aY2uE4iO6w",
    "iban DE89 3704 0044 0532 0130 00",
    "-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEAx3Qz0xExampleOnlyNotARealKeyButShapedLikeOne0123 -----END RSA PRIVATE KEY-----",
  };

  /** Rows of neutral cells (short numbers, amounts, codes, words) with a plant now and then. */
  private static List<List<String>> rows(long seed, int columns, int count) {
    Random random = new Random(seed);
    String[] words = {"lorem", "ipsum", "shipped", "pending", "north", "blue", "ok", "retry"};
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        int kind = random.nextInt(40);
        row.add(
            switch (kind) {
              case 0 -> PLANTS[random.nextInt(PLANTS.length)];
              case 1, 2, 3, 4, 5, 6, 7, 8, 9 -> Integer.toString(random.nextInt(100_000));
              case 10, 11, 12, 13, 14 -> random.nextInt(10_000) + "." + (10 + random.nextInt(90));
              case 15, 16, 17 -> "ord-" + Integer.toHexString(random.nextInt());
              default ->
                  words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
            });
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void everyFormatCountsWhatItsTextCounts() throws IOException {
    int columns = 12;
    List<List<String>> rows = rows(15, columns, 600);
    List<String> header = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      header.add("c" + c);
    }
    write("rows.csv", header, rows, ",");
    write("rows.tsv", header, rows, "\t");
    write("rows.txt", header, rows, " , ");
    StringBuilder jsonl = new StringBuilder();
    for (List<String> row : rows) {
      jsonl.append(jsonObject(header, row)).append('\n');
    }
    Files.writeString(dir.resolve("rows.jsonl"), jsonl);
    List<String> objects = new ArrayList<>();
    for (List<String> row : rows) {
      objects.add(jsonObject(header, row));
    }
    Files.writeString(dir.resolve("rows.json"), "[\n" + String.join(",\n", objects) + "\n]\n");
    avro(dir.resolve("rows.avro"), header, rows);
    parquet(dir.resolve("rows.parquet"), header, rows);

    ScanFixture.Outcome outcome = ScanFixture.scan(dir, ManagedCatalog.all(), 2, 4096);
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    for (ObjectResult r : outcome.results()) {
      assertThat(r.statusCode()).as(r.object().key()).isEqualTo("COMPLETE");
      Map<String, Long> byIdentifier = new TreeMap<>();
      for (Detection d : r.detections()) {
        byIdentifier.put(d.identifier().id(), d.count());
      }
      counts.put(r.object().key(), byIdentifier);
    }
    Map<String, Long> text = counts.get("rows.txt");
    // The planted values counted at all: else agreement on nothing would prove nothing.
    assertThat(text)
        .containsKeys(
            "USA_SOCIAL_SECURITY_NUMBER",
            "CREDIT_CARD_NUMBER",
            "AWS_CREDENTIALS",
            "GERMANY_BANK_ACCOUNT_NUMBER",
            "PKCS");
    for (String key :
        List.of("rows.csv", "rows.tsv", "rows.jsonl", "rows.json", "rows.avro", "rows.parquet")) {
      assertThat(counts.get(key)).as(key).isEqualTo(text);
    }
  }

  private void write(String name, List<String> header, List<List<String>> rows, String separator)
      throws IOException {
    StringBuilder sb = new StringBuilder(String.join(separator, header)).append('\n');
    for (List<String> row : rows) {
      sb.append(String.join(separator, row)).append('\n');
    }
    Files.writeString(dir.resolve(name), sb);
  }

  private static String jsonObject(List<String> header, List<String> row) {
    StringBuilder sb = new StringBuilder("{");
    for (int c = 0; c < header.size(); c++) {
      sb.append(c == 0 ? "" : ", ")
          .append('"')
          .append(header.get(c))
          .append("\": \"")
          .append(row.get(c))
          .append('"');
    }
    return sb.append('}').toString();
  }

  private static void avro(Path file, List<String> header, List<List<String>> rows)
      throws IOException {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("Row").fields();
    for (String name : header) {
      fields = fields.requiredString(name);
    }
    Schema schema = fields.endRecord();
    try (OutputStream out = Files.newOutputStream(file);
        DataFileWriter<GenericRecord> writer =
            new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.create(schema, out);
      for (List<String> row : rows) {
        GenericRecord r = new GenericData.Record(schema);
        for (int c = 0; c < header.size(); c++) {
          r.put(header.get(c), row.get(c));
        }
        writer.append(r);
      }
    }
  }

  private static void parquet(Path file, List<String> header, List<List<String>> rows)
      throws IOException {
    StringBuilder message = new StringBuilder("message Row {");
    for (String name : header) {
      message.append(" required binary ").append(name).append(" (UTF8);");
    }
    MessageType schema = MessageTypeParser.parseMessageType(message.append(" }").toString());
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(schema)
            .withConf(new Configuration(false))
            .build()) {
      for (List<String> row : rows) {
        Group g = groups.newGroup();
        for (int c = 0; c < header.size(); c++) {
          g.append(header.get(c), row.get(c));
        }
        writer.write(g);
      }
    }
  }
}
