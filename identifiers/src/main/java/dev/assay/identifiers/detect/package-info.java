/**
 * The matching machinery behind {@link dev.assay.identifiers.detect.Detector}: how a text is
 * searched for the occurrences of many identifiers at once. A keyword and literal pass ({@code
 * KeywordIndex}, {@code TriggerAutomaton}) finds where keywords, anchors and seeds are; only the
 * regions they allow are searched with each identifier's re2j pattern ({@code RegexTree}, {@code
 * RegexNeed}, {@code RegionDfa}, {@code MatchLength} bound them); each match is then judged against
 * Macie's rules (validator, ignore words, keyword proximity, allow lists) into a {@link
 * dev.assay.identifiers.detect.Candidate} with its {@link dev.assay.identifiers.detect.Verdict}.
 *
 * <p>Public: {@code Detector} (immutable, thread-safe), {@code Candidate}, {@code Verdict}, {@code
 * Seeds} (the prefilters managed identifiers declare) and {@code TextBatch} (many small texts, such
 * as CSV cells, scanned as one). Everything else is package-private.
 */
package dev.assay.identifiers.detect;
