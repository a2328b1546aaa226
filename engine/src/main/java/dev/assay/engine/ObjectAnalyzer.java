package dev.assay.engine;

import dev.assay.engine.extract.ArchiveMember;
import dev.assay.engine.extract.Extraction;
import dev.assay.engine.extract.ExtractionException;
import dev.assay.engine.extract.KnownEmptyValues;
import dev.assay.engine.extract.Segment;
import dev.assay.engine.extract.SegmentSink;
import dev.assay.engine.source.ObjectUnavailableException;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.detect.Candidate;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.detect.TextBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Analyses one object: extracts it, runs the detector over every segment, and tallies occurrences
 * per identifier with their locations. Thread-safe; each {@link Analysis} keeps its own tally.
 */
final class ObjectAnalyzer {
  private final Detector detector;
  private final Extraction extraction;
  private final Clock clock;
  private final Map<DataIdentifier, Integer> order =
      new IdentityHashMap<>(); // records hash every field: compare by identity

  /**
   * Each analysing thread's batch of short segments, kept for its next object: a batch keeps the
   * detector's scratch space, which is worth reusing on a scan of many small files.
   */
  private final ThreadLocal<TextBatch> batches = ThreadLocal.withInitial(TextBatch::new);

  ObjectAnalyzer(Detector detector, Extraction extraction, Clock clock) {
    this.detector = detector;
    this.extraction = extraction;
    this.clock = clock;
    List<DataIdentifier> ids = detector.identifiers();
    for (int i = 0; i < ids.size(); i++) {
      order.put(ids.get(i), i);
    }
  }

  /** Prepares the analysis of one object; {@link Analysis#run} does it. */
  Analysis start(ScanObject object) {
    return new Analysis(object);
  }

  /**
   * One object's analysis. {@link #run} runs on one thread; {@link #timedOut} may be called from
   * another when the object's time limit has passed, and makes {@code run} end soon after (the
   * extraction polls it on every read and segment) with a result nobody reads.
   */
  final class Analysis {
    private final ScanObject object;
    private final Tally tally = new Tally();
    private volatile boolean cancelled;

    private Analysis(ScanObject object) {
      this.object = object;
    }

    ObjectResult run() {
      if (object.unavailable() != null) {
        ScanObject.Unavailable u = object.unavailable();
        return new ObjectResult(
            object,
            u.code(),
            u.reason(),
            null,
            0,
            List.of(),
            u.message(),
            clock.instant(),
            List.of());
      }
      try {
        Extraction.Outcome outcome =
            extraction.extract(object, tally, tally::clear, () -> cancelled);
        tally.finish();
        String code = outcome.partialReason() == null ? "COMPLETE" : "PARTIAL";
        return new ObjectResult(
            object,
            code,
            outcome.partialReason(),
            outcome.mimeType(),
            outcome.sizeClassified(),
            tally.detections(),
            outcome.problem(),
            clock.instant(),
            tally.members(outcome.members()));
      } catch (ExtractionException e) {
        return new ObjectResult(
            object,
            e.code(),
            e.reason(),
            null,
            0,
            List.of(),
            e.getMessage(),
            clock.instant(),
            List.of());
      } catch (ObjectUnavailableException e) {
        // The source knows Macie's reason (an S3 object deleted or changed since it was listed).
        return new ObjectResult(
            object,
            e.code(),
            e.reason(),
            null,
            0,
            List.of(),
            e.getMessage(),
            clock.instant(),
            List.of());
      } catch (AccessDeniedException e) {
        return failed(object, "PERMISSION_DENIED", "permission denied");
      } catch (NoSuchFileException e) {
        return failed(object, "SOURCE_OBJECT_NO_LONGER_AVAILABLE", "the object no longer exists");
      } catch (IOException | UncheckedIOException e) {
        return failed(object, "MALFORMED_FILE", "cannot read: " + e.getMessage());
      } catch (RuntimeException | StackOverflowError e) {
        // A parser bug on a hostile file must not end the scan: the object is reported instead.
        return failed(object, "MALFORMED_FILE", "cannot analyse: " + e);
      }
    }

