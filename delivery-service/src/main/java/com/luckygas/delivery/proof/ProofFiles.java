package com.luckygas.delivery.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Files kept with a database record (proofs of delivery, safety-check photos): stored in the
 * {@link ObjectStore} inside the transaction that records them, and removed again when that
 * transaction does not commit — a refused or failed request leaves no file behind.
 */
@ApplicationScoped
public class ProofFiles {

    private static final Logger LOG = Logger.getLogger(ProofFiles.class);

    /** A file stored: its object name, media type, size and SHA-256 (hex) of what was stored. */
    public record Stored(String name, String mediaType, int size, String sha256) {
    }

    private final ObjectStore store;
    private final TransactionSynchronizationRegistry transactions;

    ProofFiles(ObjectStore store, TransactionSynchronizationRegistry transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    /** The file as it will be stored (checked, location removed), before it is: to find an earlier copy by its hash. */
    public ProofImages.Clean check(byte[] data) {
        return ProofImages.clean(data);
    }

    /** Stores a checked file as {@code prefix + '.' + extension}; needs a transaction. */
    public Stored put(String prefix, ProofImages.Clean clean) {
        String name = prefix + "." + clean.extension();
        store.put(name, clean.bytes(), clean.mediaType());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        store.delete(name);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Could not remove %s after its transaction rolled back", name);
                    }
                }
            }
        });
        return new Stored(name, clean.mediaType(), clean.bytes().length, sha256(clean.bytes()));
    }

    public Optional<byte[]> get(String name) {
        return store.get(name);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
