package dev.assay.cli;

import dev.assay.engine.config.AllowListFiles;
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
      description = "A CreateCustomDataIdentifier request body (JSON), or a JSON array of them. Repeatable.")
  List<Path> customFiles = new ArrayList<>();

  @Option(
      names = "--allow-list",
      paramLabel = "FILE",
      description = "A CreateAllowList request body (JSON), or a .txt file with one allowed value a line. Repeatable.")
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
    List<AllowList> out = new ArrayList<>();
    for (Path file : allowListFiles) {
      try {
        out.add(AllowListFiles.load(file, bucketAndKey -> null));
      } catch (ConfigException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return out;
  }

  /** The managed identifiers the selector picks. */
  List<ManagedDataIdentifier> selectManaged(boolean haveCustom) {
    Selector s = selector == null ? Selector.RECOMMENDED : selector;
    Set<String> ids = new LinkedHashSet<>();
    for (String id : managedIds) {
      String trimmed = id.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (ManagedCatalog.find(trimmed).isEmpty()) {
        throw new UsageException("--managed-data-identifier-ids: unknown managed data identifier " + trimmed
            + " (see 'assay identifiers list')");
      }
      ids.add(trimmed);
    }
    if ((s == Selector.INCLUDE || s == Selector.EXCLUDE) && ids.isEmpty()) {
      throw new UsageException("--managed-data-identifier-selector " + s + " needs --managed-data-identifier-ids");
    }
    if (!(s == Selector.INCLUDE || s == Selector.EXCLUDE) && !ids.isEmpty()) {
      throw new UsageException(
          "--managed-data-identifier-ids applies only to INCLUDE or EXCLUDE, not " + s.name().toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT));
    }
    if (s == Selector.NONE && !haveCustom) {
      throw new UsageException("--managed-data-identifier-selector NONE needs at least one --custom-data-identifier, as in Macie");
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
    List<CustomDataIdentifier> custom = loadCustom();
    List<DataIdentifier> all = new ArrayList<>(selectManaged(!custom.isEmpty()));
    all.addAll(custom);
    return all;
  }
}
