package com.custmaster.console;

import com.custmaster.config.ConsoleSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may sign in: configured names and password hashes, checked when the console starts so that a
 * bad hash stops the start, not a sign-in. There is no default: an empty list refuses to start.
 */
final class ConsoleUsers {

    private final Map<String, String> hashes = new LinkedHashMap<>();

    ConsoleUsers(List<ConsoleSettings.User> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no console users are configured, so nobody could sign in: add users with "
                    + "password hashes to conf/console.yml or the environment variable CUSTMASTER_CONSOLE_USERS (make a hash "
                    + "with 'custmaster console hash-password')");
        }
        for (ConsoleSettings.User user : users) {
            try {
                PasswordHashes.validate(user.passwordHash());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("console user " + user.name() + ": " + e.getMessage(), e);
            }
            hashes.put(user.name(), user.passwordHash());
        }
    }

    /** True when the name is a user's and the password theirs; takes as long for an unknown name. */
    boolean check(String name, char[] password) {
        String hash = hashes.get(name);
        if (hash == null) {
            PasswordHashes.checkDecoy(password);
            return false;
        }
        return PasswordHashes.matches(password, hash);
    }
}
