package com.luckygas.delivery.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Files in a folder: a name's '/' are sub-folders. A file is written beside its place and moved in
 * whole, so a reader never sees half of one.
 */
public final class FolderStore implements ObjectStore {

    private final Path root;

    public FolderStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String name, byte[] content, String mediaType) {
        Path file = resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".part");
            Files.write(part, content);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + name, e);
        }
    }

    @Override
    public Optional<byte[]> get(String name) {
        try {
            return Optional.of(Files.readAllBytes(resolve(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + name, e);
        }
    }

    /** The file of a name, never outside the folder. */
    private Path resolve(String name) {
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("not a name in the store: " + name);
        }
        return file;
    }
}