    /**
     * The result when the object's time limit has passed: PARTIAL with TIME_CUT_OFF_REACHED
     * (Macie's ClassificationResultStatus reasons), with the occurrences found so far. Stops {@link
     * #run}.
     */
    ObjectResult timedOut(Duration limit) {
      cancelled = true;
      return new ObjectResult(
          object,
          "PARTIAL",
          "TIME_CUT_OFF_REACHED",
          null,
          0,
          tally.detections(),
          "TIME_CUT_OFF_REACHED: analysis took longer than "
              + limit
              + "; occurrences found until then are reported",
          clock.instant(),
          List.of());
    }

    /**
     * The result when {@link #run} ended with an error it does not catch (such as running out of
     * memory).
     */
    ObjectResult crashed(Throwable error) {
      cancelled = true;
      return failed(object, "MALFORMED_FILE", "cannot analyse: " + error);
    }
  }

  private ObjectResult failed(ScanObject object, String reason, String message) {
    return new ObjectResult(
        object, "SKIPPED", reason, null, 0, List.of(), message, clock.instant(), List.of());
  }

  /**
   * Occurrences per identifier for one object. Filled by the analysing thread, which alone touches
   * the batch of values not yet scanned; what changes the counts is synchronized so that the
   * scanner can take what was found so far when it gives up on the object.
   */
  /**
   * Macie stops counting NAME and ADDRESS occurrences, and recording their locations, after the
   * first 1,000 in a file ("Storing and retaining sensitive data discovery results"); every other
   * identifier is counted in full.
   */
  static final long NAME_ADDRESS_CAP = 1000;

  static long countCap(DataIdentifier id) {
    if (id instanceof ManagedDataIdentifier m
        && (m.id().equals("NAME") || m.id().equals("ADDRESS"))) {
      return NAME_ADDRESS_CAP;
    }
    return Long.MAX_VALUE;
  }

  /**
   * Segments of at most this many chars, reported whole (cells, values, a short file), are scanned
   * in batches: one detector call per value cost a CSV or JSON file many times what its chars cost.
   */
  static final int MAX_BATCHED_CHARS = 4096;

  /** A batch is scanned once it holds this many chars. */
  static final int BATCH_CHARS = 64 * 1024;

  private final class Tally implements SegmentSink {
    private final Map<DataIdentifier, Counter> counters = new IdentityHashMap<>();
    private final TextBatch batch = batches.get();
    // Where each text in the batch comes from, by its number there, without an object per value:
    // an origin (ORIGIN), a record's index and JSON path (RECORD), a cell's row, column and column
    // name (CELL), a record's index and a name in it (NAME), a record's index, JSON path and the
    // value's number among repeating ones (REPEATED). Only the few texts with candidates get
    // their segment and origin made.
    private byte[] pendingKind = new byte[256];
    private long[] pendingA = new long[256];
    private long[] pendingB = new long[256];
    private Object[] pendingRef = new Object[256];
    private boolean[] pendingFound = new boolean[256]; // the text had candidates
    private KnownEmptyValues[] pendingKnown = new KnownEmptyValues[256]; // for REPEATED only
    private int candidatesOf = -1; // the text of the batch whose candidates are being gathered
    private final List<Candidate> gathered = new ArrayList<>();

    {
      batch.clear();
    }

    /**
     * Matched text found where a location has no name to print (a CSV header line, a JSON element
     * name, text), kept only while this object is analysed, never reported: a column name or JSON
     * path that contains one is left out of the locations, as Macie omits a {@code jsonPath} whose
     * element names contain sensitive data (Macie User Guide, "Schema for reporting the location of
     * sensitive data"). Names come before the values under them, so the bound rarely bites.
     */
    private final Set<String> namelessMatches = new HashSet<>();

    /**
     * Per field names (by identity: extractors share one context per path of names), the names of
     * members scanned under them that had no candidates, for this object only.
     */
    private final Map<FieldContext, Set<String>> emptyNames = new IdentityHashMap<>();

