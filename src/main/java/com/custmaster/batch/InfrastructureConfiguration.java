package com.custmaster.batch;

import com.custmaster.config.DatabaseSettings;
import com.custmaster.config.PipelineConfig;
import com.custmaster.domain.OperationalFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The operational database: a connection pool, the schema brought up to date by Flyway (Spring
 * Batch's tables and ours, for H2 and PostgreSQL), and the transaction manager every step shares.
 */
@Configuration(proxyBeanMethods = false)
public class InfrastructureConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(InfrastructureConfiguration.class);

    /** Closed with the context: an H2 pool is disposed, which closes the embedded database. */
    @Bean(destroyMethod = "")
    public DataSource dataSource(PipelineConfig config) throws Exception {
        DatabaseSettings db = config.database();
        DataSource dataSource;
        if (db.isH2()) {
            Files.createDirectories(config.varDir().resolve("db"));
            JdbcConnectionPool pool = JdbcConnectionPool.create(db.connectionUrl(), db.user(), db.password() == null ? "" : db.password());
            pool.setMaxConnections(8);
            dataSource = pool;
        } else {
            dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        }
        try (Connection connection = dataSource.getConnection()) {
            LOG.debug("database {}: reachable ({})", db.safeUrl(), connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new OperationalFailure("database " + db.safeUrl() + " cannot be reached: "
                    + OperationalFailure.reasonOf(e), e);
        }
        migrate(dataSource, db);
        return dataSource;
    }

    /** Brings the schema up to date (Flyway; the same migrations the nightly applies). */
    public static void migrate(DataSource dataSource, DatabaseSettings db) {
        String vendor = db.isH2() ? "h2" : "postgresql";
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        if (applied > 0) {
            LOG.info("database {}: applied {} schema migration(s)", db.safeUrl(), applied);
        }
    }

    /** Disposes an H2 pool when the application context closes (H2's pool has no close()). */
    @Bean
    public org.springframework.beans.factory.DisposableBean dataSourceCloser(DataSource dataSource) {
        return () -> {
            if (dataSource instanceof JdbcConnectionPool pool) {
                pool.dispose();
            }
        };
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    public JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    /** Where reject CSVs and reports go. */
    static Path reportsDir(PipelineConfig config) {
        return config.varDir().resolve("reports");
    }
}
