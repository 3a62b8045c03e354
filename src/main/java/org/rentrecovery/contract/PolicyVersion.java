package org.rentrecovery.contract;

/** The policy version an answer was decided under, and the build it came from. */
public record PolicyVersion(String version, String build) {
}
