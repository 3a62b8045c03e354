package org.rentrecovery.writeoff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.support.TestCases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The HTTP contract of POST /api/decisions/write-off, the writeOff part of next-action, and their 400s. */
@QuarkusTest
class WriteOffEndpointTest {

    private static io.restassured.response.ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static TestCases untraceable() {
        return TestCases.secure().set("tenancy.endDate", "2025-03-30").set("account.balance", 1840)
                .action("TRANSFER_FORMER_TENANT_ARREARS", 500).action("SEND_FINAL_ACCOUNT_LETTER", 490)
                .set("formerTenancy", Map.of("traced", false, "tracingExhausted", true, "collectionAgencyPlacedOn", "2026-06-15"))
                .set("account.unpaidCharges", List.of(Map.of("dueDate", "2020-09-07", "amount", 105), Map.of("dueDate", "2024-09-02", "amount", 1735)));
    }

    @Test
    void writeOffAnswersThePartWithItsReasonsAndThePolicyVersion() {
        post("/api/decisions/write-off", untraceable().json()).statusCode(200)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("caseRef", equalTo("TEST-1"))
                .body("asOf", equalTo("2026-11-23"))
                .body("policy.version", notNullValue())
                .body("writeOff.eligible", equalTo(true))
                .body("writeOff.reasons", equalTo(List.of("STATUTE_BARRED", "UNTRACEABLE")))
                .body("writeOff.amount", equalTo(1840.0f))
                .body("writeOff.approver", equalTo("INCOME_MANAGER"))
                .body("writeOff.reinstatableIfTraced", equalTo(false))
                .body("writeOff.statuteBarredAmount", equalTo(105.0f))
                .body("writeOff.nextStatuteBarDate", equalTo("2030-09-03"))
                .body("writeOff.explanations.rule", hasItem("WriteOffReasons/untraceable"))
                .body("reasons.rule", hasItem("WriteOffApprover/income-manager"))
                .body("reasons.rule", hasItem("LimitationRules: Each unpaid charge can be sued for until six years after it fell due"))
                .body("nextAction", nullValue())
                .body("legal", nullValue());
    }

    @Test
    void nextActionCarriesTheWriteOffPartAndTheFormerTenantStep() {
        post("/api/decisions/next-action", untraceable().json()).statusCode(200)
                .body("nextAction.type", equalTo("RECOMMEND_WRITE_OFF"))
                .body("nextAction.approval", equalTo("INCOME_MANAGER"))
                .body("writeOff.eligible", equalTo(true))
                .body("legal.statuteBarredAmount", equalTo(105.0f))
                .body("reasons.rule", hasItem("FormerTenantStep/write-off"));
    }

    @Test
    void aCaseWithNothingToWriteOffSaysSo() {
        post("/api/decisions/write-off", TestCases.secure().set("account.balance", 300).json()).statusCode(200)
                .body("writeOff.eligible", equalTo(false))
                .body("writeOff.reasons", equalTo(List.of()))
                .body("writeOff.approver", nullValue());
    }

    @ParameterizedTest(name = "{0} = {1} -> 400 naming the field")
    @CsvSource(delimiter = '|', value = {
            "account.acknowledgments | [{\"date\":\"2026-11-24\",\"type\":\"WRITTEN\"}] | account.acknowledgments[0].date",
            "account.unpaidCharges | [{\"dueDate\":\"2026-11-24\",\"amount\":10}] | account.unpaidCharges[0].dueDate",
            "account.unpaidCharges | [{\"dueDate\":\"2020-01-06\",\"amount\":-10}] | account.unpaidCharges[0].amount",
            "account.acknowledgments | [{\"date\":\"2024-01-06\",\"type\":\"PART_PAYMENT\",\"amount\":-5}] | account.acknowledgments[0].amount",
            "formerTenancy | {\"estimatedRecoveryCost\":-1}  | formerTenancy.estimatedRecoveryCost",
            "formerTenancy | {\"collectionAgencyPlacedOn\":\"2026-12-01\"} | formerTenancy.collectionAgencyPlacedOn",
            "tenancy.tenants | [{\"id\":\"T1\",\"deceased\":true,\"dateOfDeath\":\"2026-11-24\"}] | tenancy.tenants[0].dateOfDeath",
            "insolvency | {\"type\":\"BANKRUPTCY\",\"date\":\"2026-06-01\",\"arrearsCovered\":-100} | insolvency.arrearsCovered"})
    void badInputIsA400NamingTheField(String path, String json, String field) throws Exception {
        Object value = TestCases.MAPPER.readValue(json, Object.class);
        String body = TestCases.secure().set("tenancy.endDate", "2025-03-30").set("account.balance", 300).set(path, value).json();
        for (String endpoint : List.of("/api/decisions/write-off", "/api/decisions/next-action")) {
            post(endpoint, body).statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("status", equalTo(400))
                    .body("errors.field", hasItem(field));
        }
    }
}
