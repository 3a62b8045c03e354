package org.rentrecovery.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.StrictJson;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.engine.PolicyVersionInfo;
import org.rentrecovery.escalation.EscalationPolicy;
import org.rentrecovery.guards.GuardReview;

/**
 * Builds cases for tests from a realistic base (a weekly secure tenancy on 2026-11-23) and a few
 * changes by path, e.g. {@code TestCases.secure().set("account.balance", 500)}.
 */
public final class TestCases {
    public static final ObjectMapper MAPPER = StrictJson.configure(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static EscalationPolicy policy;
    private static GuardReview guards;
    private static DecisionService decisions;

    private final Map<String, Object> doc;

    private TestCases(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = MAPPER.readValue(json, LinkedHashMap.class);
            this.doc = parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A council secure tenancy, weekly rent £100, no arrears, no history. */
    public static TestCases secure() {
        return new TestCases("""
                {"caseRef": "TEST-1", "asOf": "2026-11-23",
                 "landlord": {"type": "LOCAL_AUTHORITY"},
                 "tenancy": {"type": "SECURE", "startDate": "2015-04-06", "region": "ENGLAND_OUTSIDE_LONDON",
                             "rentFrequency": "WEEKLY", "rentPerPeriod": 100.00, "periodStartDay": "MONDAY",
                             "tenants": [{"id": "T1", "ageYears": 41}]},
                 "account": {"balance": 0.00}}""");
    }

    /** A housing-association assured tenancy, weekly rent £100. */
    public static TestCases assured() {
        return secure().set("landlord.type", "HOUSING_ASSOCIATION").set("tenancy.type", "ASSURED");
    }

    public static TestCases of(String json) {
        return new TestCases(json);
    }

    /** Sets a value at a dotted path, creating objects on the way; null removes nothing, it sets null. */
    @SuppressWarnings("unchecked")
    public TestCases set(String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = doc;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(parts[parts.length - 1], value);
        return this;
    }

    /** Appends a recovery action taken {@code daysAgo} days before asOf (2026-11-23). */
    @SuppressWarnings("unchecked")
    public TestCases action(String type, int daysAgo) {
        Map<String, Object> recovery = (Map<String, Object>) doc.computeIfAbsent("recovery", k -> new LinkedHashMap<>());
        List<Object> actions = (List<Object>) recovery.computeIfAbsent("actions", k -> new ArrayList<>());
        actions.add(Map.of("type", type, "date", java.time.LocalDate.parse((String) doc.get("asOf")).minusDays(daysAgo).toString()));
        return this;
    }

    /** Appends a recovery action taken {@code daysAgo} days before asOf, with more fields (code, outcome). */
    @SuppressWarnings("unchecked")
    public TestCases action(String type, int daysAgo, Map<String, Object> more) {
        action(type, daysAgo);
        List<Object> actions = (List<Object>) ((Map<String, Object>) doc.get("recovery")).get("actions");
        Map<String, Object> last = new LinkedHashMap<>((Map<String, Object>) actions.remove(actions.size() - 1));
        last.putAll(more);
        actions.add(last);
        return this;
    }

    public String json() {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public CaseFacts facts() {
        try {
            return MAPPER.readValue(json(), CaseFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test case does not fit the contract: " + e.getOriginalMessage(), e);
        }
    }

    public static synchronized EscalationPolicy policy() {
        if (policy == null) {
            policy = new EscalationPolicy();
        }
        return policy;
    }

    public static synchronized GuardReview guards() {
        if (guards == null) {
            guards = GuardReview.standalone();
        }
        return guards;
    }

    public static synchronized DecisionService decisions() {
        if (decisions == null) {
            decisions = new DecisionService(policy(), guards(), new PolicyVersionInfo("test"));
        }
        return decisions;
    }
}
