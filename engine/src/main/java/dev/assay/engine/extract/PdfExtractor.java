package dev.assay.engine.extract;

import java.io.IOException;
import java.util.function.BiFunction;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Extracts a PDF page by page with PDFBox: each page's text goes through its own {@link
 * TextWindower} with the page number set, so that occurrences are reported as Macie's {@code pages}
 * (Macie's location structure per file type). Macie reserves {@code Page.lineRange} and {@code
 * offsetRange}; we leave them unset too, so a page number is the whole location.
 *
 * <p>Not thread-safe: one per PDF.
 */
final class PdfExtractor {
  private final BiFunction<Long, SegmentSink, TextWindower> windowers;

  /**
   * @param windowers makes the windower for a 1-based page number
   */
  PdfExtractor(BiFunction<Long, SegmentSink, TextWindower> windowers) {
    this.windowers = windowers;
  }

  void extract(byte[] pdf, SegmentSink sink) throws IOException, ExtractionException {
    PDDocument document;
    try {
      document = Loader.loadPDF(pdf);
    } catch (InvalidPasswordException e) {
      throw ExtractionException.skipped(
          "MALFORMED_FILE", "encrypted PDF; no password to open it", e);
    } catch (IOException e) {
      throw ExtractionException.skipped(
          "MALFORMED_FILE", "cannot parse as PDF: " + e.getMessage(), e);
    }
    try (document) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      int pages = document.getNumberOfPages();
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        try (TextWindower windower = windowers.apply((long) page, sink)) {
          stripper.writeText(document, windower);
        }
      }
    }
  }
}
