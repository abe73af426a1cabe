package io.callport.server.pull;

import io.callport.naming.FileNameConvention;
import io.callport.server.store.InvalidValueException;
import io.callport.server.store.PickingRule;
import java.time.Duration;
import java.time.ZoneId;

/**
 * What an admin chooses for a pull connector, secrets apart (see {@link Credentials}).
 *
 * @param dateFolders     the customer's date folders below the base path, or {@link DateFolders#NONE}
 * @param convention      the campaign's file-name convention, to read each recording's agent for picking; may be
 *                        null unless {@code picking} needs agents
 * @param zone            the customer's time zone: which date folder is "today", and the cron schedule's clock
 * @param lookbackDays    date folders are listed from this many days before today; files already fetched are skipped
 * @param quietPeriod     a file modified more recently than this is left for the next run (it may still be written)
 * @param parallelFetches files fetched at once, each on its own connection
 */
public record ConnectorSettings(String name, RemoteSite site, DateFolders dateFolders, Schedule schedule,
                                PickingRule picking, FileNameConvention convention, ZoneId zone, int lookbackDays,
                                Duration quietPeriod, int parallelFetches) {
    public static final int MAX_NAME_LENGTH = 100;
    public static final int DEFAULT_LOOKBACK_DAYS = 2;
    public static final int MAX_LOOKBACK_DAYS = 90;
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMinutes(1);
    public static final int DEFAULT_PARALLEL_FETCHES = 4;
    public static final int MAX_PARALLEL_FETCHES = 16;

    public ConnectorSettings {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException("A connector needs a name of 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        name = name.strip();
        if (site == null) {
            throw new InvalidValueException("A connector needs a server or bucket to fetch from.");
        }
        dateFolders = dateFolders == null ? DateFolders.NONE : dateFolders;
        schedule = schedule == null ? Schedule.DEFAULT : schedule;
        picking = picking == null ? PickingRule.ALL : picking;
        zone = zone == null ? ZoneId.of("UTC") : zone;
        quietPeriod = quietPeriod == null ? DEFAULT_QUIET_PERIOD : quietPeriod;
        if (picking.needsAgents() && convention == null) {
            throw new InvalidValueException("Picking '" + picking.text() + "' reads the agent from each file name: "
                    + "give the campaign's file-name convention.");
        }
        if (lookbackDays < 0 || lookbackDays > MAX_LOOKBACK_DAYS) {
            throw new InvalidValueException("The look-back is 0 to " + MAX_LOOKBACK_DAYS + " days, not " + lookbackDays
                    + ".");
        }
        if (quietPeriod.isNegative() || quietPeriod.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidValueException("The quiet period is 0 to 24 hours, not " + quietPeriod + ".");
        }
        if (parallelFetches < 1 || parallelFetches > MAX_PARALLEL_FETCHES) {
            throw new InvalidValueException("Parallel fetches are 1 to " + MAX_PARALLEL_FETCHES + ", not "
                    + parallelFetches + ".");
        }
    }

    /** The defaults: no date folders, every 15 minutes, all files, UTC, two days back, one quiet minute, 4 at once. */
    public static ConnectorSettings of(String name, RemoteSite site) {
        return new ConnectorSettings(name, site, DateFolders.NONE, Schedule.DEFAULT, PickingRule.ALL, null, null,
                DEFAULT_LOOKBACK_DAYS, DEFAULT_QUIET_PERIOD, DEFAULT_PARALLEL_FETCHES);
    }

    public ConnectorSettings withSite(RemoteSite newSite) {
        return new ConnectorSettings(name, newSite, dateFolders, schedule, picking, convention, zone, lookbackDays,
                quietPeriod, parallelFetches);
    }

    public ConnectorSettings withDateFolders(DateFolders newDateFolders, int newLookbackDays) {
        return new ConnectorSettings(name, site, newDateFolders, schedule, picking, convention, zone, newLookbackDays,
                quietPeriod, parallelFetches);
    }

    public ConnectorSettings withSchedule(Schedule newSchedule, ZoneId newZone) {
        return new ConnectorSettings(name, site, dateFolders, newSchedule, picking, convention, newZone, lookbackDays,
                quietPeriod, parallelFetches);
    }

    public ConnectorSettings withPicking(PickingRule newPicking, FileNameConvention newConvention) {
        return new ConnectorSettings(name, site, dateFolders, schedule, newPicking, newConvention, zone, lookbackDays,
                quietPeriod, parallelFetches);
    }

    public ConnectorSettings withTransfers(Duration newQuietPeriod, int newParallelFetches) {
        return new ConnectorSettings(name, site, dateFolders, schedule, picking, convention, zone, lookbackDays,
                newQuietPeriod, newParallelFetches);
    }
}
