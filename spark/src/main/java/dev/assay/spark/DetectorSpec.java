package dev.assay.spark;

import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.SeverityLevel;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identifiers and allow lists of a scan as plain values, shipped from the driver to the
 * executors (the detector itself holds compiled automata and is not serializable): managed
 * identifiers by id, custom ones and allow lists by their definitions, which are checked again when
 * the detector is built.
 */
record DetectorSpec(List<String> managed, List<Custom> custom, List<Allowed> allowLists)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Built once per executor JVM and spec, shared by its tasks (a detector is thread-safe). */
  private static final Map<DetectorSpec, Detector> BUILT = new ConcurrentHashMap<>();

  record Custom(
      String id,
      String name,
      String description,
      String regex,
      List<String> keywords,
      List<String> ignoreWords,
      int maximumMatchDistance,
      List<Level> levels)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  record Level(long occurrencesThreshold, String severity) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** An allow list: a regex, or (when {@code regex} is null) its words. */
  record Allowed(String id, String name, String regex, List<String> words) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  static DetectorSpec of(List<DataIdentifier> identifiers, List<AllowList> allowLists) {
    List<String> managed = new ArrayList<>();
    List<Custom> custom = new ArrayList<>();
    for (DataIdentifier id : identifiers) {
      if (id instanceof ManagedDataIdentifier m) {
        managed.add(m.id());
      } else if (id instanceof CustomDataIdentifier c) {
        List<Level> levels = new ArrayList<>();
        for (SeverityLevel l : c.severityLevels().levels()) {
          levels.add(new Level(l.occurrencesThreshold(), l.severity().name()));
        }
        custom.add(
            new Custom(
                c.id(),
                c.name(),
                c.description(),
                c.criteria().regex(),
                List.copyOf(c.criteria().keywords()),
                List.copyOf(c.criteria().ignoreWords()),
                c.criteria().proximity().distance(),
                List.copyOf(levels)));
      }
    }
    List<Allowed> allowed = new ArrayList<>();
    for (AllowList a : allowLists) {
      if (a instanceof AllowList.RegexList r) {
        allowed.add(new Allowed(r.id(), r.name(), r.regex(), null));
      } else if (a instanceof AllowList.WordList w) {
        allowed.add(new Allowed(w.id(), w.name(), null, w.entries().stream().sorted().toList()));
      }
    }
    return new DetectorSpec(List.copyOf(managed), List.copyOf(custom), List.copyOf(allowed));
  }

  /** The detector, built on first use in this JVM. */
  Detector detector() {
    return BUILT.computeIfAbsent(this, DetectorSpec::build);
  }

  private Detector build() {
    List<DataIdentifier> identifiers = new ArrayList<>();
    for (String id : managed) {
      identifiers.add(
          ManagedCatalog.find(id)
              .orElseThrow(
                  () -> new IllegalStateException("no managed identifier " + id + " here")));
    }
    for (Custom c : custom) {
      List<SeverityLevel> levels = new ArrayList<>();
      for (Level l : c.levels()) {
        levels.add(new SeverityLevel(l.occurrencesThreshold(), Severity.valueOf(l.severity())));
      }
      identifiers.add(
          CustomDataIdentifier.define(
              c.id(),
              c.name(),
              c.description(),
              c.regex(),
              c.keywords(),
              c.ignoreWords(),
              c.maximumMatchDistance(),
              levels));
    }
    List<AllowList> lists = new ArrayList<>();
    for (Allowed a : allowLists) {
      lists.add(
          a.regex() != null
              ? AllowList.regex(a.id(), a.name(), a.regex())
              : AllowList.words(a.id(), a.name(), a.words()));
    }
    return Detector.of(identifiers, lists);
  }
}
