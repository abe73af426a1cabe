package io.callport.server.upload;

import io.callport.server.store.OrganisationRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The minutes quota from the database: the organisation's monthly allocation against the minutes of the calls it
 * sent since the first of this month (UTC).
 */
public final class RecordedMinutesQuota implements UsageQuota {
    private final OrganisationRepository organisations;
    private final Clock clock;

    public RecordedMinutesQuota(OrganisationRepository organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    public Optional<MonthlyMinutes> thisMonth(String organisationId) {
        return organisations.monthlyMinutes(organisationId)
                .map(allocated -> new MonthlyMinutes(usedThisMonth(organisationId), allocated));
    }

    /** Minutes of the organisation's calls since the first of this month, allocation or not. */
    public double usedThisMonth(String organisationId) {
        return organisations.minutesRecordedSince(organisationId, monthStart());
    }

    private java.time.Instant monthStart() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
