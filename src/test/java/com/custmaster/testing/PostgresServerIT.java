package com.custmaster.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The throwaway PostgreSQL server the database tests run on behaves like a production one: a
 * password is required, the user is no superuser, text is UTF-8, and once closed it is gone.
 */
class PostgresServerIT {

    @Test
    void aStartedServerTakesItsLoginOnlyAndIsGoneOnceClosed() throws Exception {
        PostgresServer.Login login;
        try (PostgresServer server = PostgresServer.start(Path.of("target", "postgres"))) {
            login = server.login();

            try (Connection connection = login.connect(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT current_user, "
                         + "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user), current_setting('server_encoding')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(login.user());
                assertThat(rs.getBoolean(2)).as("superuser").isFalse();
                assertThat(rs.getString(3)).isEqualTo("UTF8");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(login.url(), login.user(), "wrong").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }

        assertThatThrownBy(() -> login.connect().close()).isInstanceOf(SQLException.class);
    }
}