    private int emptyNameCount;

    /** Per archive member (by path from the outermost archive), its own occurrences. */
    private final Map<String, Map<DataIdentifier, Counter>> members = new HashMap<>();

    private long memberLocations;

    @Override
    public void accept(Segment segment) {
      CharSequence text = segment.text();
      if (segment.reportFrom() == 0
          && segment.reportTo() == text.length()
          && text.length() <= MAX_BATCHED_CHARS) {
        batched(text, segment.field(), ORIGIN, 0, 0, segment.origin());
        return;
      }
      scanAlone(segment);
    }

    @Override
    public void acceptRecordValue(
        String value, long recordIndex, Supplier<String> jsonPath, FieldContext field) {
      if (value.length() <= MAX_BATCHED_CHARS) {
        batched(value, field, RECORD, recordIndex, 0, jsonPath);
      } else {
        scanAlone(Segment.whole(value, new Segment.RecordAt(recordIndex, jsonPath.get()), field));
      }
    }

    @Override
    public void acceptRepeatedValue(
        String value,
        long recordIndex,
        Supplier<String> jsonPath,
        FieldContext field,
        KnownEmptyValues known,
        int id) {
      if (value.length() > MAX_BATCHED_CHARS) {
        acceptRecordValue(value, recordIndex, jsonPath, field);
        return;
      }
      int i = batch.add(value, field);
      note(i, REPEATED, recordIndex, id, jsonPath);
      pendingKnown[i] = known;
      flushWhenFull();
    }

    @Override
    public void acceptCell(
        char[] chars,
        int from,
        int length,
        long row,
        long column,
        String columnName,
        FieldContext field) {
      if (length <= MAX_BATCHED_CHARS) {
        pending(batch.add(chars, from, length, field), CELL, row, column, columnName);
      } else {
        scanAlone(
            Segment.whole(
                new String(chars, from, length),
                new Segment.CellAt(row, column, columnName, null),
                field));
      }
    }

    @Override
    public void acceptName(String name, long recordIndex, FieldContext field) {
      if (name.length() > MAX_BATCHED_CHARS) {
        scanAlone(Segment.whole(name, new Segment.RecordAt(recordIndex, null), field));
        return;
      }
      // A text's candidates depend on its chars and field names alone (a batch finds in each what
      // a scan of it alone finds): a name found empty under these field names stays empty.
      Set<String> empty = emptyNames.get(field);
      if (empty == null || !empty.contains(name)) {
        batched(name, field, NAME, recordIndex, 0, name);
      }
    }

    private void batched(
        CharSequence text, FieldContext field, byte kind, long a, long b, Object ref) {
      // The batch is the analysing thread's own: no lock per cell, only where counts change.
      pending(batch.add(text, field), kind, a, b, ref);
    }

    /** Keeps where text {@code i}, just added to the batch, comes from; scans a full batch. */
    private void pending(int i, byte kind, long a, long b, Object ref) {
      note(i, kind, a, b, ref);
      flushWhenFull();
    }

    private void flushWhenFull() {
      if (batch.chars() >= BATCH_CHARS) {
        flush();
      }
    }

    /** Keeps where text {@code i}, just added to the batch, comes from. */
    private void note(int i, byte kind, long a, long b, Object ref) {
      if (i == pendingKind.length) {
        int n = i * 2;
        pendingKind = Arrays.copyOf(pendingKind, n);
        pendingA = Arrays.copyOf(pendingA, n);
        pendingB = Arrays.copyOf(pendingB, n);
        pendingRef = Arrays.copyOf(pendingRef, n);
        pendingFound = Arrays.copyOf(pendingFound, n);
        pendingKnown = Arrays.copyOf(pendingKnown, n);
      }
      pendingKind[i] = kind;
      pendingA[i] = a;
      pendingB[i] = b;
      pendingRef[i] = ref;
    }

