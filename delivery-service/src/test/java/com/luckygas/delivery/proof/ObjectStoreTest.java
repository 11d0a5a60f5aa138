package com.luckygas.delivery.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both stores behind {@link ObjectStore}, with real image files: the folder (the local stack and
 * the tests) and Google Cloud Storage through the client library against its own in-memory test
 * double ({@code LocalStorageHelper} of google-cloud-nio: the client's real request building,
 * without a network).
 */
class ObjectStoreTest {

    @TempDir
    static Path folder;

    record Named(String name, ObjectStore store) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Storage GCS = LocalStorageHelper.getOptions().getService();

    static List<Named> stores() {
        return List.of(new Named("folder", new FolderStore(folder)), new Named("gcs", new GcsStore(GCS, "luckygas-proofs-test")));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void keepsReplacesAndRemovesFiles(Named named) {
        ObjectStore store = named.store();
        byte[] photo = TestImages.jpeg(32, 32, Color.GREEN);
        byte[] other = TestImages.png(8, 8, Color.RED);
        String name = "orders/7/photo-1-" + named.name() + ".jpg";
        assertTrue(store.get(name).isEmpty());
        store.put(name, photo, "image/jpeg");
        assertArrayEquals(photo, store.get(name).orElseThrow());
        store.put(name, other, "image/png");
        assertArrayEquals(other, store.get(name).orElseThrow(), "writing a name again replaces it");
        store.delete(name);
        assertTrue(store.get(name).isEmpty());
        store.delete(name); // deleting what is not there is no error
    }

    @Test
    void theCloudObjectCarriesItsMediaType() {
        new GcsStore(GCS, "luckygas-proofs-test").put("orders/8/signature-1.png", TestImages.png(4, 4, Color.BLACK), "image/png");
        assertEquals("image/png", GCS.get(BlobId.of("luckygas-proofs-test", "orders/8/signature-1.png")).getContentType());
    }

    @Test
    void aFolderFileIsWrittenWholeAndNeverOutsideTheFolder() throws IOException {
        FolderStore store = new FolderStore(folder);
        store.put("orders/9/photo-1.jpg", TestImages.jpeg(8, 8, Color.BLUE), "image/jpeg");
        try (Stream<Path> files = Files.walk(folder.resolve("orders/9"))) {
            assertEquals(List.of("photo-1.jpg"), files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList(),
                    "no part file left beside it");
        }
        assertThrows(IllegalArgumentException.class, () -> store.put("../escape.jpg", new byte[] {1}, "image/jpeg"));
        assertTrue(Files.notExists(folder.resolveSibling("escape.jpg")));
    }
}
