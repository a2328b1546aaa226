package dev.assay.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.FieldContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A path's JSON path and field context, made step by step, are those of the path as a whole. */
class JsonPathNodeTest {

  private static final String[] NAMES = {
    "user",
    "ssn",
    "a-b",
    "9lives",
    "it's",
    "$ref",
    "phone number",
    "",
    "x".repeat(60),
    "y".repeat(245)
  };

  @Test
  void stepByStepPathsEqualWholePaths() {
    Random random = new Random(15);
    JsonPathNode root = JsonPathNode.root();
    for (int example = 0; example < 5000; example++) {
      JsonPathNode node = root;
      List<Object> elements = new ArrayList<>();
      int depth = random.nextInt(12);
      for (int d = 0; d < depth; d++) {
        // Indexes past the kept children's bound too: such nodes are made anew each time.
        Object element =
            random.nextInt(3) == 0
                ? (Object) random.nextInt(3000)
                : NAMES[random.nextInt(NAMES.length)];
        elements.add(element);
        node = node.child(element);
      }
      assertThat(node.jsonPath()).as("%s", elements).isEqualTo(JsonExtractor.jsonPath(elements));
      assertThat(node.field()).as("%s", elements).isEqualTo(JsonExtractor.fieldContext(elements));
    }
  }

  @Test
  void pathsWithTheSameNamesShareOneFieldContext() {
    JsonPathNode root = JsonPathNode.root();
    FieldContext first = root.child(7).child("user").child("ssn").field();
    FieldContext far = root.child(70_000).child("user").child(3).child("ssn").field();
    assertThat(far).isSameAs(first).isEqualTo(FieldContext.of("user", "ssn"));
    assertThat(root.child(2).field()).isSameAs(FieldContext.NONE);
    assertThat(root.child("user").child("ssn").field()).isSameAs(first);
  }
}
