package io.callport.server.upload;

import java.util.Optional;

/** Minutes of audio each organisation may send per month; consulted before handing out an upload link. */
@FunctionalInterface
public interface UsageQuota {
    /** No organisation has an allocation. */
    UsageQuota UNLIMITED = organisationId -> Optional.empty();

    /** This month's minutes for the organisation, or empty when it has no allocation. */
    Optional<MonthlyMinutes> thisMonth(String organisationId);
}
