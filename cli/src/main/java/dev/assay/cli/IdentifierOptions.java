package dev.assay.cli;

import dev.assay.engine.config.AllowListFiles;
import dev.assay.engine.config.ClassificationJob;
import dev.assay.engine.config.ConfigException;
import dev.assay.engine.config.CustomIdentifierFiles;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options that choose identifiers and allow lists, shared by the commands that detect. */
final class IdentifierOptions {

  enum Selector {
    ALL,
    RECOMMENDED,
    INCLUDE,
    EXCLUDE,
    NONE
  }

  @Option(
      names = "--custom-data-identifier",
      paramLabel = "FILE",
      description =
          "A CreateCustomDataIdentifier request body (JSON), or a JSON array of them. Repeatable.")
  List<Path> customFiles = new ArrayList<>();

  @Option(
      names = "--allow-list",
      paramLabel = "FILE",
      description =
          "A CreateAllowList request body (JSON), or a .txt file with one allowed value a line. Repeatable.")
  List<Path> allowListFiles = new ArrayList<>();

  @Option(
      names = "--managed-data-identifier-selector",
      paramLabel = "SEL",
      description = "ALL, RECOMMENDED (default, as in Macie), INCLUDE, EXCLUDE or NONE.")
  Selector selector;

  @Option(
      names = "--managed-data-identifier-ids",
      paramLabel = "ID[,ID...]",
      split = ",",
      description = "The managed identifier IDs for INCLUDE or EXCLUDE.")
  List<String> managedIds = new ArrayList<>();

  List<CustomDataIdentifier> loadCustom() {
    List<CustomDataIdentifier> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path file : customFiles) {
      try {
        for (CustomDataIdentifier c : CustomIdentifierFiles.load(file)) {
          if (ids.add(c.id())) {
            out.add(c);
          }
        }
      } catch (ConfigException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return out;
  }

  List<AllowList> loadAllowLists() {
    return loadAllowLists(bucketAndKey -> null, null);
  }

  /**
   * The allow lists: with a job, those its {@code allowListIds} name (by id or name), else all.
   *
   * @param wordsLists reads an {@code s3WordsList} (bucket, key) as lines, or null
   */
  List<AllowList> loadAllowLists(
      Function<String[], List<String>> wordsLists, ClassificationJob job) {
    List<AllowList> out = new ArrayList<>();
    for (Path file : allowListFiles) {
      try {
        out.add(AllowListFiles.load(file, wordsLists));
      } catch (ConfigException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (job == null) {
      return out;
    }
    return named(
        out,
        job.allowListIds(),
        AllowList::id,
        AllowList::name,
        job.file(),
        "allowListIds",
        "--allow-list",
        "allow list");
  }

  /**
   * The items a job names in {@code field}, each by id or name, in the job's order; every name must
   * match one of the loaded items (Macie's job refers to stored identifiers and lists the same
   * way).
   */
  private static <T> List<T> named(
      List<T> loaded,
      List<String> wanted,
      Function<T, String> id,
      Function<T, String> name,
      String file,
      String field,
      String option,
      String what) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      String w = wanted.get(i);
      T found =
          loaded.stream()
              .filter(t -> w.equals(id.apply(t)))
              .findFirst()
              .orElse(
                  loaded.stream().filter(t -> w.equals(name.apply(t))).findFirst().orElse(null));
      if (found == null) {
        throw new UsageException(
            file
                + ": "
                + field
                + "["
                + i
                + "]: no "
                + what
                + " with id or name '"
                + w
                + "' was loaded ("
                + option
                + ")");
      }
      if (!out.contains(found)) {
        out.add(found);
      }
    }
    return out;
  }

  /** The managed identifiers the selector picks. */
  List<ManagedDataIdentifier> selectManaged(boolean haveCustom) {
    return selectManaged(
        selector == null ? Selector.RECOMMENDED : selector,
        managedIds,
        haveCustom,
        "--managed-data-identifier-ids");
  }

  private static List<ManagedDataIdentifier> selectManaged(
      Selector s, List<String> managedIds, boolean haveCustom, String where) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : managedIds) {
      String trimmed = id.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (ManagedCatalog.find(trimmed).isEmpty()) {
        throw new UsageException(
            where
                + ": unknown managed data identifier "
                + trimmed
                + " (see 'assay identifiers list')");
      }
      ids.add(trimmed);
    }
    if ((s == Selector.INCLUDE || s == Selector.EXCLUDE) && ids.isEmpty()) {
      throw new UsageException(
          "--managed-data-identifier-selector " + s + " needs --managed-data-identifier-ids");
    }
    if (!(s == Selector.INCLUDE || s == Selector.EXCLUDE) && !ids.isEmpty()) {
      throw new UsageException(
          "--managed-data-identifier-ids applies only to INCLUDE or EXCLUDE, not "
              + s.name().toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT));
    }
    if (s == Selector.NONE && !haveCustom) {
      throw new UsageException(
          "--managed-data-identifier-selector NONE needs at least one --custom-data-identifier, as in Macie");
    }
    return switch (s) {
      case ALL -> ManagedCatalog.all();
      case RECOMMENDED -> ManagedCatalog.recommended();
      case NONE -> List.of();
      case INCLUDE -> ManagedCatalog.all().stream().filter(m -> ids.contains(m.id())).toList();
      case EXCLUDE -> ManagedCatalog.all().stream().filter(m -> !ids.contains(m.id())).toList();
    };
  }

  /** Managed (selected) then custom identifiers. */
  List<DataIdentifier> identifiers() {
    return identifiers(null);
  }

  /**
   * Managed then custom identifiers. With a job, its {@code managedDataIdentifierSelector} and
   * {@code managedDataIdentifierIds} choose the managed ones (setting them on the command line as
   * well is a usage error), and its {@code customDataIdentifierIds} name the custom ones, by id or
   * name, among those loaded; as in Macie, a job uses only the custom identifiers it names.
   */
  List<DataIdentifier> identifiers(ClassificationJob job) {
    List<CustomDataIdentifier> custom = loadCustom();
    if (job == null) {
      List<DataIdentifier> all = new ArrayList<>(selectManaged(!custom.isEmpty()));
      all.addAll(custom);
      return all;
    }
    if (job.managedDataIdentifierSelector() != null
        && (selector != null || !managedIds.isEmpty())) {
      throw new UsageException(
          job.file()
              + ": managedDataIdentifierSelector: set by the job; leave out "
              + "--managed-data-identifier-selector and --managed-data-identifier-ids");
    }
    List<CustomDataIdentifier> named =
        named(
            custom,
            job.customDataIdentifierIds(),
            CustomDataIdentifier::id,
            CustomDataIdentifier::name,
            job.file(),
            "customDataIdentifierIds",
            "--custom-data-identifier",
            "custom data identifier");
    List<ManagedDataIdentifier> managed =
        job.managedDataIdentifierSelector() == null
            ? selectManaged(!named.isEmpty())
            : selectManaged(
                Selector.valueOf(job.managedDataIdentifierSelector()),
                job.managedDataIdentifierIds(),
                !named.isEmpty(),
                job.file() + ": managedDataIdentifierIds");
    List<DataIdentifier> all = new ArrayList<>(managed);
    all.addAll(named);
    return all;
  }
}
