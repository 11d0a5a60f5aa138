package com.luckygas.delivery.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.luckygas.common.ProblemException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What a proof may be, told by content, and what is kept of it: the picture without its location. */
class ProofImagesTest {

    @Test
    void aJpegLosesItsLocationAndKeepsItsPicture() throws IOException {
        byte[] sent = TestImages.jpegWithLocation(64, 48);
        assertTrue(TestImages.contains(sent, TestImages.GPS));
        ProofImages.Clean clean = ProofImages.clean(sent);
        assertEquals("image/jpeg", clean.mediaType());
        assertFalse(TestImages.contains(clean.bytes(), TestImages.GPS), "the GPS position is gone");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
        assertNotNull(picture, "still a JPEG a viewer opens");
        assertEquals(64, picture.getWidth());
        assertEquals(48, picture.getHeight());
        // nothing but the metadata segment was taken out: the picture's bytes are the same
        assertArrayEquals(TestImages.jpeg(64, 48, Color.ORANGE), clean.bytes());
    }

    @Test
    void aPngLosesItsTextChunksAndKeepsItsPicture() throws IOException {
        byte[] sent = TestImages.pngWithLocation(20, 10);
        ProofImages.Clean clean = ProofImages.clean(sent);
        assertEquals("image/png", clean.mediaType());
        assertFalse(TestImages.contains(clean.bytes(), TestImages.GPS));
        assertArrayEquals(TestImages.png(20, 10, Color.BLUE), clean.bytes());
        assertEquals(20, ImageIO.read(new ByteArrayInputStream(clean.bytes())).getWidth());
    }

    @Test
    void theContentDecidesNotTheName() {
        assertRefused(415, "%PDF-1.7 not a picture".getBytes(StandardCharsets.US_ASCII));
        assertRefused(415, "GIF89a....".getBytes(StandardCharsets.US_ASCII));
        byte[] png = TestImages.png(10, 10, Color.RED);
        assertRefused(415, Arrays.copyOf(png, png.length - 20)); // cut short on the way
        byte[] jpeg = TestImages.jpeg(10, 10, Color.RED);
        assertRefused(415, Arrays.copyOf(jpeg, jpeg.length / 2));
        assertRefused(400, new byte[0]);
    }

    @Test
    void largerThanTwoMebibytesIsRefused() {
        byte[] jpeg = TestImages.jpeg(10, 10, Color.RED);
        byte[] big = Arrays.copyOf(jpeg, ProofImages.MAX_BYTES + 1);
        assertRefused(413, big);
        // exactly the limit is still a proof (a JPEG padded after its end marker)
        byte[] limit = Arrays.copyOf(jpeg, ProofImages.MAX_BYTES);
        assertEquals("image/jpeg", ProofImages.clean(limit).mediaType());
    }

    private static void assertRefused(int status, byte[] data) {
        ProblemException e = assertThrows(ProblemException.class, () -> ProofImages.clean(data));
        assertEquals(status, e.problem().status());
        assertEquals("file", e.problem().violations().get(0).field());
    }
}
