package dev.assay.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The labelled corpus: every {@code *.jsonl} file of a directory (by default {@code
 * corpus/labelled}), one {@link LabelledSample} a line:
 *
 * <pre>{"id": "X-p01", "format": "txt", "content": "...", "expect": {"X": 1}}</pre>
 *
 * Files are read in name order, lines in file order. Immutable once loaded.
 */
public final class Corpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<LabelledSample> samples;

  private Corpus(List<LabelledSample> samples) {
    this.samples = List.copyOf(samples);
  }

  public List<LabelledSample> samples() {
    return samples;
  }

  /**
   * Loads every {@code *.jsonl} file in {@code dir}.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed sample or a duplicate
   *     id
   */
  public static Corpus load(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    List<LabelledSample> samples = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path file : files) {
      int lineNumber = 0;
      for (String line : Files.readAllLines(file)) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String where = file.getFileName() + ":" + lineNumber;
        LabelledSample sample;
        try {
          sample = parse(JSON.readTree(line));
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (!ids.add(sample.id())) {
          throw new IllegalArgumentException(where + ": duplicate id " + sample.id());
        }
        samples.add(sample);
      }
    }
    return new Corpus(samples);
  }

  private static LabelledSample parse(JsonNode node) {
    Map<String, Integer> expect = new LinkedHashMap<>();
    JsonNode e = node.get("expect");
    if (e == null || !e.isObject()) {
      throw new IllegalArgumentException("expect must be an object of identifier ID to count");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = e.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 0) {
        throw new IllegalArgumentException("expect." + entry.getKey() + " must be a count");
      }
      expect.put(entry.getKey(), entry.getValue().asInt());
    }
    return new LabelledSample(
        text(node, "id"), text(node, "format"), text(node, "content"), expect);
  }

  private static String text(JsonNode node, String member) {
    JsonNode v = node.get(member);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(member + " is required and must be a string");
    }
    return v.asText();
  }

  /** Writes every sample as a file {@code <id>.<format>} in {@code dir}. */
  public void materialize(Path dir) {
    try {
      Files.createDirectories(dir);
      for (LabelledSample s : samples) {
        Files.writeString(dir.resolve(s.id() + "." + s.format()), s.content());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
