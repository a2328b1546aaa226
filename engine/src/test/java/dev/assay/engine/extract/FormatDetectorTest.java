package dev.assay.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Objects without a telling extension are recognised by their first bytes. */
class FormatDetectorTest {

  private static Format detect(String extension, byte[] head) {
    return FormatDetector.detect(extension, head, head.length).format();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void binaryFormats_byMagic() {
    assertThat(detect("", bytes("%PDF-1.7\n"))).isEqualTo(Format.PDF);
    assertThat(detect("", bytes("PAR1\u0015\u0000"))).isEqualTo(Format.PARQUET);
    assertThat(detect("", bytes("Obj\u0001\u0004\u0014avro.schema"))).isEqualTo(Format.AVRO);
    assertThat(detect("bin", new byte[] {0x1f, (byte) 0x8b, 8, 0})).isEqualTo(Format.GZIP);
    assertThat(detect("", bytes("PK\u0003\u0004" + "\u0000".repeat(26) + "notes.txt")))
        .isEqualTo(Format.ZIP);
    byte[] tar = new byte[512];
    System.arraycopy(bytes("ustar"), 0, tar, 257, 5);
    assertThat(detect("", tar)).isEqualTo(Format.TAR);
  }

  @Test
  void officeOpenXml_isTheApplicationItsPartsName() {
    String parts =
        "PK\u0003\u0004" + "\u0000".repeat(26) + "[Content_Types].xml" + "...PK\u0003\u0004";
    assertThat(detect("", bytes(parts + "xl/workbook.xml"))).isEqualTo(Format.EXCEL);
    assertThat(detect("", bytes(parts + "word/document.xml"))).isEqualTo(Format.WORD);
    assertThat(detect("", bytes(parts + "ppt/presentation.xml"))).isEqualTo(Format.DOCUMENT);
  }

  @Test
  void extensionWinsForNamedFormats_textByContentOtherwise() {
    assertThat(detect("eml", bytes("From: a@example.com\r\n"))).isEqualTo(Format.EMAIL);
    assertThat(detect("xlsx", bytes("PK\u0003\u0004"))).isEqualTo(Format.EXCEL);
    assertThat(detect("xml", bytes("<ssn>1</ssn>"))).isEqualTo(Format.TEXT);
    assertThat(detect("", bytes("just text\n"))).isEqualTo(Format.TEXT);
    assertThat(detect("png", bytes("anything"))).isEqualTo(Format.MEDIA);
  }
}
