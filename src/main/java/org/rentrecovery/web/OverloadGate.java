package org.rentrecovery.web;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Bulkheads (SmallRye Fault Tolerance) for the heavy work a client can start over HTTP, so that it
 * cannot take the cores decisions need: a scenario run costs about 2 s of CPU, a policy version's
 * suites twice that, its impact decides a whole portfolio twice, a portfolio upload streams a whole file to disk. Each method admits a fixed number of callers at a time; the next
 * one is refused at once (a {@code BulkheadException}, answered 429 with Retry-After by
 * {@link OverloadProblemMapper}) rather than queued behind them. Decision endpoints pass through no
 * bulkhead: they stay fast because the suites cannot take more than their share.
 *
 * <p>Sizes are MicroProfile Fault Tolerance settings, e.g.
 * {@code org.rentrecovery.web.OverloadGate/scenarioRun/Bulkhead/value=2}
 * (environment: {@code ORG_RENTRECOVERY_WEB_OVERLOADGATE_SCENARIORUN_BULKHEAD_VALUE}).
 */
@ApplicationScoped
public class OverloadGate {

    /** Scenario suites (POST /api/scenarios/run, JSON or files): one run at a time by default, one core at most. */
    @Bulkhead(1)
    public <T> T scenarioRun(Callable<T> run) throws Exception {
        return run.call();
    }

    /**
     * A policy version's suites (POST /api/policies/{id}/suites): one at a time, apart from scenario runs; each runs
     * every scenario twice, once under the version in force and once under the candidate.
     */
    @Bulkhead(1)
    public <T> T policySuites(Callable<T> run) throws Exception {
        return run.call();
    }

    /**
     * A policy version's impact (POST /api/policies/{id}/impact, over an upload or an audit period): one at a time,
     * since each decides every case twice on its own pool of workers.
     */
    @Bulkhead(1)
    public <T> T policyImpact(Callable<T> run) throws Exception {
        return run.call();
    }

    /** Portfolio uploads (POST /api/portfolio/runs): two at a time; the runs themselves queue in PortfolioJobs. */
    @Bulkhead(2)
    public <T> T portfolioUpload(Callable<T> upload) throws Exception {
        return upload.call();
    }
}
