/**
 * Accuracy on a labelled corpus: {@link Corpus} loads the {@link LabelledSample}s (JSON Lines, one
 * document a line with its expected occurrence counts), {@link Evaluation} scans them with the real
 * engine and every managed identifier, and a {@link Scorecard} counts precision, recall and F1 per
 * identifier, in occurrences. A loaded corpus is immutable; a scorecard is filled by one evaluation
 * and is not thread-safe.
 */
package dev.assay.corpus;
