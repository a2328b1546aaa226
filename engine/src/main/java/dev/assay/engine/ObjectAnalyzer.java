package dev.assay.engine;

import dev.assay.engine.extract.ExtractionException;
import dev.assay.engine.extract.Extraction;
import dev.assay.engine.extract.Segment;
import dev.assay.engine.source.ObjectUnavailableException;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.Candidate;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.Detector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyses one object: extracts it, runs the detector over every segment, and tallies occurrences
 * per identifier with their locations. Stateless and thread-safe; each call keeps its own tally.
 */
final class ObjectAnalyzer {
  private final Detector detector;
  private final Extraction extraction;
  private final Clock clock;
  private final Map<DataIdentifier, Integer> order = new HashMap<>();

  ObjectAnalyzer(Detector detector, Extraction extraction, Clock clock) {
    this.detector = detector;
    this.extraction = extraction;
    this.clock = clock;
    List<DataIdentifier> ids = detector.identifiers();
    for (int i = 0; i < ids.size(); i++) {
      order.put(ids.get(i), i);
    }
  }

  ObjectResult analyze(ScanObject object) {
    if (object.unavailable() != null) {
      ScanObject.Unavailable u = object.unavailable();
      return new ObjectResult(object, u.code(), u.reason(), null, 0, List.of(), u.message(), clock.instant());
    }
    Tally tally = new Tally();
    try {
      Extraction.Outcome outcome = extraction.extract(object, tally::accept, tally::clear);
      return new ObjectResult(
          object, "COMPLETE", null, outcome.mimeType(), outcome.sizeClassified(), tally.detections(), outcome.problem(),
          clock.instant());
    } catch (ExtractionException e) {
      return new ObjectResult(object, e.code(), e.reason(), null, 0, List.of(), e.getMessage(), clock.instant());
    } catch (ObjectUnavailableException e) {
      // The source knows Macie's reason (an S3 object deleted or changed since it was listed).
      return new ObjectResult(object, e.code(), e.reason(), null, 0, List.of(), e.getMessage(), clock.instant());
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

  private ObjectResult failed(ScanObject object, String reason, String message) {
    return new ObjectResult(object, "SKIPPED", reason, null, 0, List.of(), message, clock.instant());
  }

  /** Occurrences per identifier for one object; used by one thread. */
  private final class Tally {
    private final Map<DataIdentifier, Counter> counters = new HashMap<>();

    void accept(Segment segment) {
      List<Candidate> found =
          detector.scan(segment.text(), segment.field(), segment.reportFrom(), segment.reportTo(), false);
      if (found.isEmpty()) {
        return;
      }
      Locator locator = new Locator(segment);
      for (Candidate c : found) {
        Counter counter = counters.computeIfAbsent(c.identifier(), k -> new Counter());
        counter.count++;
        if (counter.locations.size() < ObjectResult.MAX_LOCATIONS) {
          counter.locations.add(locator.locate(c.start(), c.end()));
        }
      }
    }

    void clear() {
      counters.clear();
    }

    List<Detection> detections() {
      List<Detection> out = new ArrayList<>(counters.size());
      counters.forEach((id, counter) -> out.add(new Detection(id, counter.count, counter.locations)));
      out.sort((a, b) -> Integer.compare(order.get(a.identifier()), order.get(b.identifier())));
      return out;
    }
  }

  private static final class Counter {
    long count;
    final List<Location> locations = new ArrayList<>();
  }
}
