package dev.assay.corpus;

import java.util.Map;
import java.util.Objects;

/**
 * One labelled document of the corpus: content in a format, and how many occurrences of each
 * managed identifier a scan with every managed identifier (selector ALL) must report in it.
 *
 * @param id unique name, such as {@code USA_SOCIAL_SECURITY_NUMBER-p01}; also the file's base name
 * @param format the file extension the content is written with: {@code txt}, {@code log}, {@code
 *     csv}, {@code tsv}, {@code json}, {@code jsonl}, {@code xml}, {@code yaml}, ...
 * @param content the document's text
 * @param expect managed identifier ID to expected occurrence count; identifiers not listed must not
 *     be reported at all
 */
public record LabelledSample(
    String id, String format, String content, Map<String, Integer> expect) {
  public LabelledSample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(content, "content");
    expect = Map.copyOf(expect);
  }
}
