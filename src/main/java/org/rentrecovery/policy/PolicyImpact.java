package org.rentrecovery.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rentrecovery.audit.DecisionAudit;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.portfolio.CaseSource;

/**
 * What a candidate version would change: each case decided twice, under the version in force on
 * its {@code asOf} and under the candidate, and the two answers compared in an {@link ImpactTally}.
 * Cases are read one at a time and decided by a few workers behind a short queue, so memory stays
 * flat however many cases come in. Nothing is recorded in the decision audit.
 */
@ApplicationScoped
public class PolicyImpact {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PolicyImpact.class);
    private final PolicyService service;
    private final DecisionService decisions;
    private final CaseFactsReader reader;
    private final DecisionAudit audit;
    private final ObjectMapper mapper;
    private final int workers;

    @Inject
    public PolicyImpact(PolicyService service, DecisionService decisions, CaseFactsReader reader, DecisionAudit audit,
            ObjectMapper mapper, @ConfigProperty(name = "rentrecovery.policy.impact-threads", defaultValue = "0") int workers) {
        this.service = service;
        this.decisions = decisions;
        this.reader = reader;
        this.audit = audit;
        this.mapper = mapper;
        this.workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /** Over an uploaded portfolio (NDJSON, or CSV whose header names each column's path). */
    public ImpactTally.Report overPortfolio(String candidateId, InputStream body, CaseSource.Format format, Charset csvCharset) {
        ModelSet candidate = candidate(candidateId);
        long started = System.nanoTime();
        ImpactTally tally = new ImpactTally(candidateId);
        try (CaseSource source = openSource(body, format, csvCharset); Workers pool = new Workers(workers)) {
            CaseSource.InputCase input;
            while ((input = source.next()) != null) {
                CaseSource.InputCase one = input;
                if (one.problem() != null) {
                    tally.invalid(one.line(), one.caseRef(), one.problem().summary());
                    continue;
                }
                pool.submit(() -> compare(tally, candidate, one.line(), one.caseRef(), one.json()));
            }
        } catch (IOException e) {
            throw PolicyInputException.badField("body", "could not be read: " + e.getMessage());
        }
        return tally.report(elapsedMillis(started));
    }

    /** Over each case's latest decision recorded from {@code from} to {@code to} (inclusive, UTC days). */
    public ImpactTally.Report overAudit(String candidateId, LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw PolicyInputException.badField(from == null ? "from" : "to", "is required (yyyy-MM-dd): the audit period to "
                    + "re-decide, or upload a portfolio as the body instead");
        }
        if (to.isBefore(from)) {
            throw PolicyInputException.badField("to", "is " + to + ", before from (" + from + ")");
        }
        ModelSet candidate = candidate(candidateId);
        long started = System.nanoTime();
        ImpactTally tally = new ImpactTally(candidateId);
        long[] line = {0};
        try (Workers pool = new Workers(workers)) {
            audit.latestPerCaseDecidedBetween(from.atStartOfDay().atOffset(ZoneOffset.UTC),
                    to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), record -> {
                        long n = ++line[0];
                        byte[] json = record.requestJson().getBytes(StandardCharsets.UTF_8);
                        pool.submit(() -> compare(tally, candidate, n, record.caseRef(), json));
                    }, unreadable -> tally.invalid(++line[0], unreadable.caseRef(), unreadable.getMessage()));
        }
        return tally.report(elapsedMillis(started));
    }

    private ModelSet candidate(String candidateId) {
        return (ModelSet) service.versions().compiled(candidateId);
    }

    private CaseSource openSource(InputStream body, CaseSource.Format format, Charset csvCharset) throws IOException {
        try {
            return CaseSource.open(body, format, csvCharset, mapper);
        } catch (IllegalArgumentException e) {
            throw PolicyInputException.badField("body", e.getMessage());
        }
    }

    private void compare(ImpactTally tally, ModelSet candidate, long line, String caseRef, byte[] json) {
        CaseFacts facts;
        try {
            facts = reader.read(json).withPolicyVersion(null);
        } catch (InvalidRequestException e) {
            tally.invalid(line, caseRef, e.getMessage());
            return;
        }
        try {
            CaseFacts read = facts;
            ModelSet inForce = decisions.modelsFor(read);
            // The candidate usually changes one or two models: its decision re-evaluates only those, and takes
            // the others' evaluations (same files, same inputs) from the decision under the version in force.
            Side[] both = ModelSet.sharingEvaluations(() -> new Side[] {side(read, inForce), side(read, candidate)});
            if (both[0].refusal() != null && both[1].refusal() != null) {
                tally.invalid(line, facts.caseRef(), both[0].refusal().equals(both[1].refusal()) ? both[0].refusal()
                        : "under the version in force: " + both[0].refusal() + "; under the candidate: " + both[1].refusal());
                return;
            }
            tally.add(facts.caseRef(), facts.asOf(), both[0].outcome(inForce), both[1].outcome(candidate));
        } catch (InvalidRequestException e) {
            tally.invalid(line, facts.caseRef(), e.getMessage());
        } catch (RuntimeException e) {
            String incident = java.util.UUID.randomUUID().toString();
            LOG.errorf(org.rentrecovery.security.LogSafe.redacted(e), "Impact of %s: line %d could not be decided, incident %s", tally.candidate(), line, incident);
            tally.invalid(line, facts.caseRef(), "could not be decided (internal error, incident " + incident + ")");
        }
    }

    /**
     * One version's answer, or why that version refuses the case: a landlord code one version declares and the other
     * does not is the usual reason, and the case still shows in the comparison, as {@link ImpactTally#NOT_DECIDED}.
     */
    private record Side(Decision decision, String refusal) {
        ImpactTally.Outcome outcome(ModelSet models) {
            return decision != null ? PolicyImpact.outcome(decision) : ImpactTally.Outcome.notDecided(models.versionId(), refusal);
        }
    }

    private Side side(CaseFacts facts, ModelSet models) {
        try {
            return new Side(decisions.decide(facts, models), null);
        } catch (InvalidRequestException e) {
            return new Side(null, e.getMessage());
        }
    }

    static ImpactTally.Outcome outcome(Decision decision) {
        TreeSet<String> blocked = new TreeSet<>();
        if (decision.blockedActions() != null) {
            decision.blockedActions().forEach(b -> blocked.add(stepName(b.code(), b.type())));
        }
        String team = decision.routing() == null || decision.routing().team() == null ? "NONE" : decision.routing().team().name();
        String next = stepName(decision.nextAction().code(), decision.nextAction().type());
        return new ImpactTally.Outcome(decision.policy().version(), next, team, blocked,
                decision.nextAction().reason(), decision.reasons() == null ? List.of() : decision.reasons());
    }

    /** A step by its code, so that a landlord's own codes are told apart rather than all counted as LANDLORD_ACTION. */
    private static String stepName(String code, org.rentrecovery.contract.ActionType type) {
        return code != null ? code : type.name();
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /**
     * A fixed pool behind a short queue: when the queue is full the reading thread decides the case
     * itself, which both bounds memory and keeps every core busy.
     */
    private static final class Workers implements AutoCloseable {
        private final ThreadPoolExecutor pool;

        Workers(int threads) {
            pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(threads * 4),
                    new ThreadPoolExecutor.CallerRunsPolicy());
        }

        void submit(Runnable task) {
            pool.execute(task);
        }

        @Override
        public void close() {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
