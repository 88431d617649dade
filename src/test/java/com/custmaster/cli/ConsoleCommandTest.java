package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.console.PasswordHashes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custmaster console}: the refusals before anything is served, and making a password hash. */
class ConsoleCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path var;

    @Test
    void withoutAnyUserTheConsoleRefusesToStartWithExitCodeTwo() {
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "console", "--var", var.toString(),
                "--port", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no console users are configured")
                .contains("console.yml").contains("CUSTMASTER_CONSOLE_USERS").contains("hash-password");
        assertThat(var.resolve("db")).doesNotExist();
    }

    @Test
    void hashPasswordReadsThePasswordFromStandardInputAndPrintsAHashThatChecksIt() {
        String password = "a long enough password";

        int exit = withStandardInput(password + "\n", () -> run("console", "hash-password"));

        assertThat(exit).as(err.toString()).isZero();
        String hash = out.toString().strip();
        assertThat(hash).startsWith("pbkdf2-sha256$210000$").doesNotContain(password);
        assertThat(PasswordHashes.matches(password.toCharArray(), hash)).isTrue();
        assertThat(PasswordHashes.matches("another password".toCharArray(), hash)).isFalse();
    }

    @Test
    void hashPasswordRefusesAShortOrMissingPassword() {
        assertThat(withStandardInput("short\n", () -> run("console", "hash-password"))).isEqualTo(2);
        assertThat(err.toString()).contains("at least 12 characters");
        assertThat(withStandardInput("", () -> run("console", "hash-password"))).isEqualTo(2);
        assertThat(err.toString()).contains("no password on standard input");
        assertThat(out.toString()).isEmpty();
    }

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static int withStandardInput(String text, java.util.function.IntSupplier action) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return action.getAsInt();
        } finally {
            System.setIn(original);
        }
    }
}
