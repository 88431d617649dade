package com.custmaster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void aLeadingByteOrderMarkIsSkippedAndNothingElse() throws IOException {
        Path withMark = dir.resolve("mark.csv");
        Files.writeString(withMark, "\uFEFFid,name\n", StandardCharsets.UTF_8);
        Path without = dir.resolve("plain.csv");
        Files.writeString(without, "id,name\n", StandardCharsets.UTF_8);

        try (BufferedReader a = TextFiles.open(withMark, StandardCharsets.UTF_8);
             BufferedReader b = TextFiles.open(without, StandardCharsets.UTF_8)) {
            assertThat(a.readLine()).isEqualTo("id,name");
            assertThat(b.readLine()).isEqualTo("id,name");
        }
    }

    @Test
    void findsTheLineOfTheFirstBytesThatAreNotTextInTheEncoding() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.writeString(file, "id,name\n1,Muller\n2,Müller\n3,Jürgen\n", StandardCharsets.ISO_8859_1);

        assertThat(TextFiles.lineOfFirstUndecodable(file, StandardCharsets.UTF_8)).isEqualTo(3);
        assertThat(TextFiles.lineOfFirstUndecodable(file, StandardCharsets.ISO_8859_1)).isZero();
        assertThat(TextFiles.notInEncoding(file, StandardCharsets.UTF_8))
                .isEqualTo(file + ": line 3: not UTF-8 text; give the file's encoding with --encoding "
                        + "(for example ISO-8859-1, windows-1252 or GB18030)");
    }

    @Test
    void countsLinesAcrossReadBuffers() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < 20_000; i++) {
            text.append(i).append(",Zoë Müller, 北京\n");
        }
        text.append("20000,caf\u00e9\n");
        Path file = dir.resolve("big.csv");
        byte[] utf8 = text.substring(0, text.lastIndexOf("caf")).getBytes(StandardCharsets.UTF_8);
        byte[] tail = "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[utf8.length + tail.length];
        System.arraycopy(utf8, 0, all, 0, utf8.length);
        System.arraycopy(tail, 0, all, utf8.length, tail.length);
        Files.write(file, all);

        assertThat(all.length).isGreaterThan(1 << 18);
        assertThat(TextFiles.lineOfFirstUndecodable(file, StandardCharsets.UTF_8)).isEqualTo(20_000);
    }
}
