package com.custmaster.ingest;

import com.custmaster.config.SourceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Finding a file source's files (path or glob) and opening them in the declared encoding. */
final class SourceFiles {

    private SourceFiles() {
    }

    /** The files a source's path or glob names, sorted, so every run reads them in the same order. */
    static List<Path> resolve(SourceConfig source) throws IOException {
        String location = source.location();
        if (!location.contains("*") && !location.contains("?")) {
            Path file = Path.of(location);
            if (!Files.isRegularFile(file)) {
                throw new SourceUnavailableException("source '" + source.name() + "': file not found: " + file
                        + " (declared in " + source.configFile() + ")");
            }
            return List.of(file);
        }
        Path path = Path.of(location);
        Path dir = path.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
        List<Path> files;
        if (dir == null || !Files.isDirectory(dir)) {
            files = List.of();
        } else {
            try (Stream<Path> listing = Files.list(dir)) {
                files = listing.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).sorted().toList();
            }
        }
        if (files.isEmpty()) {
            throw new SourceUnavailableException("source '" + source.name() + "': no file matches " + location
                    + " (declared in " + source.configFile() + ")");
        }
        return files;
    }

    /**
     * A reader in the source's encoding that skips a byte-order mark; undecodable bytes become U+FFFD.
     * The bytes taken from the file are counted into {@code bytesRead} (for the progress log).
     */
    static Reader open(Path file, SourceConfig source, AtomicLong bytesRead) throws IOException {
        InputStream in = new CountingInputStream(Files.newInputStream(file), bytesRead);
        Reader reader = new InputStreamReader(in, source.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        PushbackReader pushback = new PushbackReader(new java.io.BufferedReader(reader, 1 << 16), 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    /** Counts the bytes read through it; the count runs ahead of the records parsed by the readers' buffers. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private final AtomicLong count;

        CountingInputStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count.addAndGet(skipped);
            return skipped;
        }
    }
}
