package io.zakka.storage.durability;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync of a directory, which makes the creation, rename or deletion of its entries durable. */
public final class Fsync {

    private Fsync() {
    }

    /**
     * Forces the directory's metadata. Linux allows opening a directory for reading and forcing it; a
     * platform that refuses (IOException on open) cannot give this guarantee, and we say so rather than
     * pretend: the exception propagates.
     */
    public static void directory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