    /** Where text {@code i} of the batch comes from. */
    private Segment.Origin pendingOrigin(int i) {
      return switch (pendingKind[i]) {
        case RECORD, REPEATED ->
            new Segment.RecordAt(pendingA[i], (String) ((Supplier<?>) pendingRef[i]).get());
        case NAME -> new Segment.RecordAt(pendingA[i], null);
        case CELL -> new Segment.CellAt(pendingA[i], pendingB[i], (String) pendingRef[i], null);
        default -> (Segment.Origin) pendingRef[i];
      };
    }

    private synchronized void scanAlone(Segment segment) {
      CharSequence text = segment.text();
      flush(); // occurrences are tallied in the order of their segments
      tally(
          segment,
          detector.scan(text, segment.field(), segment.reportFrom(), segment.reportTo(), false));
    }

    /** Scans what the batch holds; called once the extraction has ended, and as the batch fills. */
    synchronized void finish() {
      flush();
    }

    private synchronized void flush() {
      if (batch.size() == 0) {
        return;
      }
      detector.scan(
          batch,
          (i, c) -> {
            if (i != candidatesOf) {
              tallyGathered();
              candidatesOf = i;
              pendingFound[i] = true;
            }
            gathered.add(c);
          });
      tallyGathered();
      rememberEmpty();
      Arrays.fill(pendingRef, 0, batch.size(), null);
      batch.clear();
    }

    /**
     * Notes the names and repeating values in the batch just scanned that had no candidates, under
     * their fields.
     */
    private void rememberEmpty() {
      for (int i = 0; i < batch.size(); i++) {
        if (pendingKind[i] == REPEATED) {
          if (!pendingFound[i]) {
            pendingKnown[i].add((int) pendingB[i]);
          }
          pendingKnown[i] = null;
        }
        if (pendingFound[i]) {
          pendingFound[i] = false;
        } else if (pendingKind[i] == NAME) {
          if (emptyNameCount >= MAX_EMPTY_NAMES) {
            emptyNames.clear(); // names that never repeat must not fill the heap
            emptyNameCount = 0;
          }
          if (emptyNames
              .computeIfAbsent(batch.field(i), f -> new HashSet<>())
              .add((String) pendingRef[i])) {
            emptyNameCount++;
          }
        }
      }
    }

    private void tallyGathered() {
      if (!gathered.isEmpty()) {
        CharSequence text = batch.text(candidatesOf);
        tally(
            Segment.whole(text, pendingOrigin(candidatesOf), batch.field(candidatesOf)), gathered);
        gathered.clear();
      }
      candidatesOf = -1;
    }

    private void tally(Segment segment, List<Candidate> found) {
      if (found.isEmpty()) {
        return;
      }
      Locator locator = new Locator(segment);
      boolean nameless = isNameless(segment.origin());
      Map<DataIdentifier, Counter> member = memberCounters(segment.origin());
      for (Candidate c : found) {
        Counter counter = counters.computeIfAbsent(c.identifier(), k -> new Counter());
        if (counter.count >= countCap(c.identifier())) {
          continue;
        }
        counter.count++;
        Location location = null;
        if (counter.locations.size() < ObjectResult.MAX_LOCATIONS) {
          location = locator.locate(c.start(), c.end());
          counter.locations.add(location);
        }
        if (member != null) {
          Counter own = member.computeIfAbsent(c.identifier(), k -> new Counter());
          own.count++;
          if (own.locations.size() < ObjectResult.MAX_LOCATIONS
              && memberLocations < MAX_MEMBER_LOCATIONS) {
            Location at = location != null ? location : locator.locate(c.start(), c.end());
            own.locations.add(at instanceof Location.Embedded e ? e.at() : at);
            memberLocations++;
          }
        }
        if (nameless && namelessMatches.size() < MAX_REMEMBERED_MATCHES) {
          namelessMatches.add(segment.text().subSequence(c.start(), c.end()).toString());
        }
      }
    }

