package dev.assay.identifiers;

import dev.assay.identifiers.detect.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One of Macie's managed data identifiers, a self-contained unit: its Macie ID and category, its
 * detection criteria, its severity profile, whether it is in Macie's RECOMMENDED set, and labelled
 * samples that the catalog tests run through the same prefilter the scanner uses.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder(String, Category)}.
 *
 * @param id Macie's ID, exactly (e.g. {@code CREDIT_CARD_NUMBER_(NO_KEYWORD)})
 * @param category its {@code SensitiveDataItemCategory}
 * @param criteria what makes a match an occurrence
 * @param severity its severity by occurrence count
 * @param recommended whether Macie's RECOMMENDED selector includes it
 * @param positives texts in which it must report at least one occurrence
 * @param negatives texts in which it must report none
 */
public record ManagedDataIdentifier(
    String id,
    Category category,
    DetectionCriteria criteria,
    SeverityProfile severity,
    boolean recommended,
    List<String> positives,
    List<String> negatives)
    implements DataIdentifier {

  public ManagedDataIdentifier {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(severity, "severity");
    positives = List.copyOf(positives);
    negatives = List.copyOf(negatives);
    if (category == Category.CUSTOM_IDENTIFIER) {
      throw new IllegalArgumentException(id + ": a managed identifier cannot be CUSTOM_IDENTIFIER");
    }
  }

  @Override
  public String name() {
    return id;
  }

  public static Builder builder(String id, Category category) {
    return new Builder(id, category);
  }

  /** Assembles a managed identifier; not thread-safe, used once. */
  public static final class Builder {
    private final String id;
    private final Category category;
    private String regex;
    private final List<String> keywords = new ArrayList<>();
    private KeywordRequirement requirement = KeywordRequirement.NOT_REQUIRED;
    private Validator validator = Validator.NONE;
    private Validator qualifier = Validator.NONE;
    private Seeds seeds;
    private final List<String> anchors = new ArrayList<>();
    private SeverityProfile severity = SeverityProfile.ALWAYS_HIGH;
    private boolean recommended;
    private final List<String> positives = new ArrayList<>();
    private final List<String> negatives = new ArrayList<>();

    private Builder(String id, Category category) {
      this.id = id;
      this.category = category;
    }

    public Builder regex(String regex) {
      this.regex = regex;
      return this;
    }

    /** Keywords that must be near an occurrence (Macie: "keyword required"). */
    public Builder requiredKeywords(String... words) {
      keywords.addAll(List.of(words));
      requirement = KeywordRequirement.REQUIRED;
      return this;
    }

    /**
     * Keywords that must be near an occurrence unless {@code qualifier} accepts the value by itself
     * (for example a phone number that carries its country code).
     */
    public Builder keywordsUnlessQualified(Validator qualifier, String... words) {
      keywords.addAll(List.of(words));
      requirement = KeywordRequirement.REQUIRED_UNLESS_QUALIFIED;
      this.qualifier = qualifier;
      return this;
    }

    /** Keywords that must <em>not</em> be near an occurrence. */
    public Builder forbiddenKeywords(List<String> words) {
      keywords.addAll(words);
      requirement = KeywordRequirement.ABSENT;
      return this;
    }

    public Builder validator(Validator validator) {
      this.validator = validator;
      return this;
    }

    /**
     * Where the pattern can possibly match; see {@link Seeds}. Share one instance between
     * identifiers of one pattern.
     */
    public Builder seeds(Seeds seeds) {
      this.seeds = seeds;
      return this;
    }

    /** Literals one of which every occurrence's text contains; see {@link DetectionCriteria}. */
    public Builder anchors(String... literals) {
      anchors.addAll(List.of(literals));
      return this;
    }

    public Builder severity(SeverityProfile severity) {
      this.severity = severity;
      return this;
    }

    public Builder recommended() {
      this.recommended = true;
      return this;
    }

    public Builder positive(String... texts) {
      positives.addAll(List.of(texts));
      return this;
    }

    public Builder negative(String... texts) {
      negatives.addAll(List.of(texts));
      return this;
    }

    public List<String> keywords() {
      return List.copyOf(keywords);
    }

    public ManagedDataIdentifier build() {
      DetectionCriteria criteria =
          new DetectionCriteria(
              regex,
              keywords,
              requirement,
              Proximity.MANAGED,
              List.of(),
              validator,
              anchors,
              qualifier,
              seeds,
              null);
      return new ManagedDataIdentifier(
          id, category, criteria, severity, recommended, positives, negatives);
    }
  }
}
