package com.luckygas.delivery.proof;

import com.google.cloud.storage.StorageOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store in use, by configuration: {@code luckygas.storage.bucket} set (LUCKYGAS_STORAGE_BUCKET,
 * the Cloud Run services) is Google Cloud Storage with the service's own credentials (Cloud Run's
 * service account), otherwise the folder {@code luckygas.storage.folder} (LUCKYGAS_STORAGE_FOLDER;
 * {@code deploy/local/stack} sets its own). The cloud client is made only when a bucket is named.
 */
@ApplicationScoped
public class Stores {

    @Produces
    @ApplicationScoped
    ObjectStore store(@ConfigProperty(name = "luckygas.storage.bucket") Optional<String> bucket,
                      @ConfigProperty(name = "luckygas.storage.folder") String folder) {
        return bucket.filter(b -> !b.isBlank())
                .<ObjectStore>map(b -> new GcsStore(StorageOptions.getDefaultInstance().getService(), b))
                .orElseGet(() -> new FolderStore(Path.of(folder)));
    }
}
