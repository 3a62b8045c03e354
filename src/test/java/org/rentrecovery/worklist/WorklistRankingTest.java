package org.rentrecovery.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.routing.Team;

/** Ranking a team's accounts with the packaged worklist priority table: bands before scores, scores explained. */
class WorklistRankingTest {
    private static final LocalDate ON = LocalDate.of(2026, 11, 23);
    private final WorklistPriority priority = new WorklistPriority();

    private static WorklistEntry entry(String ref, Team team, String officer, ActionType next, String weeks, boolean vulnerable,
            LocalDate hearing) {
        PriorityFacts facts = new PriorityFacts(ON, new BigDecimal(weeks), ArrearsTrend.NOT_KNOWN, null, null, null, hearing,
                Ground8AtHearing.NOT_RELEVANT, 0, ON.minusDays(3), vulnerable, WorkKind.of(next));
        return new WorklistEntry(ref, "d-" + ref, team, officer, next, "STAGE_2_OFFICER", ON.plusDays(3), "ISSUE_CLAIM",
                new BigDecimal(weeks).multiply(BigDecimal.valueOf(100)), new BigDecimal(weeks), facts);
    }

    private List<WorklistRow> rank(String officer, WorklistEntry... entries) {
        Iterator<WorklistEntry> it = List.of(entries).iterator();
        return Worklists.rank(it, Team.STAGE_2, officer, ON, priority, PolicyModels.seeded().forDate(ON));
    }

    @Test
    void aVulnerableTenantNeedingSupportComesFirstEvenWithASmallerScore() {
        List<WorklistRow> rows = rank(null,
                entry("BIG", Team.STAGE_2, null, ActionType.ISSUE_POSSESSION_CLAIM, "20", false, ON.plusDays(5)),
                entry("VULN-SUPPORT", Team.STAGE_2, null, ActionType.CONTACT_TENANT, "2", true, null));
        assertThat(rows).extracting(WorklistRow::caseRef).containsExactly("VULN-SUPPORT", "BIG");
        assertThat(rows.get(0).priorityScore()).isLessThan(rows.get(1).priorityScore());
        assertThat(rows.get(0).bandRule()).isEqualTo("WorklistBand/vulnerable-support-first");
        assertThat(rows).extracting(WorklistRow::rank).containsExactly(1, 2);
    }

    @Test
    void aVulnerableTenantFacingEnforcementIsNeverFirstWhateverTheScore() {
        List<WorklistRow> rows = rank(null,
                entry("VULN-CLAIM", Team.STAGE_2, null, ActionType.ISSUE_POSSESSION_CLAIM, "30", true, ON.plusDays(2)),
                entry("SMALL-CLAIM", Team.STAGE_2, null, ActionType.ISSUE_POSSESSION_CLAIM, "1", false, null),
                entry("LETTER", Team.STAGE_2, null, ActionType.SEND_REMINDER_LETTER_1, "1", false, null));
        assertThat(rows.get(rows.size() - 1).caseRef()).isEqualTo("VULN-CLAIM");
        assertThat(rows.get(rows.size() - 1).components()).extracting(PriorityScore.Component::rule)
                .contains("WorklistPriorityComponents/vulnerable-enforcement-held-back");
    }

    @Test
    void aCollectionAgencyOrADeductionFromBenefitIsEnforcementSoAVulnerableTenantIsNotFirstForIt() {
        for (ActionType enforcement : List.of(ActionType.REFER_COLLECTION_AGENCY, ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION)) {
            List<WorklistRow> rows = rank(null,
                    entry("VULN", Team.STAGE_2, null, enforcement, "30", true, null),
                    entry("OTHER", Team.STAGE_2, null, ActionType.SEND_REMINDER_LETTER_1, "1", false, null));
            assertThat(rows).as(enforcement.name()).extracting(WorklistRow::caseRef).containsExactly("OTHER", "VULN");
            assertThat(rows.get(1).bandRule()).as(enforcement.name()).isEqualTo("WorklistBand/vulnerable-enforcement-never-first");
        }
    }

