package io.vigil.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;

/**
 * Hands out the {@link Session} of the active persistence unit. Both units are compiled in; only
 * the one DATABASE_URL selects is started, and the other must never be touched (a static
 * injection of it fails start-up), hence the lazy look-ups.
 */
@ApplicationScoped
public class ActiveSessionProducer {

    @ConfigProperty(name = DatabaseUrl.KIND, defaultValue = "h2")
    String kind;

    @Inject
    @PersistenceUnit("h2")
    InjectableInstance<Session> h2;

    @Inject
    @PersistenceUnit("pg")
    InjectableInstance<Session> pg;

    @Produces
    @Singleton
    @Typed({Session.class, EntityManager.class})
    Session activeSession() {
        return ("postgresql".equals(kind) ? pg : h2).get();
    }
}
