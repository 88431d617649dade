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

    /** A reader in the source's encoding that skips a byte-order mark; undecodable bytes become U+FFFD. */
    static Reader open(Path file, SourceConfig source) throws IOException {
        InputStream in = Files.newInputStream(file);
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
}
