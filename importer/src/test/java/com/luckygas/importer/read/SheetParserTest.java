package com.luckygas.importer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * Reading a sheet's XML ({@link SheetParser}): the rows, cell by cell (text, number or not, date
 * style or not), for every form of cell the legacy workbooks or other writers use; malformed or
 * hostile XML refused.
 */
class SheetParserTest {

    static final String[] STRINGS = {"客戶編號", "1032", "  ４５  ", "幸福氣體行"};
    /** Style 1 is a date format, 2 a time format, 3 a plain number. */
    static final boolean[] DATE_STYLES = {false, true, true, false};
    static final String NS = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

    static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet " + NS
                + "><dimension ref=\"A1:F9\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetData>" + rows
                + "</sheetData><pageMargins left=\"0.7\" right=\"0.7\"/></worksheet>";
    }

    static final String EVERY_FORM = sheet(""
            // shared strings, a number stored as a shared string, a number, a date serial, a time, a number written by POI
            + "<row r=\"1\" spans=\"1:6\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" s=\"3\"><v>1032</v></c>"
            + "<c r=\"D1\" s=\"1\" t=\"n\"><v>45797</v></c><c r=\"E1\" s=\"2\"><v>0.60763888888888884</v></c><c r=\"F1\"><v>2.0</v></c></row>"
            // empty cells between cells and at the start; a cell without value; a self-closed cell; <v/>
            + "<row r=\"2\"><c r=\"C2\" t=\"s\"><v>2</v></c><c r=\"D2\" s=\"1\"/><c r=\"E2\"></c><c r=\"F2\"><v/></c><c r=\"H2\"><v>7</v></c></row>"
            // an empty row, a self-closed row, a row of blanks
            + "<row r=\"3\"></row><row r=\"4\"/><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t xml:space=\"preserve\">   </t></is></c></row>"
            // inline strings: plain, rich text runs, phonetic runs, entities, character references, CR LF, tab, CDATA, a comment inside
            + "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>A&amp;B &lt;小計&gt; &quot;q&quot; &apos;a&apos;</t></is></c>"
            + "<c r=\"B6\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>幸福</t></r><r><t>氣體</t></r><rPh sb=\"0\" eb=\"1\"><t>こう</t></rPh></is></c>"
            + "<c r=\"C6\" t=\"inlineStr\"><is><t>line1\r\nline2\rline3\ttab&#13;&#x9;&#65;&#x20000;\uD840\uDC01</t></is></c>"
            + "<c r=\"D6\" t=\"inlineStr\"><is><t><![CDATA[<raw> & ]]]]><![CDATA[>\r\n]]></t></is></c>"
            + "<c r=\"E6\"><v>12<!-- a comment -->34</v></c><c r=\"F6\" t=\"inlineStr\"><is>outside t is ignored</is></c></row>"
            // formulas with cached values, booleans, errors, ISO dates, unknown types
            + "<row r=\"7\"><c r=\"A7\" t=\"str\"><f>A1&amp;B1</f><v>客戶編號1032</v></c><c r=\"B7\" t=\"b\"><v>1</v></c>"
            + "<c r=\"C7\" t=\"b\"><v>0</v></c><c r=\"D7\" t=\"e\"><v>#DIV/0!</v></c><c r=\"E7\" t=\"d\"><v>2025-05-20T00:00:00</v></c>"
            + "<c r=\"F7\" t=\"x-other\"><v>other</v></c><c r=\"G7\"><f>1+1</f><v>2</v></c></row>"
            // no r attributes (allowed by the format): rows and columns follow on
            + "<row><c t=\"s\"><v>3</v></c><c><v>5</v></c><c r=\"E8\"><v>9</v></c><c><v>10</v></c></row>"
            // single quotes, white space around '=', attributes in any order, a shared string index past the table
            + "<row r = '10' ><c s='1'  r = 'B10' ><v>45000.5</v></c><c t='s' r='C10'><v>99</v></c><c r='AA10'><v>-1.5E-3</v></c></row>");

    record Parsed(List<String> rows, List<Long> bytes) {
    }

    static Parsed parse(byte[] xml) throws Exception {
        List<String> out = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        WorkbookReader.Rows rows = new WorkbookReader.Rows() {
            @Override
            public void startSheet(String name, long xmlBytes) {
            }

            @Override
            public void row(SheetRow row, long bytesRead) {
                StringBuilder sb = new StringBuilder().append(row.number).append(':');
                for (int c = 0; c < row.width(); c++) {
                    sb.append(' ').append(SheetRow.columnName(c)).append('=');
                    if (row.text(c) != null) {
                        sb.append('[').append(row.text(c)).append(']');
                        sb.append(row.numeric(c) ? "n" : "").append(row.dateStyled(c) ? "d" : "");
                    }
                }
                out.add(sb.toString());
                bytes.add(bytesRead);
            }

            @Override
            public void endSheet(String name) {
            }
        };
        new SheetParser(STRINGS, DATE_STYLES).parse(new ByteArrayInputStream(xml), rows);
        return new Parsed(out, bytes);
    }

    static List<String> rows(byte[] xml) throws Exception {
        return parse(xml).rows();
    }

    @Test
    void everyFormOfCell() throws Exception {
        List<String> rows = rows(EVERY_FORM.getBytes(StandardCharsets.UTF_8));
        assertEquals(9, rows.size());
        assertEquals("1: A=[客戶編號] B=[1032] C=[1032]n D=[45797]nd E=[0.60763888888888884]nd F=[2.0]n", rows.get(0),
                "a number as a shared string is text; date styles only on numbers");
        assertEquals("2: A= B= C=[  ４５  ] D= E= F= G= H=[7]n", rows.get(1), "empty cells stay empty");
        assertEquals("3:", rows.get(2));
        assertEquals("4:", rows.get(3));
        assertEquals("5: A=[   ]", rows.get(4));
        assertEquals("6: A=[A&B <小計> \"q\" 'a'] B=[幸福氣體こう] C=[line1\nline2\nline3\ttab\r\tA\uD840\uDC00\uD840\uDC01]"
                + " D=[<raw> & ]]>\n] E=[1234]n F=[]", rows.get(5), "text outside <t> is not the value");
        assertEquals("7: A=[客戶編號1032] B=[TRUE] C=[FALSE] D=[#ERROR #DIV/0!] E=[2025-05-20T00:00:00] F=[other] G=[2]n", rows.get(6));
        assertEquals("8: A=[幸福氣體行] B=[5]n C= D= E=[9]n F=[10]n", rows.get(7), "no r: next row, next column");
        assertEquals("10: A= B=[45000.5]nd C= " + "D= E= F= G= H= I= J= K= L= M= N= O= P= Q= R= S= T= U= V= W= X= Y= Z= AA=[-1.5E-3]n",
                rows.get(8), "index past the shared strings: no text");
    }

    @Test
    void progressCountsTheBytesRead() throws Exception {
        // the parser reads in chunks: the count grows chunk by chunk, never past the sheet
        StringBuilder big = new StringBuilder();
        for (int r = 1; r <= 5000; r++) {
            big.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r).append("</v></c></row>");
        }
        byte[] xml = sheet(big.toString()).getBytes(StandardCharsets.UTF_8);
        List<Long> bytes = parse(xml).bytes();
        for (int i = 1; i < bytes.size(); i++) {
            assertTrue(bytes.get(i) >= bytes.get(i - 1), "never goes back");
        }
        assertTrue(bytes.get(0) < bytes.get(bytes.size() - 1), "grows through the sheet");
        assertTrue(bytes.get(bytes.size() - 1) <= xml.length);
    }

    @Test
    void prefixedElementsAByteOrderMarkAndUtf16() throws Exception {
        String prefixed = EVERY_FORM.replace("<worksheet " + NS, "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
                .replace("</worksheet>", "</x:worksheet>").replaceAll("<(/?)(sheetData|row|c|v|is|t|r|rPh|f)([ >/])", "<$1x:$2$3");
        List<String> expected = rows(EVERY_FORM.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, rows(prefixed.getBytes(StandardCharsets.UTF_8)), "namespace prefixes");
        byte[] plain = EVERY_FORM.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertEquals(expected, rows(bom), "UTF-8 byte order mark");
        byte[] utf16 = EVERY_FORM.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16);
        assertEquals(expected, rows(utf16), "UTF-16");
        byte[] latin1 = EVERY_FORM.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").getBytes(StandardCharsets.ISO_8859_1);
        List<String> latin1Rows = rows(latin1);
        assertEquals(expected.get(0), latin1Rows.get(0), "another declared encoding");
    }

    @Test
    void bigSheetAcrossBufferBoundaries() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 5000; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>幸福 &amp; 氣體\r\n")
                    .append(r).append("</t></is></c><c r=\"B").append(r).append("\" s=\"1\"><v>").append(40000 + r)
                    .append("</v></c><c r=\"D").append(r).append("\" t=\"s\"><v>").append(r % 4).append("</v></c></row>");
        }
        List<String> read = rows(sheet(rows.toString()).getBytes(StandardCharsets.UTF_8));
        assertEquals(5000, read.size());
        assertEquals("4999: A=[幸福 & 氣體\n4999] B=[44999]nd C= D=[幸福氣體行]", read.get(4998));
    }

    @Test
    void malformedAndHostileXmlIsRefused() {
        String good = EVERY_FORM;
        List<String> bad = List.of(
                good.substring(0, good.length() / 2), // truncated
                good.substring(0, good.indexOf("</sheetData>")), // ends inside the document
                good.replace("</v></c><c r=\"D1\"", "</c><c r=\"D1\""), // a missing end tag
                good.replace("<c r=\"A6\" t=\"inlineStr\">", "<c r=\"A6\" t=\"inlineStr\" <"), // broken tag
                good.replace("A&amp;B", "A&nbsp;B"), // an undeclared entity
                good.replace("A&amp;B", "A&#0;B"), // an invalid character reference
                good.replace("<row r=\"1\"", "<row r=\"x1\""), // a row number that is not one
                good.replace("t=\"s\"><v>0</v>", "t=\"s\"><v>zero</v>"), // a shared string index that is not one
                good.replace("<worksheet", "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><worksheet")
                        .replace("A&amp;B", "A&xxe;B"), // an external entity (XXE)
                good + "<worksheet/>", // a second root
                "");
        for (String xml : bad) {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            Exception refused = assertThrows(Exception.class, () -> parse(bytes), xml);
            assertTrue(refused instanceof SAXException || refused instanceof RuntimeException, refused.toString());
        }
        byte[] badUtf8 = good.replace("幸福", "X").getBytes(StandardCharsets.UTF_8);
        int at = new String(badUtf8, StandardCharsets.ISO_8859_1).indexOf("X");
        badUtf8[at] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        assertThrows(Exception.class, () -> parse(badUtf8));
    }
}
