package org.rentrecovery.worklist;

/**
 * The OpenAPI descriptions of the fields a ranked worklist's rows and a portfolio run's result rows share, so the two
 * describe one decided account alike.
 */
public final class RowFields {
    public static final String CASE_REF = "The case reference of the account";
    public static final String DECISION_ID = "The recorded decision's id: GET /api/decisions/{decisionId} gives it in full";
    public static final String TEAM = "The team routing gives the account, e.g. STAGE_2 (docs/routing.md)";
    public static final String OFFICER = "The officer whose queue the account is in, as the case named them (absent when it named none)";
    public static final String NEXT_ACTION = "The next action's type, e.g. LETTER_2, SERVE_NOTICE, or LANDLORD_ACTION for a landlord's own step";
    public static final String NEXT_ACTION_CODE = "The next step's own name: the landlord's action code when nextAction is LANDLORD_ACTION, otherwise the step the ladder named";
    public static final String NEXT_ACTION_CATEGORY = "What kind of step the next action is in the law's terms (letter, contact, visit, notice, court, enforcement, admin, support): the legal guards judge a landlord's own code by it";
    public static final String OWNER = "Who should take the next action, e.g. STAGE_2_OFFICER";
    public static final String DUE_BY = "The day by which the next action should be taken";
    public static final String ESCALATION_STEP = "The rung of the escalation ladder the account is on, e.g. LETTER_2";
    public static final String BALANCE = "The arrears in pounds on the decision's asOf (decimal, e.g. 1250.00)";
    public static final String WEEKS_OF_RENT = "The arrears in weeks of rent, to two decimals";

    private RowFields() {
    }
}
