package org.rentrecovery.support;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A DMN file as XML for tests that edit or read a model: cells, columns and types are found by id
 * or name in the parsed document, never by the file's text, so a file saved by the KIE editor (its
 * own indentation, attribute order, ids and entity escapes) edits the same as one written by hand.
 * Every edit fails loudly when what it names is not in the model.
 */
public final class DmnXml {
    private final Document document;

    private DmnXml(Document document) {
        this.document = document;
    }

    public static DmnXml of(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return new DmnXml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
        }
    }

    public static DmnXml of(String xml) {
        return of(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The model as XML text again. */
    public String xml() {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }

    /** The element whose {@code id} attribute is {@code id}. */
    public Element element(String id) {
        return elements(e -> id.equals(e.getAttribute("id"))).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no element with id " + id + " in the model"));
    }

    /** Every element (any namespace) whose local name is {@code localName}, in document order. */
    public List<Element> elements(String localName) {
        return elements(e -> localName.equals(e.getLocalName()));
    }

    private List<Element> elements(Predicate<Element> which) {
        NodeList all = document.getElementsByTagNameNS("*", "*");
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (which.test(element)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The text of a cell or expression: its {@code <text>} child. */
    public String text(String id) {
        return textOf(element(id)).getTextContent();
    }

    /** Sets the text of a cell or expression (its {@code <text>} child). */
    public DmnXml setText(String id, String text) {
        textOf(element(id)).setTextContent(text);
        return this;
    }

    /** Changes a cell that reads {@code from} (as its text, entities read) to {@code to}; fails if it reads otherwise. */
    public DmnXml change(String id, String from, String to) {
        String now = text(id);
        if (!from.equals(now)) {
            throw new IllegalStateException(id + " reads " + now + ", not " + from + " as the test expects");
        }
        return setText(id, to);
    }

    private static Element textOf(Element element) {
        return children(element, "text").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(element.getAttribute("id") + " has no <text>"));
    }

    /** The parsed document itself, for a change no method here makes. */
    public Document document() {
        return document;
    }

    /** The child elements of {@code parent} (any namespace) whose local name is {@code localName}. */
    public static List<Element> children(Element parent, String localName) {
        NodeList named = parent.getElementsByTagNameNS("*", localName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < named.getLength(); i++) {
            if (named.item(i).getParentNode() == parent) {
                found.add((Element) named.item(i));
            }
        }
        return found;
    }

    /** Every {@code <text>} whose whole content is {@code from} now reads {@code to}. */
    public DmnXml replaceTexts(String from, String to) {
        return replaceTexts(from, to, Integer.MAX_VALUE);
    }

    /** The first {@code <text>}, in document order, whose whole content is {@code from} now reads {@code to}. */
    public DmnXml replaceFirstText(String from, String to) {
        return replaceTexts(from, to, 1);
    }

    private DmnXml replaceTexts(String from, String to, int most) {
        List<Element> texts = elements(e -> "text".equals(e.getLocalName()) && from.equals(e.getTextContent()));
        if (texts.isEmpty()) {
            throw new IllegalStateException("no <text> reads " + from + " in the model");
        }
        texts.stream().limit(most).forEach(t -> t.setTextContent(to));
        return this;
    }

    /** Sets {@code attribute} on the element with this id. */
    public DmnXml setAttribute(String id, String attribute, String value) {
        element(id).setAttribute(attribute, value);
        return this;
    }

    /** Every element whose {@code attribute} is {@code from} has it {@code to} instead. */
    public DmnXml replaceAttributes(String attribute, String from, String to) {
        List<Element> found = elements(e -> from.equals(e.getAttribute(attribute)));
        if (found.isEmpty()) {
            throw new IllegalStateException("no element has " + attribute + "=\"" + from + "\" in the model");
        }
        found.forEach(e -> e.setAttribute(attribute, to));
        return this;
    }

    /** The {@code <typeRef>} of an item component (a field of a structured type) becomes {@code typeRef}. */
    public DmnXml setComponentType(String itemDefinition, String component, String typeRef) {
        Element field = children(itemDefinition(itemDefinition), "itemComponent").stream()
                .filter(c -> component.equals(c.getAttribute("name"))).findFirst()
                .orElseThrow(() -> new IllegalStateException(itemDefinition + " has no component " + component));
        children(field, "typeRef").get(0).setTextContent(typeRef);
        return this;
    }

    /**
     * Every variable, column or type field named {@code name} whose type is {@code from} gets type
     * {@code to} (the {@code typeRef} attribute, or an item component's {@code <typeRef>}).
     */
    public DmnXml retype(String name, String from, String to) {
        List<Element> attributes = elements(e -> name.equals(e.getAttribute("name")) && from.equals(e.getAttribute("typeRef")));
        List<Element> fields = elements(e -> "itemComponent".equals(e.getLocalName()) && name.equals(e.getAttribute("name")))
                .stream().flatMap(c -> children(c, "typeRef").stream()).filter(t -> from.equals(t.getTextContent())).toList();
        if (attributes.isEmpty() && fields.isEmpty()) {
            throw new IllegalStateException("nothing named " + name + " has type " + from + " in the model");
        }
        attributes.forEach(e -> e.setAttribute("typeRef", to));
        fields.forEach(t -> t.setTextContent(to));
        return this;
    }

    public DmnXml remove(String id) {
        Element element = element(id);
        element.getParentNode().removeChild(element);
        return this;
    }

    /** Removes every element named {@code localName} whose id {@code which} accepts (at least one). */
    public DmnXml removeAll(String localName, Predicate<String> which) {
        List<Element> found = elements(e -> localName.equals(e.getLocalName()) && which.test(e.getAttribute("id")));
        if (found.isEmpty()) {
            throw new IllegalStateException("no " + localName + " to remove in the model");
        }
        found.forEach(e -> e.getParentNode().removeChild(e));
        return this;
    }

    /** Puts elements written in DMN (unprefixed, the model's namespace) before the element with this id. */
    public DmnXml insertBefore(String id, String fragment) {
        Element anchor = element(id);
        for (Node node : parse(fragment)) {
            anchor.getParentNode().insertBefore(node, anchor);
        }
        return this;
    }

    /** Puts elements written in DMN (unprefixed, the model's namespace) at the end of the element with this id. */
    public DmnXml append(String id, String fragment) {
        Element parent = element(id);
        for (Node node : parse(fragment)) {
            parent.appendChild(node);
        }
        return this;
    }

    private List<Node> parse(String fragment) {
        String namespace = document.getDocumentElement().getNamespaceURI();
        Element wrapper = of("<fragment xmlns=\"" + namespace + "\">" + fragment + "</fragment>").document.getDocumentElement();
        List<Node> nodes = new ArrayList<>();
        for (Node child = wrapper.getFirstChild(); child != null; child = child.getNextSibling()) {
            nodes.add(document.importNode(child, true));
        }
        return nodes;
    }

    /** The item definition (a type) named {@code name}, at the top of the model. */
    public Element itemDefinition(String name) {
        return children(document.getDocumentElement(), "itemDefinition").stream().filter(e -> name.equals(e.getAttribute("name")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no type " + name + " in the model"));
    }

    /** The allowed values of a type, as written (e.g. {@code "A","B"}). */
    public String allowedValues(String type) {
        return textOf(children(itemDefinition(type), "allowedValues").get(0)).getTextContent();
    }

    public DmnXml setAllowedValues(String type, String values) {
        textOf(children(itemDefinition(type), "allowedValues").get(0)).setTextContent(values);
        return this;
    }

    /** Puts DMN elements (unprefixed) before the first top-level item definition. */
    public DmnXml insertTypes(String fragment) {
        Element first = children(document.getDocumentElement(), "itemDefinition").get(0);
        for (Node node : parse(fragment)) {
            first.getParentNode().insertBefore(node, first);
        }
        return this;
    }
}
