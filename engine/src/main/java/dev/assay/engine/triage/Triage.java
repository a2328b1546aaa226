package dev.assay.engine.triage;

import dev.assay.engine.Detection;
import dev.assay.engine.ObjectResult;
import dev.assay.identifiers.Category;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Macie makes of one object's detections: which are reportable, the finding's severity and its
 * type. A managed identifier's severity comes from its occurrence count (Macie's severity table per
 * identifier); a custom identifier's from its thresholds, and a count below the lowest threshold
 * drops that identifier from the finding (Macie User Guide, "Configuration options for custom data
 * identifiers"). The finding's severity is the highest of them, and its type follows the categories
 * present: Credentials, Financial, Personal or CustomIdentifier, or Multiple for two or more. An
 * object with no reportable detection has no finding.
 *
 * @param managed the reportable managed detections by category, in detection order
 * @param custom the reportable custom detections, in detection order
 * @param severity the finding's severity; null when there is no finding
 * @param type the finding's type; null when there is no finding
 */
public record Triage(
    Map<Category, List<Detection>> managed,
    List<Detection> custom,
    Severity severity,
    FindingType type) {

  /** Triages the detections of {@code result} (its archive members' are in its own). */
  public static Triage of(ObjectResult result) {
    Map<Category, List<Detection>> managed = new LinkedHashMap<>();
    List<Detection> custom = new ArrayList<>();
    Set<Category> categories = EnumSet.noneOf(Category.class);
    Severity severity = null;
    for (Detection d : result.detections()) {
      if (d.identifier() instanceof ManagedDataIdentifier m) {
        severity = Severity.max(severity, m.severity().levelFor(d.count()));
        managed.computeIfAbsent(m.category(), k -> new ArrayList<>()).add(d);
        categories.add(m.category());
      } else if (d.identifier() instanceof CustomDataIdentifier c) {
        Optional<Severity> level = c.severityLevels().levelFor(d.count());
        if (level.isPresent()) {
          severity = Severity.max(severity, level.get());
          custom.add(d);
          categories.add(Category.CUSTOM_IDENTIFIER);
        }
      }
    }
    return new Triage(managed, custom, severity, categories.isEmpty() ? null : typeOf(categories));
  }

  /** Whether the object has a finding: at least one reportable detection. */
  public boolean isFinding() {
    return type != null;
  }

  static FindingType typeOf(Set<Category> categories) {
    if (categories.size() > 1) {
      return FindingType.MULTIPLE;
    }
    return switch (categories.iterator().next()) {
      case CREDENTIALS -> FindingType.CREDENTIALS;
      case FINANCIAL_INFORMATION -> FindingType.FINANCIAL;
      case PERSONAL_INFORMATION -> FindingType.PERSONAL;
      case CUSTOM_IDENTIFIER -> FindingType.CUSTOM_IDENTIFIER;
    };
  }
}
