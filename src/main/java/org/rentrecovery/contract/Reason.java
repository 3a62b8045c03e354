package org.rentrecovery.contract;

/**
 * Why an answer says what it says: the DMN row or DRL rule that decided it, the sentence an
 * officer could read out, and its legal or policy reference.
 */
public record Reason(String rule, String text, String reference) {
}
