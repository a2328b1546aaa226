package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Extracts every sheet of an Excel workbook cell by cell with POI, so that each value is reported
 * as Macie's {@code Cell} (Macie's Occurrences structures; Macie's location structure per file
 * type): {@code cellReference} such as {@code Sheet1!B7}, 1-based {@code row} and {@code column},
 * and {@code columnName} from the sheet's first row. The column name is also the value's field
 * context, for the proximity rule on column names.
 *
 * <p>The first row of each sheet is its header: a hit in a header cell is reported as that cell,
 * with no column name (the cell names its own column; repeating it would only repeat the value).
 * .xlsx sheets are read as a stream of SAX events (no cell objects are built); .xls (at most 65,536
 * rows a sheet) through POI's user model.
 *
 * <p>Stateless.
 */
final class ExcelExtractor {
  private ExcelExtractor() {}

  static void extract(byte[] workbook, SegmentSink sink) throws IOException, ExtractionException {
    try {
      if (FileMagic.valueOf(workbook) == FileMagic.OLE2) {
        xls(workbook, sink);
      } else {
        xlsx(workbook, sink);
      }
    } catch (EncryptedDocumentException e) {
      throw ExtractionException.skipped(
          "MALFORMED_FILE", "encrypted workbook; no password to open it", e);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("Zip bomb")) {
        throw ExtractionException.skipped(
            "OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT", "workbook inflates too far: " + message, e);
      }
      if (LimitExceeded.in(e) != null) {
        throw e;
      }
      throw ExtractionException.skipped(
          "MALFORMED_FILE", "cannot parse as a workbook: " + message, e);
    } catch (OpenXML4JException | SAXException | RuntimeException e) {
      if (e instanceof CancellationException c) {
        throw c;
      }
      throw ExtractionException.skipped(
          "MALFORMED_FILE", "cannot parse as a workbook: " + e.getMessage(), e);
    }
  }

  /** Emits cells of one sheet, the first row being the header. */
  private static final class SheetCells {
    private final String sheet;
    private final SegmentSink sink;
    private final Map<Integer, String> header = new HashMap<>();
    private int headerRow = -1;

    SheetCells(String sheet, SegmentSink sink) {
      this.sheet = sheet;
      this.sink = sink;
    }

    void cell(int row, int column, String value) {
      if (headerRow < 0) {
        headerRow = row;
      }
      if (row == headerRow) {
        header.put(column, value);
      }
      if (value == null || value.isEmpty()) {
        return;
      }
      String columnName = row == headerRow ? null : header.get(column);
      String reference = sheet + "!" + new CellReference(row, column).formatAsString(false);
      Segment.CellAt at = new Segment.CellAt(row + 1L, column + 1L, columnName, reference);
      sink.accept(
          Segment.whole(
              value,
              at,
              columnName == null || columnName.isEmpty()
                  ? FieldContext.NONE
                  : FieldContext.of(columnName)));
    }
  }

  private static void xlsx(byte[] workbook, SegmentSink sink)
      throws IOException, OpenXML4JException, SAXException {
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(workbook))) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          SheetCells cells = new SheetCells(sheets.getSheetName(), sink);
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(
              new XSSFSheetXMLHandler(
                  styles,
                  null,
                  strings,
                  new XSSFSheetXMLHandler.SheetContentsHandler() {
                    private int row;
                    private int nextColumn;

                    @Override
                    public void startRow(int rowNum) {
                      row = rowNum;
                      nextColumn = 0;
                    }

                    @Override
                    public void endRow(int rowNum) {}

                    @Override
                    public void cell(String ref, String value, XSSFComment comment) {
                      // A cell without a reference follows the previous one (POI's own rule).
                      int column = ref == null ? nextColumn : new CellReference(ref).getCol();
                      nextColumn = column + 1;
                      cells.cell(row, column, value);
                    }
                  },
                  new DataFormatter(),
                  false));
          xml.parse(new InputSource(sheet));
        } catch (ParserConfigurationException e) {
          throw new IOException(e);
        }
      }
    }
  }

  private static void xls(byte[] workbook, SegmentSink sink) throws IOException {
    DataFormatter format = new DataFormatter();
    try (HSSFWorkbook book = new HSSFWorkbook(new ByteArrayInputStream(workbook))) {
      for (Sheet sheet : book) {
        SheetCells cells = new SheetCells(sheet.getSheetName(), sink);
        for (Row row : sheet) {
          for (Cell cell : row) {
            cells.cell(row.getRowNum(), cell.getColumnIndex(), format.formatCellValue(cell));
          }
        }
      }
    }
  }
}
