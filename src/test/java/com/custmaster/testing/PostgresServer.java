package com.custmaster.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * A throwaway PostgreSQL server from Debian's packages, for tests that must run against the real
 * database rather than a stand-in: initdb into a fresh folder, a server on 127.0.0.1 on a free
 * port, one database (UTF-8, English collation) owned by one user with a password, stopped (and its
 * files removed) on {@link #close()}. PostgreSQL refuses to run as root, so under root the programs
 * run as the {@code postgres} user the package created, which owns the folder. When no PostgreSQL
 * is installed, {@code src/test/scripts/install-postgresql} is run under root; otherwise starting
 * fails and says to run it.
 */
public final class PostgresServer implements AutoCloseable {

    /** Where Debian's packages put each major version's programs ({@code /usr/lib/postgresql/15/bin}). */
    static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    static final Path INSTALL_SCRIPT = Path.of("src/test/scripts/install-postgresql");
    static final String OS_USER = "postgres";
    static final String DATABASE = "custmaster";
    static final String USER = "custmaster";
    private static final String SUPERUSER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    /** How a client reaches the database: a JDBC URL, a user and the user's password. */
    public record Login(String url, String user, String password) {
        public Login {
            requireNonNull(url, "url is null");
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        /** The environment the application reads them from (conf/pipeline.yml, docs/operations.md). */
        public Map<String, String> environment() {
            return Map.of("CUSTMASTER_DB_URL", url, "CUSTMASTER_DB_USER", user, "CUSTMASTER_DB_PASSWORD", password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final Login login;
    private final Thread stopOnExit;
    private boolean stopped;

    private PostgresServer(Path bin, Path folder, Login login) {
        this.bin = bin;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.login = login;
        this.stopOnExit = new Thread(this::stopQuietly, "postgres-stop");
    }

    /**
     * Starts a new server in a fresh folder under {@code parent}, or under the temporary folder when
     * running as root and {@code parent} is where the {@code postgres} user cannot go.
     *
     * @throws IllegalStateException when PostgreSQL is not installed and cannot be, or does not start
     */
    public static PostgresServer start(Path parent) throws IOException, InterruptedException {
        Path bin = programs();
        Path within = Files.createDirectories(parent).toAbsolutePath();
        if (runningAsRoot() && !enterableByOthers(within)) {
            // A checkout under a private folder (root's home, say): the postgres user cannot reach it.
            within = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        }
        Path folder = Files.createTempDirectory(within, "postgres-");
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String superPassword = HexFormat.of().formatHex(secret);
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        int port = freePort();
        Login superuser = new Login(url(port, "postgres"), SUPERUSER, superPassword);
        PostgresServer server = new PostgresServer(bin, folder,
                new Login(url(port, DATABASE), USER, password));

        Path passwordFile = folder.resolve("superuser.pw");
        Files.writeString(passwordFile, superPassword + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        if (runningAsRoot()) {
            handToOsUser(folder, passwordFile);
        }
        // The cluster in the C locale whatever the machine's; the database gets its collation below.
        server.run(bin.resolve("initdb").toString(), "--pgdata=" + server.data, "--username=" + SUPERUSER,
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync");
        Files.delete(passwordFile);
        Files.writeString(server.data.resolve("postgresql.conf"), String.join("\n", "",
                "# throwaway test server (PostgresServer): TCP on 127.0.0.1 only, durability off for speed",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = ''",
                "max_connections = 50",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Runtime.getRuntime().addShutdownHook(server.stopOnExit);
        server.run(bin.resolve("pg_ctl").toString(), "--pgdata=" + server.data, "--log=" + folder.resolve("server.log"),
                "--wait", "--timeout=60", "start");
        try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
            // DDL takes no bind parameters; the password is hex made above.
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
            // English collation (ICU, which Debian's PostgreSQL is built with), as a production
            // database created with a language locale has: 'a' < 'B', unlike H2 and Java.
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER + " ENCODING 'UTF8' TEMPLATE template0 "
                    + "LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("PostgreSQL started but the database could not be created: " + e.getMessage()
                    + "; log: " + server.log(), e);
        }
        return server;
    }

    /** The database and user the tests use (not a superuser: as in production). */
    public Login login() {
        return login;
    }

    /** The server's log, for failure messages. */
    public String log() {
        try {
            Path log = folder.resolve("server.log");
            return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the server (fast shutdown: sessions are ended) and removes its files. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run already
        }
        delete(folder);
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(bin.resolve("pg_ctl").toString(), "--pgdata=" + data, "--mode=fast", "--wait", "--timeout=60", "stop");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("PostgresServer: could not stop the server in " + folder + ": " + e.getMessage());
        }
    }

    /**
     * The bin folder of the newest PostgreSQL installed from Debian's packages; installs it first
     * under root when there is none.
     */
    static Path programs() throws IOException, InterruptedException {
        Optional<Path> found = installed();
        if (found.isEmpty() && runningAsRoot() && Files.isExecutable(INSTALL_SCRIPT)) {
            Process install = new ProcessBuilder(INSTALL_SCRIPT.toString()).redirectErrorStream(true).start();
            String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new IllegalStateException(INSTALL_SCRIPT + " failed: " + output);
            }
            found = installed();
        }
        return found.orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed (no initdb under "
                + DEBIAN_ROOT + "/*/bin): run " + INSTALL_SCRIPT + " as root (it installs Debian's postgresql package)"));
    }

    private static Optional<Path> installed() throws IOException {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(PostgresServer::majorVersion));
        }
    }

    private static int majorVersion(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Gives the folder and the password file in it to the postgres user, after checking it can reach them. */
    private static void handToOsUser(Path folder, Path passwordFile) throws IOException {
        UserPrincipal owner;
        try {
            owner = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            throw new IllegalStateException("running as root but there is no '" + OS_USER + "' user to run PostgreSQL as "
                    + "(Debian's postgresql package creates it): run " + INSTALL_SCRIPT, e);
        }
        if (!enterableByOthers(folder.getParent())) {
            throw new IllegalStateException("the " + OS_USER + " user cannot reach " + folder + ": PostgreSQL needs others "
                    + "to be able to enter every folder above its data");
        }
        Files.setOwner(folder, owner);
        Files.setOwner(passwordFile, owner);
    }

    /** True when users other than the owner may enter the folder and every folder above it. */
    private static boolean enterableByOthers(Path folder) throws IOException {
        for (Path above = folder; above != null; above = above.getParent()) {
            if (!Files.getPosixFilePermissions(above).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    /** Runs a PostgreSQL program (as the postgres user under root); fails with its output. */
    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (runningAsRoot()) {
            line.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).directory(folder.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s: "
                    + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " exited with " + process.exitValue() + ": " + output
                    + (Files.isRegularFile(folder.resolve("server.log")) ? "\nserver log:\n" + log() : ""));
        }
    }

    private static String url(int port, String database) {
        return String.format(Locale.ROOT, "jdbc:postgresql://127.0.0.1:%d/%s", port, database);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the test server's folder " + folder, e);
        }
    }
}
