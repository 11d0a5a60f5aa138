package com.luckygas.importer.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns one worksheet part's XML into {@link SheetRow}s. Two front ends feed the same cell logic
 * ({@link Cells}):
 * <ul>
 * <li>a byte scanner over the UTF-8 XML (every sheet Excel, LibreOffice or POI writes): it
 * decodes only what the importer keeps — the {@code r}, {@code t}, {@code s} attributes of rows
 * and cells and the text of {@code <v>} and of inline strings' {@code <t>} — and skips the rest
 * without building strings. It still checks that tags nest and close, that the file does not end
 * inside the document, that the UTF-8, entity and character references it decodes are valid, and
 * it refuses a DOCTYPE (no entity of any kind can be declared, so nothing external is ever
 * fetched);</li>
 * <li>the JDK's SAX parser, configured by POI's {@link XMLHelper} (secure processing, no DOCTYPE),
 * for a part in another encoding (UTF-16), or when {@value #PARSER_PROPERTY}{@code =sax}.</li>
 * </ul>
 * Both report the same rows: element names are matched on their local part (a namespace prefix is
 * ignored, as before), character data is normalized as XML says (CR LF and CR to LF, white space in
 * attribute values to spaces), the five predefined entities and character references are decoded.
 */
final class SheetParser {

    /** System property: {@code sax} forces the SAX front end (to compare the two). */
    static final String PARSER_PROPERTY = "luckygas.importer.sheet-parser";

    private final String[] strings;
    private final boolean[] dateStyles;

    SheetParser(String[] strings, boolean[] dateStyles) {
        this.strings = strings;
        this.dateStyles = dateStyles;
    }

    /** Parses a whole sheet part, calling {@code rows.row} for each {@code <row>}. */
    void parse(InputStream in, WorkbookReader.Rows rows) throws IOException, SAXException, ParserConfigurationException {
        if ("sax".equals(System.getProperty(PARSER_PROPERTY))) {
            sax(in, rows);
            return;
        }
        Scanner scanner = new Scanner(in, new Cells(rows));
        if (!scanner.utf8()) {
            sax(new SequenceInputStream(new ByteArrayInputStream(scanner.buf, 0, scanner.lim), in), rows);
            return;
        }
        scanner.run();
    }

    /** The SAX front end. */
    void sax(InputStream raw, WorkbookReader.Rows rows) throws IOException, SAXException, ParserConfigurationException {
        WorkbookReader.CountingStream in = new WorkbookReader.CountingStream(raw);
        Cells cells = new Cells(rows);
        XMLReader xml = XMLHelper.newXMLReader();
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
        xml.parse(new InputSource(in));
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

    /** What a row and its cells hold, from the elements as they come (the same for both front ends). */
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

    /**
     * The byte scanner: a small, strict subset of an XML parser for worksheet parts (see the class
     * comment). Elements: {@code row}, {@code c}, {@code v}, {@code is}, {@code t} are acted upon,
     * all others only checked for nesting.
     */
    static final class Scanner {
        private static final int OTHER = 0;
        private static final int ROW = 1;
        private static final int C = 2;
        private static final int V = 3;
        private static final int IS = 4;
        private static final int T = 5;

        private final InputStream in;
        private final Cells cells;
        final byte[] buf = new byte[1 << 16];
        int pos;
        int lim;
        private long base;
        private boolean eof;

        /** Open elements' names (their bytes, one after the other) for checking that each end tag matches. */
        private byte[] names = new byte[256];
        private int[] nameEnds = new int[16];
        private int depth;
        private boolean rootSeen;
        private boolean rootClosed;

        private final byte[] name = new byte[256];
        private int nameLength;
        private final StringBuilder attrR = new StringBuilder(16);
        private final StringBuilder attrS = new StringBuilder(8);
        private final StringBuilder attrT = new StringBuilder(16);
        private boolean hasR;
        private boolean hasS;
        private boolean hasT;
        private final Chars scratch = new Chars();

        Scanner(InputStream in, Cells cells) {
            this.in = in;
            this.cells = cells;
        }

        /**
         * Reads the start of the part: is it UTF-8 (no UTF-16 byte order mark or encoding declared
         * other than UTF-8)? Leaves the byte order mark behind; the declaration is read by {@link #run}.
         */
        boolean utf8() throws IOException {
            while (lim < 512 && !eof) {
                int n = in.read(buf, lim, buf.length - lim);
                if (n < 0) {
                    eof = true;
                } else {
                    lim += n;
                }
            }
            if (lim >= 2 && ((buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF || (buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE)) {
                return false; // UTF-16 (or 32) byte order mark
            }
            if (lim >= 2 && (buf[0] == 0 || buf[1] == 0)) {
                return false; // UTF-16 without a byte order mark
            }
            if (lim >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                pos = 3;
            }
            if (startsWith("<?xml")) {
                int end = -1;
                for (int i = pos; i + 1 < lim; i++) {
                    if (buf[i] == '?' && buf[i + 1] == '>') {
                        end = i;
                        break;
                    }
                }
                if (end < 0) {
                    return false; // a declaration longer than we looked at: let SAX judge it
                }
                String decl = new String(buf, pos, end - pos, java.nio.charset.StandardCharsets.ISO_8859_1);
                int e = decl.indexOf("encoding");
                if (e >= 0) {
                    int q = e + 8;
                    while (q < decl.length() && (decl.charAt(q) == ' ' || decl.charAt(q) == '=' || decl.charAt(q) == '\t'
                            || decl.charAt(q) == '\r' || decl.charAt(q) == '\n')) {
                        q++;
                    }
                    if (q >= decl.length()) {
                        return false;
                    }
                    char quote = decl.charAt(q);
                    int close = decl.indexOf(quote, q + 1);
                    if (close < 0 || quote != '"' && quote != '\'') {
                        return false;
                    }
                    String enc = decl.substring(q + 1, close);
                    if (!enc.equalsIgnoreCase("UTF-8") && !enc.equalsIgnoreCase("UTF8")) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean startsWith(String s) {
            if (lim - pos < s.length()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                if (buf[pos + i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private long position() {
            return base + pos;
        }

        /** After a CR: a CR LF pair and a lone CR are one line end (XML's end-of-line handling). */
        private void skipLineFeedAfterReturn() throws IOException {
            if (pos == lim) {
                fill();
            }
            if (pos < lim && buf[pos] == '\n') {
                pos++;
            }
        }

        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            base += lim;
            pos = 0;
            lim = 0;
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            lim = n;
            return true;
        }

        /** The next byte, or -1 at the end. */
        private int read() throws IOException {
            if (pos == lim && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xFF;
        }

        /** The next byte; the end of the part here is an error. */
        private int need() throws IOException, SAXException {
            if (pos == lim && !fill()) {
                throw error("XML document structures must start and end within the same entity.");
            }
            return buf[pos++] & 0xFF;
        }

        private SAXException error(String message) {
            return new SAXException(message + " (at byte " + position() + ")");
        }

        void run() throws IOException, SAXException {
            while (true) {
                // character data up to the next '<'
                if (cells.collecting) {
                    if (!text()) {
                        break;
                    }
                } else if (!(depth == 0 ? outsideText() : skipText())) {
                    break;
                }
                int b = need();
                if (b == '/') {
                    endTag();
                } else if (b == '?') {
                    skipUntil('?', '>');
                } else if (b == '!') {
                    markup();
                } else {
                    startTag(b);
                }
            }
            if (!rootSeen) {
                throw error("Premature end of file.");
            }
            if (depth != 0) {
                throw error("XML document structures must start and end within the same entity.");
            }
        }

        /** Before or after the root element: white space only. */
        private boolean outsideText() throws IOException, SAXException {
            while (true) {
                int c = read();
                if (c < 0) {
                    return false;
                }
                if (c == '<') {
                    return true;
                }
                if (!space(c)) {
                    throw error(rootSeen ? "Content is not allowed in trailing section." : "Content is not allowed in prolog.");
                }
            }
        }

        /** Skips character data not kept; true when a '<' follows, false at the end of the part. */
        private boolean skipText() throws IOException, SAXException {
            while (true) {
                byte[] b = buf;
                int p = pos;
                int l = lim;
                while (p < l) {
                    if (b[p++] == '<') {
                        pos = p;
                        return true;
                    }
                }
                pos = p;
                if (!fill()) {
                    return false;
                }
            }
        }

        /** Character data kept (a value): decoded into the cell's text; true when a '<' follows. */
        private boolean text() throws IOException, SAXException {
            while (true) {
                int c = read();
                if (c < 0) {
                    return false;
                }
                if (c == '<') {
                    return true;
                }
                if (c < 0x80) {
                    if (c == '&') {
                        reference(cells);
                    } else if (c == '\r') {
                        skipLineFeedAfterReturn();
                        cells.append('\n');
                    } else if (c < 0x20 && c != '\t' && c != '\n') {
                        throw error("An invalid XML character (Unicode: 0x" + Integer.toHexString(c) + ") was found in the element content.");
                    } else {
                        cells.append((char) c);
                    }
                } else {
                    utf8(c, cells);
                }
            }
        }

        /** A multi-byte UTF-8 sequence starting with {@code b0}, appended as one or two chars. */
        private void utf8(int b0, Chars out) throws IOException, SAXException {
            int cp;
            int n;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                cp = b0 & 0x1F;
                n = 1;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                cp = b0 & 0x0F;
                n = 2;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                cp = b0 & 0x07;
                n = 3;
            } else {
                throw error("Invalid byte 1 of UTF-8 sequence.");
            }
            for (int i = 0; i < n; i++) {
                int b = read();
                if (b < 0 || (b & 0xC0) != 0x80) {
                    throw error("Invalid byte " + (i + 2) + " of " + (n + 1) + "-byte UTF-8 sequence.");
                }
                cp = cp << 6 | b & 0x3F;
            }
            if (n == 2 && (cp < 0x800 || cp >= 0xD800 && cp <= 0xDFFF || cp == 0xFFFE || cp == 0xFFFF)
                    || n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) {
                throw error("Invalid UTF-8 sequence or XML character (U+" + Integer.toHexString(cp) + ").");
            }
            if (cp < 0x10000) {
                out.append((char) cp);
            } else {
                out.append(Character.highSurrogate(cp));
                out.append(Character.lowSurrogate(cp));
            }
        }

        /** After '&': one of the five predefined entities or a character reference, appended to {@code out}. */
        private void reference(Chars out) throws IOException, SAXException {
            char[] ref = new char[12];
            int n = 0;
            while (true) {
                int c = need();
                if (c == ';') {
                    break;
                }
                if (n == ref.length || c == '<' || c == '&' || c <= ' ') {
                    throw error("The entity name must immediately follow the '&' in the entity reference.");
                }
                ref[n++] = (char) c;
            }
            String r = new String(ref, 0, n);
            switch (r) {
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "amp" -> out.append('&');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    if (n < 2 || ref[0] != '#') {
                        throw error("The entity \"" + r + "\" was referenced, but not declared.");
                    }
                    int cp;
                    try {
                        cp = ref[1] == 'x' ? Integer.parseInt(r.substring(2), 16) : Integer.parseInt(r.substring(1), 10);
                    } catch (NumberFormatException e) {
                        throw error("A character reference must be a number: &" + r + ";");
                    }
                    if (cp < 0 || !(cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                            || cp >= 0x10000 && cp <= 0x10FFFF) || r.startsWith("#x-") || r.startsWith("#-") || r.startsWith("#+")
                            || r.startsWith("#x+")) {
                        throw error("Character reference \"&" + r + "\" is an invalid XML character.");
                    }
                    if (cp < 0x10000) {
                        out.append((char) cp);
                    } else {
                        out.append(Character.highSurrogate(cp));
                        out.append(Character.lowSurrogate(cp));
                    }
                }
            }
        }

        /** {@code <!--…-->}, {@code <![CDATA[…]]>}; a DOCTYPE is refused. */
        private void markup() throws IOException, SAXException {
            int a = need();
            if (a == '-') {
                if (need() != '-') {
                    throw error("The markup in the document must be well-formed (comment).");
                }
                // a comment: up to "-->"
                int dashes = 0;
                while (true) {
                    int c = need();
                    if (c == '>' && dashes >= 2) {
                        return;
                    }
                    dashes = c == '-' ? dashes + 1 : 0;
                }
            }
            if (a == '[') {
                for (char expect : "CDATA[".toCharArray()) {
                    if (need() != expect) {
                        throw error("The markup in the document must be well-formed (CDATA).");
                    }
                }
                if (depth == 0) {
                    throw error("Content is not allowed outside the root element (CDATA).");
                }
                // up to "]]>", kept (raw, line ends normalized) when collecting
                int brackets = 0;
                while (true) {
                    int c = need();
                    if (c == '>' && brackets >= 2) {
                        if (cells.collecting) {
                            cells.length -= 2; // the "]]" appended before '>'
                        }
                        return;
                    }
                    brackets = c == ']' ? brackets + 1 : 0;
                    if (!cells.collecting) {
                        continue;
                    }
                    if (c == '\r') {
                        skipLineFeedAfterReturn();
                        cells.append('\n');
                    } else if (c < 0x80) {
                        cells.append((char) c);
                    } else {
                        utf8(c, cells);
                    }
                }
            }
            // <!DOCTYPE …> (or anything else): no document type declarations, hence no entities
            throw error("DOCTYPE is disallowed (a worksheet has no document type declaration).");
        }

        /** Skips up to and including the two bytes {@code a b} (a processing instruction). */
        private void skipUntil(int a, int b) throws IOException, SAXException {
            int prev = -1;
            while (true) {
                int c = need();
                if (prev == a && c == b) {
                    return;
                }
                prev = c;
            }
        }

        private static boolean nameEnd(int c) {
            return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r';
        }

        private static boolean space(int c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        /** Reads an element's name (its first byte given) into {@link #name}; returns the byte after it. */
        private int readName(int first) throws IOException, SAXException {
            nameLength = 0;
            int c = first;
            while (!nameEnd(c)) {
                if (c == '<' || c == '=' || c == '"' || c == '\'' || c == '&') {
                    throw error("The markup in the document must be well-formed (element name).");
                }
                if (nameLength == name.length) {
                    throw error("Element name too long.");
                }
                name[nameLength++] = (byte) c;
                c = need();
            }
            if (nameLength == 0) {
                throw error("The markup in the document must be well-formed (no element name).");
            }
            return c;
        }

        /** Which element {@link #name} is, by its local part (after any prefix). */
        private int kind() {
            int start = 0;
            for (int i = nameLength - 1; i >= 0; i--) {
                if (name[i] == ':') {
                    start = i + 1;
                    break;
                }
            }
            int n = nameLength - start;
            if (n == 1) {
                byte c = name[start];
                return c == 'c' ? C : c == 'v' ? V : c == 't' ? T : OTHER;
            }
            if (n == 2 && name[start] == 'i' && name[start + 1] == 's') {
                return IS;
            }
            if (n == 3 && name[start] == 'r' && name[start + 1] == 'o' && name[start + 2] == 'w') {
                return ROW;
            }
            return OTHER;
        }

        private void startTag(int first) throws IOException, SAXException {
            if (rootClosed) {
                throw error("The markup in the document following the root element must be well-formed.");
            }
            int c = readName(first);
            int kind = kind();
            boolean keepAttributes = kind == ROW || kind == C;
            hasR = false;
            hasS = false;
            hasT = false;
            boolean empty = false;
            while (true) {
                while (space(c)) {
                    c = need();
                }
                if (c == '>') {
                    break;
                }
                if (c == '/') {
                    if (need() != '>') {
                        throw error("Element type must be followed by either attribute specifications, \">\" or \"/>\".");
                    }
                    empty = true;
                    break;
                }
                c = attribute(c, keepAttributes);
            }
            push();
            rootSeen = true;
            switch (kind) {
                case ROW -> cells.startRow(hasR ? Integer.parseInt(attrR, 0, attrR.length(), 10) : -1);
                case C -> cells.startCell(hasR ? WorkbookReader.columnOf(attrR) : -1, hasT ? type(attrT) : null,
                        hasS ? Integer.parseInt(attrS, 0, attrS.length(), 10) : 0);
                case V -> cells.startValue();
                case IS -> cells.startInline();
                case T -> cells.startText();
                default -> {
                }
            }
            if (empty) {
                pop();
                end(kind);
            }
        }

        /** The usual cell types as constants (no string per cell). */
        private static String type(StringBuilder t) {
            int n = t.length();
            if (n == 1) {
                switch (t.charAt(0)) {
                    case 's':
                        return "s";
                    case 'n':
                        return "n";
                    case 'b':
                        return "b";
                    case 'e':
                        return "e";
                    case 'd':
                        return "d";
                    default:
                        break;
                }
            } else if (n == 3 && "str".contentEquals(t)) {
                return "str";
            } else if (n == 9 && "inlineStr".contentEquals(t)) {
                return "inlineStr";
            }
            return t.toString();
        }

        /** One attribute, its name's first byte given; returns the byte after its value. */
        private int attribute(int first, boolean keep) throws IOException, SAXException {
            int c = first;
            int n = 0;
            int firstByte = c;
            while (c != '=' && !space(c)) {
                if (c == '>' || c == '/' || c == '<' || c == '"' || c == '\'') {
                    throw error("Attribute name must be followed by the ' = ' character.");
                }
                n++;
                c = need();
            }
            while (space(c)) {
                c = need();
            }
            if (c != '=') {
                throw error("Attribute name must be followed by the ' = ' character.");
            }
            c = need();
            while (space(c)) {
                c = need();
            }
            if (c != '"' && c != '\'') {
                throw error("Open quote is expected for attribute.");
            }
            int quote = c;
            StringBuilder target = null;
            if (keep && n == 1) {
                switch (firstByte) {
                    case 'r' -> {
                        target = attrR;
                        hasR = true;
                    }
                    case 's' -> {
                        target = attrS;
                        hasS = true;
                    }
                    case 't' -> {
                        target = attrT;
                        hasT = true;
                    }
                    default -> {
                    }
                }
            }
            if (target == null) {
                while ((c = need()) != quote) {
                    if (c == '<') {
                        throw error("The value of an attribute must not contain the '<' character.");
                    }
                }
            } else {
                target.setLength(0);
                attributeValue(quote, target);
            }
            return need();
        }

        /** An attribute value kept: entities decoded, white space normalized to spaces. */
        private void attributeValue(int quote, StringBuilder target) throws IOException, SAXException {
            Chars scratch = this.scratch;
            while (true) {
                int c = need();
                if (c == quote) {
                    break;
                }
                if (c == '<') {
                    throw error("The value of an attribute must not contain the '<' character.");
                }
                if (c == '&') {
                    scratch.length = 0;
                    reference(scratch);
                    target.append(scratch.value, 0, scratch.length);
                } else if (c == '\t' || c == '\n') {
                    target.append(' ');
                } else if (c == '\r') {
                    skipLineFeedAfterReturn();
                    target.append(' ');
                } else if (c < 0x80) {
                    target.append((char) c);
                } else {
                    scratch.length = 0;
                    utf8(c, scratch);
                    target.append(scratch.value, 0, scratch.length);
                }
            }
        }

        private void push() {
            int start = depth == 0 ? 0 : nameEnds[depth - 1];
            if (start + nameLength > names.length) {
                names = java.util.Arrays.copyOf(names, Math.max(names.length * 2, start + nameLength));
            }
            System.arraycopy(name, 0, names, start, nameLength);
            if (depth == nameEnds.length) {
                nameEnds = java.util.Arrays.copyOf(nameEnds, depth * 2);
            }
            nameEnds[depth++] = start + nameLength;
        }

        private void pop() {
            depth--;
            if (depth == 0) {
                rootClosed = true;
            }
        }

        private void endTag() throws IOException, SAXException {
            int c = readName(need());
            while (space(c)) {
                c = need();
            }
            if (c != '>') {
                throw error("The end-tag for element type must end with a '>' delimiter.");
            }
            if (depth == 0) {
                throw error("The markup in the document following the root element must be well-formed.");
            }
            int start = depth == 1 ? 0 : nameEnds[depth - 2];
            int end = nameEnds[depth - 1];
            boolean same = end - start == nameLength;
            for (int i = 0; same && i < nameLength; i++) {
                same = names[start + i] == name[i];
            }
            if (!same) {
                throw error("The element type \"" + new String(names, start, end - start, java.nio.charset.StandardCharsets.UTF_8)
                        + "\" must be terminated by the matching end-tag \"</" + new String(name, 0, nameLength,
                        java.nio.charset.StandardCharsets.UTF_8) + ">\".");
            }
            pop();
            end(kind());
        }

        private void end(int kind) {
            switch (kind) {
                case V, T -> cells.collecting = false;
                case IS -> cells.inInline = false;
                case C -> cells.endCell();
                case ROW -> cells.endRow(position());
                default -> {
                }
            }
        }
    }
}
