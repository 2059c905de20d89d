package io.vigil.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/** The deploys reported to Vigil, for the API and for incidents ("what changed?"). */
@ApplicationScoped
public class Deployments {

    @Inject
    Session session;

    @Inject
    Clock clock;

    /** Stores a deploy that was validated by the caller; {@code at} null means now. */
    @Transactional
    public Deployment record(String service, String version, String environment, String url, Instant at,
            String recordedBy) {
        DeploymentRow row = new DeploymentRow();
        row.service = service;
        row.version = version;
        row.environment = environment;
        row.url = url;
        row.recordedAt = clock.instant();
        row.deployedAt = at == null ? row.recordedAt : at;
        row.recordedBy = recordedBy;
        session.persist(row);
        return Deployment.of(row);
    }

    /** Newest first; null filters filter nothing. */
    @Transactional
    public List<Deployment> list(String service, String environment, int limit, int offset) {
        StringBuilder hql = new StringBuilder("from DeploymentRow where 1 = 1");
        if (service != null) {
            hql.append(" and service = :service");
        }
        if (environment != null) {
            hql.append(" and environment = :environment");
        }
        SelectionQuery<DeploymentRow> query = session.createSelectionQuery(
                hql.append(" order by deployedAt desc, id desc").toString(), DeploymentRow.class);
        if (service != null) {
            query.setParameter("service", service);
        }
        if (environment != null) {
            query.setParameter("environment", environment);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(Deployment::of).toList();
    }

    /** The deploys of {@code services} in {@code [from, to]}, oldest first: what an incident's timeline shows. */
    @Transactional
    public List<Deployment> of(Collection<String> services, Instant from, Instant to) {
        if (services.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("from DeploymentRow where service in (:services) and deployedAt >= :from"
                + " and deployedAt <= :to order by deployedAt, id", DeploymentRow.class)
                .setParameter("services", services).setParameter("from", from).setParameter("to", to)
                .getResultList().stream().map(Deployment::of).toList();
    }
}