    @Test
    void everyStepIsTheKindOfWorkItsCategorySays() {
        Map<ActionCategory, WorkKind> byCategory = Map.of(ActionCategory.LETTER, WorkKind.DEMAND, ActionCategory.NOTICE,
                WorkKind.ENFORCEMENT, ActionCategory.COURT, WorkKind.ENFORCEMENT, ActionCategory.ENFORCEMENT, WorkKind.ENFORCEMENT,
                ActionCategory.CONTACT, WorkKind.SUPPORT, ActionCategory.VISIT, WorkKind.SUPPORT, ActionCategory.SUPPORT,
                WorkKind.SUPPORT, ActionCategory.ADMIN, WorkKind.SUPPORT);
        assertThat(byCategory.keySet()).containsExactlyInAnyOrder(ActionCategory.values());
        for (ActionType step : ActionType.values()) {
            WorkKind expected = step == ActionType.NO_ACTION ? WorkKind.NONE
                    : step == ActionType.LANDLORD_ACTION ? WorkKind.SUPPORT : byCategory.get(step.category());
            assertThat(WorkKind.of(step)).as(step.name()).isEqualTo(expected);
        }
        for (ActionCategory declared : ActionCategory.values()) {
            assertThat(WorkKind.of(ActionType.LANDLORD_ACTION, declared)).as(declared.name()).isEqualTo(byCategory.get(declared));
        }
        // Spot checks against the law's terms: every possession step and money remedy is enforcement, every demand a demand.
        for (ActionType step : ActionType.values()) {
            if (step.isEnforcement() || step.isNotice()) {
                assertThat(WorkKind.of(step)).as(step.name()).isEqualTo(WorkKind.ENFORCEMENT);
            }
            if (step.isDemand()) {
                assertThat(WorkKind.of(step)).as(step.name()).isEqualTo(WorkKind.DEMAND);
            }
        }
        assertThat(WorkKind.of(ActionType.CONTACT_PERSONAL_REPRESENTATIVES)).isEqualTo(WorkKind.DEMAND);
        assertThat(WorkKind.of(ActionType.VULNERABILITY_ASSESSMENT)).isEqualTo(WorkKind.SUPPORT);
    }

    @Test
    void theScoreIsTheSumOfItsComponentsAndRanksHighestFirst() {
        List<WorklistRow> rows = rank(null,
                entry("FIVE", Team.STAGE_2, null, ActionType.SEND_REMINDER_LETTER_2, "5", false, null),
                entry("FIFTEEN-HEARING", Team.STAGE_2, null, ActionType.SEND_COURT_WARNING_LETTER, "15", false, ON.plusDays(10)),
                entry("OTHER-TEAM", Team.STAGE_1, null, ActionType.SEND_REMINDER_LETTER_2, "40", false, null));
        assertThat(rows).extracting(WorklistRow::caseRef).containsExactly("FIFTEEN-HEARING", "FIVE");
        for (WorklistRow row : rows) {
            assertThat(row.components().stream().mapToInt(PriorityScore.Component::points).sum()).isEqualTo(row.priorityScore());
        }
        assertThat(rows.get(0).components()).extracting(PriorityScore.Component::rule).containsExactly(
                "WorklistPriorityComponents/arrears-13-weeks-or-more", "WorklistPriorityComponents/hearing-within-14-days");
        assertThat(rows.get(0).priorityScore()).isEqualTo(75);
    }

    @Test
    void anOfficerQueueHoldsOnlyThatOfficersAccounts() {
        List<WorklistRow> rows = rank("OFF-A",
                entry("A1", Team.STAGE_2, "OFF-A", ActionType.CONTACT_TENANT, "3", false, null),
                entry("B1", Team.STAGE_2, "OFF-B", ActionType.CONTACT_TENANT, "9", false, null));
        assertThat(rows).extracting(WorklistRow::caseRef).containsExactly("A1");
    }

    @Test
    void theCsvHasOneRowPerAccountWithEachComponentsPointsAndNeutralisesFormulas() throws Exception {
        List<WorklistRow> rows = rank(null,
                entry("=HYPERLINK(1)", Team.STAGE_2, "Smith, J", ActionType.CONTACT_TENANT, "15", false, ON.plusDays(10)));
        StringWriter out = new StringWriter();
        Worklists.csv(rows, out);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("rank,caseRef,decisionId,team,officer,nextAction,nextActionCode,nextActionCategory,owner,dueBy")
                .contains(",priorityScore,band,bandReason,bandRule,ARREARS,ARREARS_TREND,LIMITATION,").endsWith(",rules");
        assertThat(lines[1]).startsWith("1,'=HYPERLINK(1),d-=HYPERLINK(1),STAGE_2,\"Smith, J\",CONTACT_TENANT,CONTACT_TENANT,CONTACT,")
                .contains(",75,2,Ranked by the priority score.,WorklistBand/by-score,40,0,0,0,0,35,")
                .endsWith("WorklistPriorityComponents/arrears-13-weeks-or-more WorklistPriorityComponents/hearing-within-14-days");
    }

    @Test
    void aPageIsASliceOfTheRankedListAndCountsTheWhole() {
        List<WorklistRow> rows = rank(null,
                entry("A", Team.STAGE_2, null, ActionType.CONTACT_TENANT, "1", false, null),
                entry("B", Team.STAGE_2, null, ActionType.CONTACT_TENANT, "5", false, null),
                entry("C", Team.STAGE_2, null, ActionType.CONTACT_TENANT, "9", false, null));
        Worklists.Page page = Worklists.page("run", List.of(), Team.STAGE_2, null, ON, rows, 2, 2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.rows()).extracting(WorklistRow::caseRef).containsExactly("A");
        assertThat(page.rows().get(0).rank()).isEqualTo(3);
        assertThat(Worklists.page("run", List.of(), Team.STAGE_2, null, ON, rows, 3, 2).rows()).isEmpty();
    }
}