    /**
     * The counters of the archive member a segment comes from, or null when it is not from one (or
     * when {@link ArchiveMember#MAX_RECORDS_PER_ARCHIVE} members already have counters).
     */
    private Map<DataIdentifier, Counter> memberCounters(Segment.Origin origin) {
      if (!(origin instanceof Segment.InFile f)) {
        return null;
      }
      Map<DataIdentifier, Counter> member = members.get(f.file().filePath());
      if (member == null && members.size() < ArchiveMember.MAX_RECORDS_PER_ARCHIVE) {
        member = new IdentityHashMap<>();
        members.put(f.file().filePath(), member);
      }
      return member;
    }

    synchronized void clear() {
      Arrays.fill(pendingRef, 0, batch.size(), null);
      Arrays.fill(pendingFound, 0, batch.size(), false);
      Arrays.fill(pendingKnown, 0, batch.size(), null);
      emptyNames.clear();
      emptyNameCount = 0;
      batch.clear();
      gathered.clear();
      candidatesOf = -1;
      counters.clear();
      members.clear();
      memberLocations = 0;
      namelessMatches.clear();
    }

    synchronized List<Detection> detections() {
      return detectionsOf(counters);
    }

    /**
     * Each extracted file's result, with its own occurrences. Files are told apart by path: two
     * entries of one archive with the same path (which ZIP and TAR allow) are counted as one, and
     * the first of them gets the occurrences.
     */
    synchronized List<MemberResult> members(List<ArchiveMember> extracted) {
      List<MemberResult> out = new ArrayList<>(extracted.size());
      for (ArchiveMember m : extracted) {
        Map<DataIdentifier, Counter> own = members.remove(m.file().filePath());
        out.add(new MemberResult(m, own == null ? List.of() : detectionsOf(own)));
      }
      return out;
    }

    private List<Detection> detectionsOf(Map<DataIdentifier, Counter> tally) {
      List<Detection> out = new ArrayList<>(tally.size());
      tally.forEach(
          (id, counter) ->
              out.add(new Detection(id, counter.count, withoutSensitiveNames(counter.locations))));
      out.sort((a, b) -> Integer.compare(order.get(a.identifier()), order.get(b.identifier())));
      return out;
    }

    private List<Location> withoutSensitiveNames(List<Location> locations) {
      if (namelessMatches.isEmpty()) {
        return locations;
      }
      List<Location> out = new ArrayList<>(locations.size());
      for (Location l : locations) {
        if (l instanceof Location.Cell c
            && c.columnName() != null
            && containsMatch(c.columnName())) {
          out.add(new Location.Cell(c.row(), c.column(), null, c.cellReference()));
        } else if (l instanceof Location.Record r
            && r.jsonPath() != null
            && containsMatch(r.jsonPath())) {
          out.add(new Location.Record(r.recordIndex(), null));
        } else {
          out.add(l);
        }
      }
      return out;
    }

    private boolean containsMatch(String name) {
      for (String match : namelessMatches) {
        if (name.contains(match)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final int MAX_REMEMBERED_MATCHES = 4096;

  private static final byte ORIGIN = 0;
  private static final byte RECORD = 1;
  private static final byte CELL = 2;
  private static final byte NAME = 3;
  private static final byte REPEATED = 4;

  /** Names a tally remembers as found empty, under all field names together. */
  private static final int MAX_EMPTY_NAMES = 4096;

  /**
   * Locations kept for member records, all members of one object together (about 50 bytes each):
   * {@link ObjectResult#MAX_LOCATIONS} per identifier per member would let one archive of many
   * small files fill the heap. Past it, member records keep their counts but no more locations.
   */
  private static final long MAX_MEMBER_LOCATIONS = 100_000;

  /** Whether locations in a segment from {@code origin} carry no column name or JSON path. */
  private static boolean isNameless(Segment.Origin origin) {
    if (origin instanceof Segment.CellAt c) {
      return c.columnName() == null;
    }
    if (origin instanceof Segment.RecordAt r) {
      return r.jsonPath() == null;
    }
    return true;
  }

  private static final class Counter {
    long count;
    final List<Location> locations = new ArrayList<>();
  }
}
