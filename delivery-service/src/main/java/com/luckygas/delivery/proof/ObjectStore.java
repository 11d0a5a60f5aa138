package com.luckygas.delivery.proof;

import java.util.Optional;

/**
 * Where proofs' files are kept (docs/adr/0011): a folder on disk for the local stack and the tests
 * ({@link FolderStore}), a Google Cloud Storage bucket in the cloud ({@link GcsStore}). Names are
 * paths with '/' ({@code orders/12/3f9c….jpg}); writing a name again replaces its content.
 */
public interface ObjectStore {

    void put(String name, byte[] content, String mediaType);

    /** The content stored under {@code name}, or empty when there is none. */
    Optional<byte[]> get(String name);

    void delete(String name);
}
