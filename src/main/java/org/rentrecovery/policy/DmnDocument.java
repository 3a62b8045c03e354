package org.rentrecovery.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A DMN file read as XML, safely (no DTDs, no external entities), and its decision tables read
 * column by column and row by row for diffs. Element names are matched by local name, so DMN
 * 1.1 to 1.6 files read the same.
 */
final class DmnDocument {
    /** The DMN MODEL namespaces of versions 1.1 to 1.6. */
    static final Set<String> DMN_NAMESPACES = Set.of(
            "http://www.omg.org/spec/DMN/20151101/dmn.xsd",
            "http://www.omg.org/spec/DMN/20180521/MODEL/",
            "https://www.omg.org/spec/DMN/20191111/MODEL/",
            "https://www.omg.org/spec/DMN/20211108/MODEL/",
            "https://www.omg.org/spec/DMN/20230324/MODEL/",
            "https://www.omg.org/spec/DMN/20240513/MODEL/");

    /** Annotation columns that hold a row's stable name (issue 12), by lower-cased column name. */
    static final Set<String> ROW_NAME_COLUMNS = Set.of("rule", "row", "name", "row name", "rowname", "row-name");

    private final Element root;

    private DmnDocument(Element root) {
        this.root = root;
    }

    /** Parses a model file; throws {@link PolicyInputException} naming the file and the line. */
    static DmnDocument parse(String path, byte[] bytes) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw PolicyInputException.badModel(path, "is not well-formed XML: line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw PolicyInputException.badModel(path, "is not well-formed XML: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!"definitions".equals(root.getLocalName()) || root.getNamespaceURI() == null
                || !DMN_NAMESPACES.contains(root.getNamespaceURI())) {
            throw PolicyInputException.badModel(path, "is not a DMN model: the root element is <" + root.getTagName()
                    + "> in namespace " + root.getNamespaceURI() + "; a DMN file's root is <definitions> in a DMN 1.x "
                    + "MODEL namespace (the KIE editor saves DMN 1.6)");
        }
        return new DmnDocument(root);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks a secure-processing feature", e);
        }
    }

    String modelName() {
        return root.getAttribute("name");
    }

    String namespace() {
        return root.getAttribute("namespace");
    }

    /** One decision table: its columns and rows as written. */
    record Table(String name, String hitPolicy, List<String> inputs, List<String> outputs, List<String> annotations,
            List<Row> rows) {

        /** The annotation column that names rows, or -1 when the table has none. */
        int rowNameColumn() {
            for (int i = 0; i < annotations.size(); i++) {
                if (ROW_NAME_COLUMNS.contains(annotations.get(i).trim().toLowerCase(java.util.Locale.ROOT))) {
                    return i;
                }
            }
            return -1;
        }

        /** Every column, in the order the cells of a row list them. */
        List<String> columns() {
            List<String> columns = new ArrayList<>(inputs);
            columns.addAll(outputs);
            columns.addAll(annotations);
            return columns;
        }
    }

    /** A row's cells: input entries, output entries, annotations, in column order. */
    record Row(int position, List<String> cells) {
    }

    List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (Element decision : children(root, "decision")) {
            for (Element table : descendants(decision, "decisionTable")) {
                String label = table.getAttribute("outputLabel");
                String name = label.isBlank() ? decision.getAttribute("name") : label;
                List<String> inputs = new ArrayList<>();
                for (Element input : children(table, "input")) {
                    String inputLabel = input.getAttribute("label");
                    inputs.add(inputLabel.isBlank() ? text(first(input, "inputExpression")) : inputLabel);
                }
                List<String> outputs = new ArrayList<>();
                for (Element output : children(table, "output")) {
                    String outputName = output.getAttribute("name");
                    outputs.add(outputName.isBlank() ? output.getAttribute("label") : outputName);
                }
                List<String> annotations = new ArrayList<>();
                for (Element annotation : children(table, "annotation")) {
                    annotations.add(annotation.getAttribute("name"));
                }
                List<Row> rows = new ArrayList<>();
                int position = 0;
                for (Element rule : children(table, "rule")) {
                    List<String> cells = new ArrayList<>();
                    children(rule, "inputEntry").forEach(entry -> cells.add(text(entry)));
                    children(rule, "outputEntry").forEach(entry -> cells.add(text(entry)));
                    children(rule, "annotationEntry").forEach(entry -> cells.add(text(entry)));
                    rows.add(new Row(++position, cells));
                }
                String hitPolicy = table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy") : "UNIQUE";
                tables.add(new Table(name, hitPolicy, inputs, outputs, annotations, rows));
            }
        }
        return tables;
    }

    /** Item definitions with their allowed values, for vocabulary changes. */
    java.util.Map<String, String> allowedValues() {
        java.util.Map<String, String> values = new java.util.TreeMap<>();
        for (Element item : descendants(root, "itemDefinition")) {
            Element allowed = first(item, "allowedValues");
            if (allowed != null) {
                values.put(item.getAttribute("name"), text(allowed));
            }
        }
        return values;
    }

    /** The text of an element's {@code <text>} child (or its own text), trimmed. */
    private static String text(Element element) {
        if (element == null) {
            return "";
        }
        Element text = first(element, "text");
        return (text != null ? text.getTextContent() : element.getTextContent()).trim();
    }

    private static Element first(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
