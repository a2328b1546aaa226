package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RegexTree}'s Unicode classes: the sets re2j's own tables give, in every plane. */
class RegexTreeTest {
  @ParameterizedTest
  @ValueSource(strings = {"L", "Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "P", "Greek", "Han"})
  void unicodeClass_isWhatRe2jMatches_atSeededCodePoints(String name) {
    int[] set = RegexTree.CharSet.unicode(name);
    Pattern one = Pattern.compile("\\p{" + name + "}");
    Random random = new Random(name.hashCode());
    for (int i = 0; i < 4000; i++) {
      // Mostly the Basic Multilingual Plane, some beyond it; never a lone surrogate.
      int cp = i % 4 == 0 ? 0x10000 + random.nextInt(0x30000) : random.nextInt(0x10000);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        continue;
      }
      boolean re2j = one.matcher(new String(Character.toChars(cp))).matches();
      assertThat(RegexTree.CharSet.contains(set, cp)).as("%s U+%04X", name, cp).isEqualTo(re2j);
    }
    assertThat(RegexTree.CharSet.contains(RegexTree.CharSet.unicode("Lu"), 0x1D400))
        .isTrue(); // 𝐀, beyond the plane
  }

  @ParameterizedTest
  @ValueSource(strings = {"NoSuchClass", "CASE_ORBIT"})
  void unknownClass_isRefused(String name) {
    assertThatThrownBy(() -> RegexTree.CharSet.unicode(name))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
