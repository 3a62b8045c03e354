package org.rentrecovery.contract;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What every decision endpoint answers about itself, so that any of its answers can be recorded the same way. */
public interface DecisionAnswer {
    String decisionId();

    String caseRef();

    LocalDate asOf();

    OffsetDateTime decidedAt();

    PolicyVersion policy();

    List<Reason> reasons();
}
