package com.custmaster.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads the console's settings: {@code conf/console.yml} when it exists (else the defaults), and
 * users from the environment variable {@value #USERS_ENV} ({@code alice=HASH,bob=HASH}), which win
 * over a user of the same name in the file, so that hashes can be kept out of the configuration
 * folder. Kept apart from {@link ConfigLoader}: only the console needs it, and the nightly must not
 * fail over a console setting.
 */
public final class ConsoleSettingsReader {

    /** Users as {@code name=HASH} separated by commas. */
    public static final String USERS_ENV = "CUSTMASTER_CONSOLE_USERS";
    static final String FILE = "console.yml";

    private ConsoleSettingsReader() {
    }

    /**
     * @throws ConfigException naming the file (or the environment variable) and the key of a bad value
     */
    public static ConsoleSettings read(Path confDir, UnaryOperator<String> environment) {
        Path file = confDir.resolve(FILE);
        ConsoleSettings settings = ConsoleSettings.DEFAULT;
        Map<String, ConsoleSettings.User> users = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            YamlSection yaml = YamlSection.load(file);
            yaml.rejectUnknownKeys(Set.of("bind_address", "port", "session_idle_minutes", "users"));
            int idleMinutes = yaml.integer("session_idle_minutes", (int) ConsoleSettings.SESSION_IDLE_DEFAULT.toMinutes());
            if (idleMinutes < 1) {
                throw yaml.error("session_idle_minutes", "must be at least 1, found " + idleMinutes);
            }
            int port = yaml.integer("port", ConsoleSettings.PORT_DEFAULT);
            if (port < 0 || port > 65_535) {
                throw yaml.error("port", "must be between 0 and 65535, found " + port);
            }
            String bind = yaml.string("bind_address", ConsoleSettings.BIND_ADDRESS_DEFAULT).trim();
            if (bind.isEmpty()) {
                throw yaml.error("bind_address", "is empty");
            }
            List<YamlSection> entries = yaml.sectionList("users");
            for (int i = 0; i < entries.size(); i++) {
                YamlSection entry = entries.get(i);
                entry.rejectUnknownKeys(Set.of("name", "password_hash"));
                ConsoleSettings.User user;
                try {
                    user = new ConsoleSettings.User(entry.requireString("name"), entry.requireString("password_hash"));
                } catch (IllegalArgumentException e) {
                    throw yaml.error("users[" + i + "]", e.getMessage());
                }
                if (users.put(user.name(), user) != null) {
                    throw yaml.error("users[" + i + "].name", "'" + user.name() + "' is listed twice");
                }
            }
            settings = new ConsoleSettings(bind, port, Duration.ofMinutes(idleMinutes), List.of());
        }
        users.putAll(environmentUsers(environment.apply(USERS_ENV)));
        return new ConsoleSettings(settings.bindAddress(), settings.port(), settings.sessionIdle(),
                new ArrayList<>(users.values()));
    }

    private static Map<String, ConsoleSettings.User> environmentUsers(String value) {
        Map<String, ConsoleSettings.User> users = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return users;
        }
        String[] entries = value.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException("environment variable " + USERS_ENV + ": entry " + (i + 1) + " is not NAME=HASH");
            }
            try {
                ConsoleSettings.User user = new ConsoleSettings.User(entry.substring(0, equals).trim(),
                        entry.substring(equals + 1).trim());
                if (users.put(user.name(), user) != null) {
                    throw new ConfigException("environment variable " + USERS_ENV + ": '" + user.name() + "' is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException("environment variable " + USERS_ENV + ": entry " + (i + 1) + ": " + e.getMessage());
            }
        }
        return users;
    }
}
