package com.luckygas.importer.read;

import java.io.IOException;
import java.io.InputStream;
import com.ctc.wstx.sax.WstxSAXParserFactory;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns one worksheet part's XML into {@link SheetRow}s with Woodstox's SAX parser, as POI's own
 * event API reads sheets (with the JDK's parser, which took twice as long: docs/benchmarks.md,
 * importer). DTDs are not supported, so a DOCTYPE declares nothing and nothing external is ever
 * fetched. Element names are matched on their local part (a namespace prefix is ignored); only the
 * {@code r}, {@code t}, {@code s} attributes of rows and cells and the text of {@code <v>} and of
 * inline strings' {@code <t>} are kept.
 */
final class SheetParser {

    private final String[] strings;
    private final boolean[] dateStyles;

    SheetParser(String[] strings, boolean[] dateStyles) {
        this.strings = strings;
        this.dateStyles = dateStyles;
    }

    /** Woodstox without DTDs or external entities, namespace-aware. */
    private static SAXParserFactory parsers() {
        WstxInputFactory stax = new WstxInputFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        SAXParserFactory sax = new WstxSAXParserFactory(stax);
        sax.setNamespaceAware(true);
        return sax;
    }

    /** Parses a whole sheet part, calling {@code rows.row} for each {@code <row>}. */
    void parse(InputStream raw, WorkbookReader.Rows rows) throws IOException, SAXException, ParserConfigurationException {
        WorkbookReader.CountingStream in = new WorkbookReader.CountingStream(raw);
        Cells cells = new Cells(rows);
        XMLReader xml = parsers().newSAXParser().getXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) {
                switch (localName.isEmpty() ? qName : localName) {
                    case "row" -> {
                        String r = atts.getValue("r");
                        cells.startRow(r == null ? -1 : Integer.parseInt(r));
                    }
                    case "c" -> {
                        String ref = atts.getValue("r");
                        String s = atts.getValue("s");
                        cells.startCell(ref == null ? -1 : WorkbookReader.columnOf(ref), atts.getValue("t"),
                                s == null ? 0 : Integer.parseInt(s));
                    }
                    case "v" -> cells.startValue();
                    case "is" -> cells.startInline();
                    case "t" -> cells.startText();
                    default -> {
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (cells.collecting) {
                    cells.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                switch (localName.isEmpty() ? qName : localName) {
                    case "v", "t" -> cells.collecting = false;
                    case "is" -> cells.inInline = false;
                    case "c" -> cells.endCell();
                    case "row" -> cells.endRow(in.count);
                    default -> {
                    }
                }
            }
        });
        try {
            xml.parse(new InputSource(in));
        } catch (SAXException e) {
            // Woodstox wraps what the row handler throws (a refused sheet, a failed COPY): pass it on as it was
            if (e.getException() instanceof RuntimeException thrown) {
                throw thrown;
            }
            throw e;
        }
    }

    private boolean isDateStyle(int styleIndex) {
        return styleIndex < dateStyles.length && dateStyles[styleIndex];
    }

    /** A reusable run of chars (a cell's text), readable as a CharSequence without copying. */
    static class Chars implements CharSequence {
        char[] value = new char[64];
        int length;

        final void append(char[] ch, int start, int n) {
            if (length + n > value.length) {
                value = java.util.Arrays.copyOf(value, Math.max(length + n, value.length * 2));
            }
            System.arraycopy(ch, start, value, length, n);
            length += n;
        }

        final void append(char c) {
            if (length == value.length) {
                value = java.util.Arrays.copyOf(value, value.length * 2);
            }
            value[length++] = c;
        }

        @Override
        public final int length() {
            return length;
        }

        @Override
        public final char charAt(int index) {
            if (index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return value[index];
        }

        @Override
        public final CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public final String toString() {
            return new String(value, 0, length);
        }
    }

    /** What a row and its cells hold, from the elements as they come. */
    final class Cells extends Chars {
        private final WorkbookReader.Rows rows;
        private final SheetRow row = new SheetRow();
        boolean collecting;
        boolean inInline;
        private int column;
        private int nextColumn;
        private String type;
        private int style;
        private int nextRow = 1;

        Cells(WorkbookReader.Rows rows) {
            this.rows = rows;
        }

        /** @param number the row's {@code r}, or -1 when it has none */
        void startRow(int number) {
            int n = number >= 0 ? number : nextRow;
            nextRow = n + 1;
            row.clear(n);
            nextColumn = 0;
        }

        /** @param col the column of the cell's {@code r}, or -1 when it has none */
        void startCell(int col, String t, int s) {
            column = col >= 0 ? col : nextColumn;
            nextColumn = column + 1;
            type = t;
            style = s;
            length = 0;
        }

        void startValue() {
            collecting = true;
        }

        void startInline() {
            inInline = true;
        }

        void startText() {
            collecting = inInline;
        }

        private String text() {
            return new String(value, 0, length);
        }

        void endCell() {
            if (type == null || "n".equals(type)) {
                if (length > 0) {
                    row.set(column, text(), true, style != 0 && isDateStyle(style));
                }
                return;
            }
            switch (type) {
                case "s" -> {
                    if (length > 0) {
                        int idx = Integer.parseInt(this, 0, length, 10);
                        row.set(column, idx < strings.length ? strings[idx] : null, false, false);
                    }
                }
                case "b" -> row.set(column, length == 1 && value[0] == '1' ? "TRUE" : "FALSE", false, false);
                case "e" -> row.set(column, "#ERROR " + text(), false, false);
                default -> row.set(column, text(), false, false); // inlineStr, str, d and anything else: the text
            }
        }

        void endRow(long bytesRead) {
            rows.row(row, bytesRead);
        }
    }
}
