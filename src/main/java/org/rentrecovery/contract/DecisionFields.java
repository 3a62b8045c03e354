package org.rentrecovery.contract;

/**
 * The OpenAPI descriptions of the fields every decision answer shares (the full decision and each part of it), kept
 * in one place so the endpoints describe them alike.
 */
public final class DecisionFields {
    public static final String DECISION_ID = "This decision's id: GET /api/decisions/{decisionId} reads its record back";
    public static final String CASE_REF = "The case reference sent";
    public static final String AS_OF = "The date the decision was made for (the request's asOf)";
    public static final String DECIDED_AT = "When the service decided (UTC)";
    public static final String POLICY = "The policy version and build the decision was made under";

    private DecisionFields() {
    }
}
