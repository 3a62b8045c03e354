package org.rentrecovery.contract;

/** The policy version an answer was decided under, and the build it came from. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PolicyVersion",
        description = "The policy version an answer was decided under, and the build")
public record PolicyVersion(
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The policy version (tables) in force on asOf, "
                + "or the one pinned in the request, e.g. 2026.11.0") String version,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The service build (git commit) that decided, "
                + "with the law's rules it carries") String build) {
}
