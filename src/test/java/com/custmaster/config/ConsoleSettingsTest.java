package com.custmaster.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How conf/console.yml and CUSTMASTER_CONSOLE_USERS map to {@link ConsoleSettings}, and their defaults. */
class ConsoleSettingsTest {

    private static final String HASH = "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    private static final String OTHER_HASH = "pbkdf2-sha256$300000$b3RoZXJzYWx0b3RoZXI$b3RoZXJoYXNob3RoZXJoYXNob3RoZXJoYXNo";

    @TempDir
    Path conf;

    @Test
    void withoutTheFileTheConsoleListensOnTheLoopbackAddressAndNobodyCanSignIn() {
        ConsoleSettings settings = ConsoleSettingsReader.read(conf, name -> null);

        assertThat(settings).isEqualTo(ConsoleSettings.DEFAULT);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8089);
        assertThat(settings.sessionIdle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.users()).isEmpty();
    }

    @Test
    void theShippedFileHasTheDefaultsAndNoUser() {
        assertThat(ConsoleSettingsReader.read(Path.of("conf"), name -> null)).isEqualTo(ConsoleSettings.DEFAULT);
    }

    @Test
    void readsAddressPortIdleTimeAndUsersAndTheEnvironmentWinsForAName() throws IOException {
        write("""
                bind_address: 0.0.0.0
                port: 9090
                session_idle_minutes: 5
                users:
                  - name: alice
                    password_hash: "%s"
                  - name: bob
                    password_hash: "%s"
                """.formatted(HASH, HASH));
        Map<String, String> environment = Map.of(ConsoleSettingsReader.USERS_ENV, "bob=" + OTHER_HASH + ", carol=" + HASH);

        ConsoleSettings settings = ConsoleSettingsReader.read(conf, environment::get);

        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.sessionIdle()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.users()).containsExactly(new ConsoleSettings.User("alice", HASH),
                new ConsoleSettings.User("bob", OTHER_HASH), new ConsoleSettings.User("carol", HASH));
    }

    @Test
    void aBadValueNamesTheFileAndTheKey() throws IOException {
        write("users:\n  - name: alice\n    password_hash: secret\n");
        assertThatThrownBy(() -> ConsoleSettingsReader.read(conf, name -> null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("console.yml").hasMessageContaining("users[0]")
                .hasMessageContaining("pbkdf2-sha256$ITERATIONS$SALT$HASH");

        write("port: 70000\n");
        assertThatThrownBy(() -> ConsoleSettingsReader.read(conf, name -> null)).hasMessageContaining("key 'port'");

        write("session_idle_minutes: 0\n");
        assertThatThrownBy(() -> ConsoleSettingsReader.read(conf, name -> null))
                .hasMessageContaining("key 'session_idle_minutes'");

        write("password: hunter2\n");
        assertThatThrownBy(() -> ConsoleSettingsReader.read(conf, name -> null)).hasMessageContaining("unknown key");
    }

    @Test
    void aBadEnvironmentEntryNamesTheVariableAndNeverTheHash() {
        Map<String, String> environment = Map.of(ConsoleSettingsReader.USERS_ENV, "alice=" + HASH + ",bob");

        assertThatThrownBy(() -> ConsoleSettingsReader.read(conf, environment::get)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ConsoleSettingsReader.USERS_ENV).hasMessageContaining("entry 2")
                .hasMessageNotContaining(HASH);
        assertThat(new ConsoleSettings.User("alice", HASH).toString()).doesNotContain(HASH);
    }

    @Test
    void theNightlysNameCannotBeAUser() {
        assertThatThrownBy(() -> new ConsoleSettings.User("nightly-match", HASH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid user name");
    }

    private void write(String text) throws IOException {
        Files.writeString(conf.resolve("console.yml"), text);
    }
}
