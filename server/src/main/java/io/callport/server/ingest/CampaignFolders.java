package io.callport.server.ingest;

import io.callport.server.landing.CampaignFolder;
import io.callport.server.store.Campaign;
import io.callport.server.store.Organisation;
import io.callport.server.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which campaign a landing folder belongs to: the organisation's slug and the campaign's folder name. */
final class CampaignFolders {
    private final Store store;

    CampaignFolders(Store store) {
        this.store = store;
    }

    /** A campaign and the folder its files land in. */
    record Place(CampaignFolder folder, Campaign campaign) {
    }

    Optional<Campaign> campaignOf(CampaignFolder folder) {
        return store.organisations().list().stream().filter(org -> org.slug().equals(folder.orgFolder()))
                .findFirst()
                .flatMap(org -> store.campaigns().findByFolder(org.id(), folder.campaignFolder()));
    }

    Optional<CampaignFolder> folderOf(Campaign campaign) {
        return store.organisations().find(campaign.orgId())
                .map(org -> new CampaignFolder(org.slug(), campaign.folder()));
    }

    List<Place> all() {
        List<Place> places = new ArrayList<>();
        for (Organisation org : store.organisations().list()) {
            for (Campaign campaign : store.campaigns().list(org.id())) {
                places.add(new Place(new CampaignFolder(org.slug(), campaign.folder()), campaign));
            }
        }
        return places;
    }
}
