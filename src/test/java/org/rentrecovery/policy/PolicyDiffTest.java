package org.rentrecovery.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PolicyDiffTest {

    @Test
    void shouldShowOneChangedCellForTheLetter1Threshold() {
        Map<String, byte[]> before = PolicyFiles.seed();
        Map<String, byte[]> after = new java.util.TreeMap<>(before);
        after.put(PolicyFiles.LADDER, PolicyFiles.ladderWithLetter1AtTwoWeeks());

        PolicyDiff diff = PolicyDiff.of("a", before, "b", after);

        assertThat(diff.summary()).isEqualTo(new PolicyDiff.Summary(1, 1, 0, 0, 1, 1, 0));
        PolicyDiff.ModelDiff model = diff.models().get(0);
        assertThat(model.path()).isEqualTo(PolicyFiles.LADDER);
        assertThat(model.model()).isEqualTo("EscalationLadder");
        PolicyDiff.TableDiff table = model.tables().get(0);
        assertThat(table.table()).isEqualTo("EscalationStep");
        PolicyDiff.RowDiff row = table.rows().get(0);
        assertThat(row.change()).isEqualTo(PolicyDiff.Change.CHANGED);
        assertThat(row.cells()).containsExactly(new PolicyDiff.CellDiff("weeksInArrears", ">= 1", ">= 2"));
    }

    @Test
    void shouldMatchRowsByTheirNameSoAnInsertedRowIsOneAddition() {
        String table = table("""
                <rule><inputEntry><text>&gt; 1</text></inputEntry><outputEntry><text>"A"</text></outputEntry><annotationEntry><text>first</text></annotationEntry></rule>
                <rule><inputEntry><text>&gt; 2</text></inputEntry><outputEntry><text>"B"</text></outputEntry><annotationEntry><text>second</text></annotationEntry></rule>
                """);
        String inserted = table("""
                <rule><inputEntry><text>&gt; 0</text></inputEntry><outputEntry><text>"Z"</text></outputEntry><annotationEntry><text>new-first</text></annotationEntry></rule>
                <rule><inputEntry><text>&gt; 1</text></inputEntry><outputEntry><text>"A"</text></outputEntry><annotationEntry><text>first</text></annotationEntry></rule>
                <rule><inputEntry><text>&gt; 3</text></inputEntry><outputEntry><text>"B"</text></outputEntry><annotationEntry><text>second</text></annotationEntry></rule>
                """);
        PolicyDiff diff = PolicyDiff.of("a", Map.of("t.dmn", bytes(table)), "b", Map.of("t.dmn", bytes(inserted)));

        PolicyDiff.TableDiff changes = diff.models().get(0).tables().get(0);
        assertThat(changes.matchedBy()).isEqualTo("ROW_NAME");
        // "first" is only pushed down by the new row: not a change, not a move.
        assertThat(changes.rows()).extracting(PolicyDiff.RowDiff::row, PolicyDiff.RowDiff::change).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("new-first", PolicyDiff.Change.ADDED),
                org.assertj.core.groups.Tuple.tuple("second", PolicyDiff.Change.CHANGED));
        PolicyDiff.RowDiff second = changes.rows().stream().filter(r -> r.row().equals("second")).findFirst().orElseThrow();
        assertThat(second.cells()).containsExactly(new PolicyDiff.CellDiff("x", "> 2", "> 3"));
        assertThat(second.moved()).isNull();
        assertThat(second.positionBefore()).isEqualTo(2);
        assertThat(second.positionAfter()).isEqualTo(3);
        assertThat(diff.summary()).isEqualTo(new PolicyDiff.Summary(1, 1, 1, 0, 1, 1, 0));
    }

    @Test
    void shouldShowARowTakenAboveAnotherAsMovedAndTheRowsItPassedAsUnmoved() {
        String table = table(rule("1", "A", "first") + rule("2", "B", "second") + rule("3", "C", "third") + rule("4", "D", "fourth"));
        // "fourth" taken to the top of a FIRST table: it now wins over the three it passed, which kept their order.
        String reordered = table(rule("4", "D", "fourth") + rule("1", "A", "first") + rule("2", "B", "second") + rule("3", "C", "third"));
        PolicyDiff diff = PolicyDiff.of("a", Map.of("t.dmn", bytes(table)), "b", Map.of("t.dmn", bytes(reordered)));

        PolicyDiff.TableDiff changes = diff.models().get(0).tables().get(0);
        assertThat(changes.rows()).extracting(PolicyDiff.RowDiff::row, PolicyDiff.RowDiff::change, PolicyDiff.RowDiff::positionBefore,
                PolicyDiff.RowDiff::positionAfter).containsExactly(org.assertj.core.groups.Tuple.tuple("fourth", PolicyDiff.Change.MOVED, 4, 1));
        assertThat(diff.summary()).isEqualTo(new PolicyDiff.Summary(1, 1, 0, 0, 0, 0, 1));
    }

    @Test
    void shouldMarkARowThatMovedAndChangedAsBoth() {
        String table = table(rule("1", "A", "first") + rule("2", "B", "second"));
        String swapped = table(rule("2", "B2", "second") + rule("1", "A", "first"));
        PolicyDiff diff = PolicyDiff.of("a", Map.of("t.dmn", bytes(table)), "b", Map.of("t.dmn", bytes(swapped)));

        // Of two rows swapped, one is reported as moved (the smallest account of the new order): here the one taken up.
        PolicyDiff.TableDiff changes = diff.models().get(0).tables().get(0);
        assertThat(changes.rows()).hasSize(1);
        PolicyDiff.RowDiff second = changes.rows().get(0);
        assertThat(second.row()).isEqualTo("second");
        assertThat(second.change()).isEqualTo(PolicyDiff.Change.CHANGED);
        assertThat(second.moved()).isTrue();
        assertThat(second.cells()).containsExactly(new PolicyDiff.CellDiff("letter", "\"B\"", "\"B2\""));
        assertThat(diff.summary()).isEqualTo(new PolicyDiff.Summary(1, 1, 0, 0, 1, 1, 1));
    }

    private static String rule(String input, String output, String name) {
        return "<rule><inputEntry><text>" + input + "</text></inputEntry><outputEntry><text>\"" + output
                + "\"</text></outputEntry><annotationEntry><text>" + name + "</text></annotationEntry></rule>\n";
    }

    @Test
    void shouldFallBackToPositionsWhenATableHasNoRowNames() {
        String before = table("<rule><inputEntry><text>1</text></inputEntry><outputEntry><text>\"A\"</text></outputEntry><annotationEntry><text>x</text></annotationEntry></rule>")
                .replace("name=\"rule\"", "name=\"why\"");
        String after = before.replace("<text>1</text>", "<text>2</text>");
        PolicyDiff diff = PolicyDiff.of("a", Map.of("t.dmn", bytes(before)), "b", Map.of("t.dmn", bytes(after)));
        PolicyDiff.TableDiff changes = diff.models().get(0).tables().get(0);
        assertThat(changes.matchedBy()).isEqualTo("POSITION");
        assertThat(changes.rows().get(0).row()).isEqualTo("1");
    }

    @Test
    void shouldReportNoModelsForIdenticalVersions() {
        assertThat(PolicyDiff.of("a", PolicyFiles.seed(), "b", PolicyFiles.seed()).models()).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String table(String rules) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20240513/MODEL/" id="t" name="T" namespace="urn:t">
                  <decision id="d" name="Pick">
                    <decisionTable id="dt" hitPolicy="FIRST" outputLabel="Pick">
                      <input id="i" label="x"><inputExpression id="ie" typeRef="number"><text>x</text></inputExpression></input>
                      <output id="o" name="letter" typeRef="string"/>
                      <annotation name="rule"/>
                      %s
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(rules).strip();
    }
}
