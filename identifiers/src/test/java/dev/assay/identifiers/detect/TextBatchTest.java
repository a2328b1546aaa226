package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A batch of short texts finds, text by text, exactly what each text's own scan finds: the same
 * candidates in the same order, whatever the texts around it, their field names and the batch's
 * size. Texts are drawn (seeded) from every managed identifier's samples, cut and joined, with
 * field names that hold keywords or not.
 */
class TextBatchTest {
  private static final List<String> SAMPLES = samples();
  private static final List<FieldContext> FIELDS =
      List.of(
          FieldContext.NONE,
          FieldContext.of("ssn"),
          FieldContext.of("account"),
          FieldContext.of("phone"),
          FieldContext.of("notes"),
          FieldContext.of("customer", "credit_card"),
          FieldContext.of("user", "passport number"),
          FieldContext.of("iban"),
          FieldContext.of("aws_secret_access_key"),
          FieldContext.of("order_id"),
          FieldContext.of("name"),
          FieldContext.of("address"));

  private static List<String> samples() {
    List<String> out = new ArrayList<>();
    for (ManagedDataIdentifier m : ManagedCatalog.all()) {
      out.addAll(m.positives());
      out.addAll(m.negatives());
    }
    return out;
  }

  private static String text(SplittableRandom random) {
    return switch (random.nextInt(7)) {
      case 0 -> "";
      case 1 -> Integer.toString(random.nextInt(1_000_000_000));
      case 2 -> {
        String s = SAMPLES.get(random.nextInt(SAMPLES.size()));
        int from = random.nextInt(s.length() + 1);
        yield s.substring(from, from + random.nextInt(s.length() - from + 1));
      }
      case 3 ->
          SAMPLES.get(random.nextInt(SAMPLES.size()))
              + " "
              + SAMPLES.get(random.nextInt(SAMPLES.size()));
      case 4 -> {
        // Digits, separators and a line break inside the value, as a quoted CSV cell may have.
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
          b.append("0123456789 -\n/AaZz".charAt(random.nextInt(18)));
        }
        yield b.toString();
      }
      default -> SAMPLES.get(random.nextInt(SAMPLES.size()));
    };
  }

  private static void assertSameAsAlone(Detector detector, TextBatch batch) {
    List<List<Candidate>> found = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      found.add(new ArrayList<>());
    }
    int[] last = {-1};
    detector.scan(
        batch,
        (i, c) -> {
          assertThat(i).as("texts in order").isGreaterThanOrEqualTo(last[0]);
          last[0] = i;
          found.get(i).add(c);
        });
    for (int i = 0; i < batch.size(); i++) {
      String t = batch.text(i).toString();
      assertThat(found.get(i))
          .as("text %d %s in %s", i, t, batch.field(i))
          .isEqualTo(detector.scan(t, batch.field(i)));
    }
  }

  /** {@link #assertSameAsAlone}, and how many candidates the batch holds. */
  private static int assertSameAsAloneAndCount(Detector detector, TextBatch batch) {
    assertSameAsAlone(detector, batch);
    int[] count = {0};
    detector.scan(batch, (i, c) -> count[0]++);
    return count[0];
  }

  /**
   * Columns of a table: each column's values are one identifier's samples, its field one of {@link
   * #FIELDS}, or a new object with its names when {@code ownFields}.
   */
  private record Table(List<List<String>> values, List<FieldContext> fields) {
    static Table of(SplittableRandom random, int columns, boolean ownFields) {
      List<ManagedDataIdentifier> managed = ManagedCatalog.all();
      List<List<String>> values = new ArrayList<>();
      List<FieldContext> fields = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        ManagedDataIdentifier id = managed.get(random.nextInt(managed.size()));
        List<String> v = new ArrayList<>(id.positives());
        v.addAll(id.negatives());
        values.add(v);
        FieldContext field = FIELDS.get(random.nextInt(FIELDS.size()));
        fields.add(ownFields ? new FieldContext(field.names()) : field);
      }
      return new Table(values, fields);
    }

    int columns() {
      return values.size();
    }

    String value(int column, SplittableRandom random) {
      List<String> v = values.get(column);
      return v.get(random.nextInt(v.size()));
    }
  }

  @Test
  void everyManagedIdentifier_batchFindsWhatEachTextFindsAlone() {
    Detector all = Detector.of(ManagedCatalog.all(), List.of());
    SplittableRandom random = new SplittableRandom(15);
    TextBatch batch = new TextBatch();
    int found = 0;
    for (int round = 0; round < 60; round++) {
      batch.clear();
      int n = 1 + random.nextInt(300);
      for (int i = 0; i < n; i++) {
        batch.add(text(random), FIELDS.get(random.nextInt(FIELDS.size())));
      }
      assertSameAsAlone(all, batch);
      int[] count = {0};
      all.scan(batch, (i, c) -> count[0]++);
      found += count[0];
    }
    assertThat(found).as("the texts hold occurrences").isGreaterThan(500);
  }

  @Test
  void columnsOfOneShape_siftedByUnions_findWhatEachTextFindsAlone() {
    // Rows of a table: each column's values are drawn from one identifier's samples, so the same
    // sets of groups come again and again and get unions (Detector.UNION_TEXT_MAX, UNION_AFTER).
    Detector all = Detector.of(ManagedCatalog.all(), List.of());
    SplittableRandom random = new SplittableRandom(17);
    TextBatch batch = new TextBatch();
    int found = 0;
    for (int round = 0; round < 30; round++) {
      batch.clear();
      Table table = Table.of(random, 2 + random.nextInt(10), false);
      int rows = 20 + random.nextInt(40);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < table.columns(); c++) {
          String value = table.value(c, random);
          batch.add(random.nextInt(5) == 0 ? value + " " + r : value, table.fields().get(c));
        }
      }
      found += assertSameAsAloneAndCount(all, batch);
    }
    assertThat(found).as("the texts hold occurrences").isGreaterThan(500);
    assertThat(all.unionCount()).as("unions built").isGreaterThan(20);
  }

  @Test
  void rowsWithValuesLeftOut_eachValueKeepsItsOwnColumnsKeywords() {
    // As a CSV's empty cells and Parquet's null fields leave values out: the fields of a row come
    // in order with gaps, of one or many columns, and some rows are cut short. Each column has its
    // own field (new objects, as extractors make one per column), some with keywords and some
    // without, so a value read with another column's keywords finds something else.
    Detector all = Detector.of(ManagedCatalog.all(), List.of());
    SplittableRandom random = new SplittableRandom(23);
    TextBatch batch = new TextBatch();
    int found = 0;
    for (int round = 0; round < 20; round++) {
      batch.clear();
      Table table = Table.of(random, 2 + random.nextInt(30), true);
      int rows = 20 + random.nextInt(40);
      int leftOut = 1 + random.nextInt(3); // in 8
      for (int r = 0; r < rows; r++) {
        int last = random.nextInt(8) == 0 ? random.nextInt(table.columns()) : table.columns();
        for (int c = 0; c < last; c++) {
          if (random.nextInt(8) >= leftOut) {
            batch.add(table.value(c, random), table.fields().get(c));
          }
        }
      }
      found += assertSameAsAloneAndCount(all, batch);
    }
    assertThat(found).as("the texts hold occurrences").isGreaterThan(300);
  }

  @Test
  void everySample_alone_andAmongOthers() {
    Detector all = Detector.of(ManagedCatalog.all(), List.of());
    TextBatch batch = new TextBatch();
    for (String s : SAMPLES) {
      batch.add(s, FieldContext.NONE);
      batch.add(s, FieldContext.of("notes"));
    }
    assertSameAsAlone(all, batch);
  }

  @Test
  void customIdentifiers_withAndWithoutKeywords_anchoredPatterns_allowLists() {
    List<DataIdentifier> ids =
        List.of(
            CustomDataIdentifier.define(
                null, "emp", null, "EMP-[0-9]{6}", List.of(), List.of(), null, null),
            CustomDataIdentifier.define(
                null,
                "code",
                null,
                "CODE-[0-9A-Z]{2,8}",
                List.of("project code"),
                List.of("TEST"),
                20,
                null),
            CustomDataIdentifier.define(
                null, "whole", null, "^[0-9]{4}$", List.of(), List.of(), null, null),
            CustomDataIdentifier.define(
                null, "spaced", null, "[a-z]+\\s[0-9]+", List.of("ref"), List.of(), 50, null));
    List<DataIdentifier> withManaged = new ArrayList<>(ids);
    withManaged.addAll(ManagedCatalog.recommended());
    AllowList allow = AllowList.words("allow-1", "allow", List.of("EMP-000000"));
    SplittableRandom random = new SplittableRandom(16);
    for (Detector detector :
        List.of(
            Detector.of(ids, List.of()),
            Detector.of(withManaged, List.of(allow)),
            Detector.withoutPrefilter(ids, List.of()))) {
      TextBatch batch = new TextBatch();
      for (int i = 0; i < 400; i++) {
        String value =
            switch (random.nextInt(6)) {
              case 0 -> "EMP-" + (100000 + random.nextInt(900000));
              case 1 -> "EMP-000000";
              case 2 ->
                  "project code CODE-"
                      + Integer.toString(random.nextInt(1 << 20), 36).toUpperCase();
              case 3 -> Integer.toString(1000 + random.nextInt(9000));
              case 4 -> "ref abc " + random.nextInt(100);
              default -> text(random);
            };
        FieldContext field =
            random.nextInt(4) == 0
                ? FieldContext.of("project code")
                : FieldContext.of("ref", "other");
        batch.add(value, random.nextBoolean() ? FieldContext.NONE : field);
      }
      assertSameAsAlone(detector, batch);
    }
  }

  @Test
  void clear_keepsNothingOfTheTextsBefore() {
    Detector all = Detector.of(ManagedCatalog.all(), List.of());
    TextBatch batch = new TextBatch();
    batch.add("ssn 512-23-4411", FieldContext.NONE);
    batch.clear();
    batch.add("512-23-4411", FieldContext.NONE);
    assertThat(batch.size()).isEqualTo(1);
    assertThat(batch.chars()).isEqualTo("512-23-4411".length() + 1);
    List<Candidate> found = new ArrayList<>();
    all.scan(batch, (i, c) -> found.add(c));
    assertThat(found).isEqualTo(all.scan("512-23-4411", FieldContext.NONE));
  }

  /**
   * Texts added from a char range, in the middle of a larger array and past the batch's first
   * capacity, are those chars: the batch then holds what it holds when given the same texts as
   * Strings.
   */
  @Test
  void textsAddedFromCharRanges_areTheSameAsFromStrings_asTheBatchGrows() {
    SplittableRandom random = new SplittableRandom(20261208);
    TextBatch fromChars = new TextBatch();
    TextBatch fromStrings = new TextBatch();
    for (int i = 0; i < 3000; i++) {
      String value = "SSN 512-23-" + (1000 + random.nextInt(9000)) + " row " + i;
      char[] buffer = ("<<" + value + ">>").toCharArray();
      FieldContext field = FieldContext.of("col" + (i % 7));
      assertThat(fromChars.add(buffer, 2, value.length(), field))
          .isEqualTo(fromStrings.add(value, field));
    }
    assertThat(fromChars.chars()).isGreaterThan(4096 * 8).isEqualTo(fromStrings.chars());
    for (int i = 0; i < fromStrings.size(); i++) {
      assertThat(fromChars.text(i).toString()).isEqualTo(fromStrings.text(i).toString());
      assertThat(fromChars.field(i)).isSameAs(fromStrings.field(i));
    }
  }
}
