package com.luckygas.delivery.proof;

import com.luckygas.common.Problem;
import com.luckygas.common.ProblemException;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * What a proof may be: a JPEG or PNG, told by its content (not its name or declared type), at
 * most {@value #MAX_BYTES} bytes, and what is stored of it: the same image without the metadata
 * that can say where it was taken. A JPEG loses its APP1 (Exif, XMP: GPS position) and APP13 (IPTC)
 * segments, a PNG its eXIf and text chunks (tEXt, iTXt, zTXt); the picture itself is copied byte for
 * byte, never decoded and encoded again (no quality lost, no image library: AWT is not
 * native-image friendly). A file whose structure does not hold together is refused as not an image.
 */
public final class ProofImages {

    /** Largest proof accepted, in bytes (2 MiB). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** A checked image: its media type and its bytes without location metadata. */
    public record Clean(String mediaType, byte[] bytes) {

        public String extension() {
            return "image/png".equals(mediaType) ? "png" : "jpg";
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final List<String> PNG_DROPPED = List.of("eXIf", "tEXt", "iTXt", "zTXt");

    private ProofImages() {
    }

    /** The image checked and cleaned; 413 when too large, 415 when not a JPEG or PNG. */
    public static Clean clean(byte[] data) {
        if (data == null || data.length == 0) {
            throw ProblemException.invalidField("file", "is empty");
        }
        if (data.length > MAX_BYTES) {
            throw new ProblemException(new Problem("about:blank", "Content Too Large", 413,
                    "A proof is at most " + MAX_BYTES + " bytes; this one has " + data.length + ".",
                    List.of(new Problem.Violation("file", "is larger than " + MAX_BYTES + " bytes"))));
        }
        if (startsWith(data, PNG_SIGNATURE)) {
            return new Clean("image/png", png(data));
        }
        if (data.length > 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
            return new Clean("image/jpeg", jpeg(data));
        }
        throw notAnImage("is not a JPEG or PNG image");
    }

    private static byte[] jpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xff);
        out.write(0xd8);
        int i = 2;
        while (true) {
            if (i + 4 > in.length || (in[i] & 0xff) != 0xff) {
                throw notAnImage("is a damaged JPEG (no marker at byte " + i + ")");
            }
            int marker = in[i + 1] & 0xff;
            if (marker == 0xff) { // fill byte before a marker
                i++;
                continue;
            }
            if (marker == 0xd9) { // end of image without a scan
                throw notAnImage("is a JPEG without a picture");
            }
            int length = ((in[i + 2] & 0xff) << 8) | (in[i + 3] & 0xff);
            if (length < 2 || i + 2 + length > in.length) {
                throw notAnImage("is a damaged JPEG (segment past the end)");
            }
            if (marker == 0xda) { // start of scan: the picture and everything after it, as it is
                if (!endsWithEoi(in)) {
                    throw notAnImage("is a truncated JPEG");
                }
                out.write(in, i, in.length - i);
                return out.toByteArray();
            }
            if (marker != 0xe1 && marker != 0xed) {
                out.write(in, i, 2 + length);
            }
            i += 2 + length;
        }
    }

    private static boolean endsWithEoi(byte[] in) {
        int end = in.length;
        while (end > 2 && in[end - 1] == 0) { // some cameras pad after the end marker
            end--;
        }
        return (in[end - 2] & 0xff) == 0xff && (in[end - 1] & 0xff) == 0xd9;
    }

    private static byte[] png(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, PNG_SIGNATURE.length);
        int i = PNG_SIGNATURE.length;
        boolean header = false;
        while (i + 12 <= in.length) {
            long length = ((long) (in[i] & 0xff) << 24) | ((in[i + 1] & 0xff) << 16) | ((in[i + 2] & 0xff) << 8) | (in[i + 3] & 0xff);
            if (length > in.length - i - 12) {
                throw notAnImage("is a damaged PNG (chunk past the end)");
            }
            String type = new String(in, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int size = (int) length + 12;
            if (!header && !"IHDR".equals(type)) {
                throw notAnImage("is a damaged PNG (no header)");
            }
            header = true;
            if (!PNG_DROPPED.contains(type)) {
                out.write(in, i, size);
            }
            i += size;
            if ("IEND".equals(type)) {
                return out.toByteArray();
            }
        }
        throw notAnImage("is a truncated PNG");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException notAnImage(String reason) {
        return new ProblemException(new Problem("about:blank", "Unsupported Media Type", 415,
                "A proof must be a JPEG or PNG image.", List.of(new Problem.Violation("file", reason))));
    }
}
