package org.rentrecovery.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.rentrecovery.engine.PolicyModels;

/**
 * The seed models with a landlord's own action codes, as policy staff would write them: each code added to
 * {@code tLadderAction} in the vocabulary, given its category by a row of LandlordActions' ActionCategory table, and
 * output by the ladder. Letter 1 becomes the landlord's demand email; its contact step an admin review of failed letters.
 */
public final class LandlordCodes {
    public static final String VOCABULARY = "vocabulary.dmn";
    public static final String LADDER = "escalation/escalation-ladder.dmn";
    public static final String CATALOGUE = "landlord-actions.dmn";
    /** Both codes the edited ladder outputs, each declared with its category. */
    public static final String BOTH_DECLARED = row("demand-email", "DEMAND_EMAIL", "LETTER")
            + row("review-failed-letter", "REVIEW_FAILED_LETTER", "ADMIN");

    private LandlordCodes() {
    }

    public static Map<String, byte[]> seed() {
        return new TreeMap<>(PolicyModels.seedFiles(LandlordCodes.class.getClassLoader()));
    }

    /** The seed with both codes in the vocabulary and the ladder, and {@code catalogueRows} added to ActionCategory. */
    public static Map<String, byte[]> withLandlordCodes(String catalogueRows) {
        Map<String, byte[]> files = seed();
        edit(files, VOCABULARY, xml -> allowing(xml, "tLadderAction", "\"DEMAND_EMAIL\",\"REVIEW_FAILED_LETTER\"", "\"NO_ACTION\""));
        edit(files, CATALOGUE, xml -> xml.append("table-ActionCategory", catalogueRows));
        edit(files, LADDER, xml -> xml.change("EscalationActions-row-25-action", "\"SEND_REMINDER_LETTER_1\"", "\"DEMAND_EMAIL\"")
                .change("EscalationActions-row-26-action", "\"CONTACT_TENANT\"", "\"REVIEW_FAILED_LETTER\""));
        return files;
    }

    /**
     * The seed with a rung of the landlord's own: HEARING_LISTED in the vocabulary's steps, output by the ladder's
     * claim-issued row in place of CLAIM_ISSUED; routing names it nowhere.
     */
    public static Map<String, byte[]> withOwnRung() {
        Map<String, byte[]> files = seed();
        edit(files, VOCABULARY, xml -> allowing(xml, "tEscalationStep", "\"HEARING_LISTED\"", "\"MONITOR\""));
        edit(files, LADDER, xml -> xml.change("EscalationStep-row-10-step", "\"CLAIM_ISSUED\"", "\"HEARING_LISTED\""));
        return files;
    }

    /** A row of the ActionCategory table giving {@code code} its category, named {@code name}. */
    public static String row(String name, String code, String category) {
        return "<rule id=\"ActionCategory-" + name + "\"><inputEntry id=\"ActionCategory-" + name + "-in\"><text>\"" + code
                + "\"</text></inputEntry><outputEntry id=\"ActionCategory-" + name + "-out\"><text>\"" + category
                + "\"</text></outputEntry><annotationEntry><text>" + name + "</text></annotationEntry></rule>\n";
    }

    /** One of the files edited as XML (an edit naming what the file lacks fails the test). */
    public static void edit(Map<String, byte[]> files, String path, UnaryOperator<DmnXml> change) {
        files.put(path, change.apply(DmnXml.of(files.get(path))).bytes());
    }

    /** Adds {@code value} to a type's list of allowed values, before {@code before} (which must be there). */
    public static DmnXml allowing(DmnXml xml, String type, String value, String before) {
        String values = xml.allowedValues(type);
        assertThat(values).as("%s lists %s", type, before).contains(before);
        return xml.setAllowedValues(type, values.replace(before, value + "," + before));
    }
}
