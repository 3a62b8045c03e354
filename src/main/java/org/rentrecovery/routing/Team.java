package org.rentrecovery.routing;

/** The teams a rent account can be with. Names are a contract (docs/routing.md). */
public enum Team {
    STAGE_1,
    STAGE_2,
    COMPLEX_CASE,
    FORMER_TENANT_ARREARS,
    COURT_OFFICER,
    /** The temporary-accommodation income team: licences follow their own route. */
    TEMPORARY_ACCOMMODATION
}
