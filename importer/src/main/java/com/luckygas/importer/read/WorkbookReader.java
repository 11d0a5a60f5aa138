package com.luckygas.importer.read;

import com.luckygas.importer.ImportFailure;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * Streams the rows of an .xlsx workbook, sheet by sheet, without ever loading a sheet: POI opens the
 * package ({@link XSSFReader}, read-only shared strings, styles) and {@link SheetParser} streams each
 * sheet's XML through SAX. Shared strings are resolved once into an
 * array and "is this style a date" is cached per style. Memory does not grow with the sheet.
 */
public final class WorkbookReader implements AutoCloseable {

    /** What the reader tells as it goes. */
    public interface Rows {
        void startSheet(String name, long xmlBytes);

        /** @param bytesRead how much of the sheet's XML has been read, for progress */
        void row(SheetRow row, long bytesRead);

        void endSheet(String name);
    }

    private final Path file;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final String[] strings;
    private final StylesTable styles;
    /** Per cell style: is its number format a date? (computed once, when the workbook is opened) */
    private final boolean[] dateStyles;
    private final SheetParser parser;

    public WorkbookReader(Path file) {
        this.file = file;
        OPCPackage opened = null;
        try {
            opened = OPCPackage.open(file.toFile(), PackageAccess.READ);
            reader = new XSSFReader(opened);
            ReadOnlySharedStringsTable sst = new ReadOnlySharedStringsTable(opened, false);
            int n = sst.getUniqueCount() > 0 ? sst.getUniqueCount() : sst.getCount();
            strings = new String[n];
            for (int i = 0; i < n; i++) {
                strings[i] = sst.getItemAt(i).getString();
            }
            styles = reader.getStylesTable();
            int n2 = styles == null ? 0 : styles.getNumCellStyles();
            dateStyles = new boolean[n2];
            for (int i = 0; i < n2; i++) {
                XSSFCellStyle style = styles.getStyleAt(i);
                dateStyles[i] = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
            }
            parser = new SheetParser(strings, dateStyles);
            pkg = opened;
        } catch (Exception | NoClassDefFoundError e) {
            if (opened != null) {
                opened.revert();
            }
            throw new ImportFailure(file.getFileName() + ": not a readable .xlsx workbook (" + describe(e) + ")", e);
        }
    }

    /**
     * Opens and closes a workbook only to load and initialise POI's classes (on another thread, while
     * the job does something else); whatever goes wrong is left to the real open to report.
     */
    public static void warmUp(Path file) {
        try {
            new WorkbookReader(file).close();
        } catch (RuntimeException | LinkageError ignored) {
            // the real open reports it
        }
    }

    static String describe(Throwable e) {
        Throwable t = e;
        String msg = null;
        while (t != null) {
            if (t.getMessage() != null) {
                msg = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        return msg.length() > 200 ? msg.substring(0, 200) + "…" : msg;
    }

    /** The sheets' names, in workbook order. */
    public java.util.List<String> sheetNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        try {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    names.add(it.getSheetName());
                }
            }
        } catch (IOException | OpenXML4JException e) {
            throw new ImportFailure(file.getFileName() + ": cannot list the sheets (" + describe(e) + ")", e);
        }
        return names;
    }

    /** Reads every sheet (or only {@code onlySheet} when given) in workbook order. */
    public void read(String onlySheet, Rows rows) {
        XSSFReader.SheetIterator it;
        try {
            it = (XSSFReader.SheetIterator) reader.getSheetsData();
        } catch (IOException | InvalidFormatException e) {
            throw new ImportFailure(file.getFileName() + ": cannot list the sheets (" + describe(e) + ")", e);
        }
        boolean found = onlySheet == null;
        while (it.hasNext()) {
            InputStream raw = it.next();
            String name = it.getSheetName();
            if (onlySheet != null && !onlySheet.equals(name)) {
                closeQuietly(raw);
                continue;
            }
            found = true;
            long size = -1;
            try {
                size = it.getSheetPart().getSize();
            } catch (RuntimeException ignored) {
                // size unknown: no ETA
            }
            try (InputStream in = raw) {
                rows.startSheet(name, size);
                parser.parse(in, rows);
                rows.endSheet(name);
            } catch (ImportFailure e) {
                throw e;
            } catch (SAXException | IOException | RuntimeException | javax.xml.parsers.ParserConfigurationException e) {
                throw new ImportFailure(file.getFileName() + ", sheet " + name + ": unreadable sheet (" + describe(e) + ")", e);
            }
        }
        if (!found) {
            throw new ImportFailure(file.getFileName() + ": has no sheet named " + onlySheet);
        }
    }

    static int columnOf(CharSequence ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else {
                break;
            }
        }
        return col - 1;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }

    static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
