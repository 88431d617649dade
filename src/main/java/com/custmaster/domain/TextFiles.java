package com.custmaster.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text files as people hand them over. Spreadsheet programs start a UTF-8 CSV with a byte order
 * mark (U+FEFF); left in, it becomes part of the first column's name ({@code "\uFEFFid"} is not
 * {@code "id"}) or, before a quote, makes the first header cell unreadable. Every reader of a
 * user's CSV file opens it here, so none can forget.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** A buffered reader of the file in the given encoding, past a leading byte order mark if there is one. */
    public static BufferedReader open(Path file, Charset encoding) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, encoding);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
