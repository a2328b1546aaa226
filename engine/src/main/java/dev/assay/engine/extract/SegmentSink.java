package dev.assay.engine.extract;

/** Receives the segments an extractor produces, in document order. Called from one thread. */
@FunctionalInterface
public interface SegmentSink {
  void accept(Segment segment);
}
