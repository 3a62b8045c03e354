package org.rentrecovery.workbench;

import static org.rentrecovery.support.DmnXml.children;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rentrecovery.support.DmnXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the KIE editor is given before it lays a model out: one shape per node of the decision
 * diagram, each wide enough for its name, and for every decision table the width of each column,
 * wide enough for the longest text in it (a reason or an explanation wraps at 600 pixels, the
 * editor's widest column). The editor's own auto-layout then places the shapes and draws every
 * requirement as an edge (see {@link EditorResave}).
 */
final class EditorLayout {
    static final String DMNDI = "https://www.omg.org/spec/DMN/20230324/DMNDI/";
    static final String DC = "http://www.omg.org/spec/DMN/20180521/DC/";
    static final String DI = "http://www.omg.org/spec/DMN/20180521/DI/";
    static final String KIE = "https://kie.org/dmn/extensions/1.0";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final List<String> NODES = List.of("decision", "inputData", "businessKnowledgeModel", "knowledgeSource");
    /** The editor's widest column, and the average width of a character in its cells, in pixels. */
    private static final int WIDEST = 600;
    private static final double CHARACTER = 7.5;

    private EditorLayout() {
    }

    /** The model with its diagram replaced by unplaced shapes and its tables' column widths. */
    static String prepared(String xml) {
        DmnXml model = DmnXml.of(xml);
        Document document = model.document();
        Element root = document.getDocumentElement();
        for (Element old : children(root, "DMNDI")) {
            root.removeChild(old);
        }
        root.setAttributeNS(XMLNS, "xmlns:dmndi", DMNDI);
        root.setAttributeNS(XMLNS, "xmlns:dc", DC);
        root.setAttributeNS(XMLNS, "xmlns:di", DI);
        root.setAttributeNS(XMLNS, "xmlns:kie", KIE);
        Element diagram = document.createElementNS(DMNDI, "dmndi:DMNDiagram");
        diagram.setAttribute("id", root.getAttribute("id") + "-diagram");
        diagram.setAttribute("name", root.getAttribute("name"));
        Element extension = document.createElementNS(DI, "di:extension");
        Element widths = document.createElementNS(KIE, "kie:ComponentsWidthsExtension");
        extension.appendChild(widths);
        diagram.appendChild(extension);
        for (Element node : nodes(root)) {
            diagram.appendChild(shape(document, node));
        }
        columnWidths(model).forEach((table, columns) -> {
            Element element = document.createElementNS(KIE, "kie:ComponentWidths");
            element.setAttribute("dmnElementRef", table);
            for (int width : columns) {
                Element value = document.createElementNS(KIE, "kie:width");
                value.setTextContent(String.valueOf(width));
                element.appendChild(value);
            }
            widths.appendChild(element);
        });
        Element dmndi = document.createElementNS(DMNDI, "dmndi:DMNDI");
        dmndi.appendChild(diagram);
        root.appendChild(dmndi);
        return model.xml();
    }

    private static List<Element> nodes(Element root) {
        List<Element> nodes = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && NODES.contains(element.getLocalName())) {
                nodes.add(element);
            }
        }
        return nodes;
    }

    /** A shape at the origin (the editor's auto-layout places it), as wide as its name needs. */
    private static Element shape(Document document, Element node) {
        boolean input = "inputData".equals(node.getLocalName());
        String name = node.getAttribute("name");
        Element shape = document.createElementNS(DMNDI, "dmndi:DMNShape");
        shape.setAttribute("id", "shape-" + node.getAttribute("id"));
        shape.setAttribute("dmnElementRef", node.getAttribute("id"));
        Element bounds = document.createElementNS(DC, "dc:Bounds");
        bounds.setAttribute("x", "0");
        bounds.setAttribute("y", "0");
        bounds.setAttribute("width", String.valueOf(roundUp(Math.max(input ? 160 : 180, 8.5 * name.length() + 50))));
        bounds.setAttribute("height", input ? "60" : "80");
        shape.appendChild(bounds);
        return shape;
    }

    /**
     * For each decision's table, by its id: the row numbers' column, then each input, output and
     * annotation column, as wide as its longest text needs.
     */
    static Map<String, List<Integer>> columnWidths(DmnXml model) {
        Map<String, List<Integer>> tables = new LinkedHashMap<>();
        for (Element decision : children(model.document().getDocumentElement(), "decision")) {
            for (Element table : children(decision, "decisionTable")) {
                tables.put(table.getAttribute("id"), columnWidths(table));
            }
        }
        return tables;
    }

    private static List<Integer> columnWidths(Element table) {
        List<Integer> widths = new ArrayList<>(List.of(60));
        List<Element> rules = children(table, "rule");
        List<Element> inputs = children(table, "input");
        for (int i = 0; i < inputs.size(); i++) {
            Element input = inputs.get(i);
            String header = input.hasAttribute("label") ? input.getAttribute("label") : text(first(input, "inputExpression"));
            widths.add(width(header, rules, "inputEntry", i));
        }
        List<Element> outputs = children(table, "output");
        for (int i = 0; i < outputs.size(); i++) {
            widths.add(width(outputs.get(i).getAttribute("name"), rules, "outputEntry", i));
        }
        List<Element> annotations = children(table, "annotation");
        for (int i = 0; i < annotations.size(); i++) {
            widths.add(width(annotations.get(i).getAttribute("name"), rules, "annotationEntry", i));
        }
        return widths;
    }

    private static int width(String header, List<Element> rules, String cell, int column) {
        int longest = header == null ? 0 : header.length() + 4;
        for (Element rule : rules) {
            List<Element> cells = children(rule, cell);
            if (column < cells.size()) {
                longest = Math.max(longest, text(cells.get(column)).length());
            }
        }
        return (int) Math.min(WIDEST, Math.max(100, roundUp(CHARACTER * longest + 40)));
    }

    private static int roundUp(double pixels) {
        return (int) Math.ceil(pixels / 10) * 10;
    }

    private static String text(Element element) {
        Element text = element == null ? null : first(element, "text");
        return text == null ? "" : text.getTextContent();
    }

    private static Element first(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }
}
