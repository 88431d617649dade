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

    /**
     * What to tell a user whose file is not in the encoding it was read with: the file, the line of
     * the first bytes that are not {@code encoding} text, and the option that fixes it. The file is
     * read again from the start to find that line (the reader that failed was buffered ahead).
     */
    public static String notInEncoding(Path file, Charset encoding) {
        String where;
        try {
            long line = lineOfFirstUndecodable(file, encoding);
            where = line > 0 ? "line " + line : "somewhere";
        } catch (IOException e) {
            where = "somewhere";
        }
        return file + ": " + where + ": not " + encoding.name() + " text; give the file's encoding with --encoding "
                + "(for example ISO-8859-1, windows-1252 or GB18030)";
    }

    /** The 1-based line holding the first bytes that are not text in the encoding, or 0 if all are. */
    static long lineOfFirstUndecodable(Path file, Charset encoding) throws IOException {
        java.nio.charset.CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
        long line = 1;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                if (!end) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                int start = bytes.position();
                java.nio.charset.CoderResult result = decoder.decode(bytes, chars, end);
                for (int i = start; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    return line;
                }
                chars.clear();
                bytes.compact();
            }
        }
        return 0;
    }
}
