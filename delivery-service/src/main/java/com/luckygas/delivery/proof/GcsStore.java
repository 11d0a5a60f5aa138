package com.luckygas.delivery.proof;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import java.util.Optional;

/** Objects in a Google Cloud Storage bucket (the service account of Cloud Run needs objectAdmin on it). */
public final class GcsStore implements ObjectStore {

    private final Storage storage;
    private final String bucket;

    public GcsStore(Storage storage, String bucket) {
        this.storage = storage;
        this.bucket = bucket;
    }

    @Override
    public void put(String name, byte[] content, String mediaType) {
        storage.create(BlobInfo.newBuilder(BlobId.of(bucket, name)).setContentType(mediaType).build(), content);
    }

    @Override
    public Optional<byte[]> get(String name) {
        Blob blob = storage.get(BlobId.of(bucket, name));
        return blob == null ? Optional.empty() : Optional.of(blob.getContent());
    }

    @Override
    public void delete(String name) {
        storage.delete(BlobId.of(bucket, name));
    }
}
