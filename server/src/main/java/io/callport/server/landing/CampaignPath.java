package io.callport.server.landing;

/** A file's place inside a campaign folder: the folder and a '/'-separated path within it. */
public record CampaignPath(CampaignFolder campaign, String relativePath) {

    public CampaignPath {
        FileNames.requireRelativePath(relativePath);
    }

    /** The last segment of the path. */
    public String fileName() {
        return FileNames.lastSegment(relativePath);
    }

    /** A sibling in the same directory. */
    public CampaignPath withFileName(String fileName) {
        int slash = relativePath.lastIndexOf('/');
        return new CampaignPath(campaign, relativePath.substring(0, slash + 1) + fileName);
    }

    @Override
    public String toString() {
        return campaign + "/" + relativePath;
    }
}
