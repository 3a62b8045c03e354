package org.rentrecovery.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rentrecovery.support.DmnXml.children;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.DmnXml;
import org.w3c.dom.Element;

/**
 * Every model in decision-tables/ (the service's own, an example landlord's own, and an example's copies
 * of the service's) is committed as the KIE editor saves it (EditorResave), so that a
 * change made in the workbench's editor is a small diff: a shape placed for every node of the
 * decision diagram, as wide as its name needs, an edge for every requirement, and each decision
 * table's column widths, each column wide enough for its longest text (up to the editor's widest).
 */
class ModelsInEditorLayoutTest {

    private static List<Path> models() throws IOException {
        return EditorResave.models(EditorResave.TABLES);
    }

    @Test
    void everyNodeHasAPlacedShapeAndEveryRequirementAnEdge() throws IOException {
        for (Path model : models()) {
            DmnXml xml = DmnXml.of(Files.readAllBytes(model));
            Map<String, Element> shapes = xml.elements("DMNShape").stream()
                    .collect(Collectors.toMap(s -> s.getAttribute("dmnElementRef"), Function.identity()));
            for (String node : List.of("decision", "inputData", "businessKnowledgeModel", "knowledgeSource")) {
                for (Element element : children(xml.document().getDocumentElement(), node)) {
                    String name = element.getAttribute("name");
                    Element shape = shapes.get(element.getAttribute("id"));
                    assertThat(shape).as("%s: a shape for %s (re-save with EditorResave)", model, name).isNotNull();
                    Element bounds = children(shape, "Bounds").get(0);
                    assertThat(Double.parseDouble(bounds.getAttribute("width"))).as("%s: %s's shape fits its name", model, name)
                            .isGreaterThanOrEqualTo(7.0 * name.length());
                }
            }
            Set<String> edges = xml.elements("DMNEdge").stream().map(e -> e.getAttribute("dmnElementRef")).collect(Collectors.toSet());
            for (String requirement : List.of("informationRequirement", "knowledgeRequirement", "authorityRequirement")) {
                assertThat(xml.elements(requirement)).as("%s: every %s drawn", model, requirement)
                        .allSatisfy(r -> assertThat(edges).contains(r.getAttribute("id")));
            }
            long placed = xml.elements("Bounds").stream().filter(b -> !"0".equals(b.getAttribute("x")) || !"0".equals(b.getAttribute("y")))
                    .count();
            assertThat(placed).as("%s: the shapes are laid out, not piled at the origin", model)
                    .isGreaterThanOrEqualTo(shapes.size() - 1L);
        }
    }

    @Test
    void everyDecisionTableHasAWidthForEachColumnWideEnoughForItsText() throws IOException {
        for (Path model : models()) {
            DmnXml xml = DmnXml.of(Files.readAllBytes(model));
            Map<String, List<Integer>> widths = xml.elements("ComponentWidths").stream().collect(Collectors.toMap(
                    w -> w.getAttribute("dmnElementRef"),
                    w -> children(w, "width").stream().map(v -> (int) Double.parseDouble(v.getTextContent())).toList(), (a, b) -> a));
            Map<String, List<Integer>> needed = EditorLayout.columnWidths(xml);
            assertThat(needed).as("%s has decision tables", model).isNotNull();
            needed.forEach((table, columns) -> {
                assertThat(widths).as("%s: widths of table %s", model, table).containsKey(table);
                List<Integer> actual = widths.get(table);
                assertThat(actual).as("%s: one width a column of %s, and the row numbers'", model, table).hasSameSizeAs(columns);
                for (int i = 1; i < columns.size(); i++) {
                    assertThat(actual.get(i)).as("%s: column %d of %s is wide enough for its longest text", model, i, table)
                            .isGreaterThanOrEqualTo(columns.get(i));
                }
            });
        }
    }
}
