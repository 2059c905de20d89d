package io.vigil.probe.sql;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.vigil.storage.DatabaseUrl;

/**
 * Vigil's own database, the default of a {@code sql} probe. Both datasources are compiled in and
 * only the one DATABASE_URL selects is started, so the choice mirrors ActiveSessionProducer and the
 * other one is never looked up.
 */
@ApplicationScoped
class VigilDatabase {

    @ConfigProperty(name = DatabaseUrl.KIND, defaultValue = "h2")
    String kind;

    @Inject
    @DataSource("h2")
    InjectableInstance<AgroalDataSource> h2;

    @Inject
    @DataSource("pg")
    InjectableInstance<AgroalDataSource> pg;

    /** A pooled connection; closing it hands it back. */
    Connection connect() throws SQLException {
        return ("postgresql".equals(kind) ? pg : h2).get().getConnection();
    }
}
