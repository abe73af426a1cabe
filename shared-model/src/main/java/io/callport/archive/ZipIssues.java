package io.callport.archive;

import io.callport.validate.FileNameRules;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;

import java.util.Locale;

/** The issues one zip can raise, with their sentences in one place; entries are named {@code batch.zip!/path}. */
final class ZipIssues {

    private final String displayName;

    ZipIssues(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    Issue unreadable() {
        return ofArchive(IssueCode.ZIP_UNREADABLE, "\"%s\" is not a zip file or is damaged (its list of files cannot"
                + " be read), so none of its files were used.", displayName);
    }

    Issue tooLarge(long size, long limit) {
        return ofArchive(IssueCode.ZIP_TOO_LARGE, "\"%s\" is %s, more than the %s a zip may be; split the batch into"
                + " smaller zips.", displayName, bytes(size), bytes(limit));
    }

    Issue tooManyEntries(int limit) {
        return ofArchive(IssueCode.ZIP_EXPANDED_TOO_LARGE, "\"%s\" holds more than %,d files, the most a zip may"
                + " hold; split the batch into smaller zips.", displayName, limit);
    }

    Issue centralDirectoryTooLarge(long limit) {
        return ofArchive(IssueCode.ZIP_EXPANDED_TOO_LARGE, "\"%s\" lists its files in more than %s, more than"
                + " Callport reads; its file names or comments are unusually long.", displayName, bytes(limit));
    }

    Issue absolutePath(String rawName) {
        return ofEntry(IssueCode.ZIP_ABSOLUTE_PATH, rawName, "The zip entry \"%s\" is an absolute path; a zip must"
                + " hold relative paths, so it was left out.", rawName);
    }

    Issue invalidName(String rawName, String problem) {
        return ofEntry(IssueCode.FILE_NAME_INVALID, rawName, "The zip entry \"%s\" %s, so it was left out; rename it"
                + " and zip the batch again.", FileNameRules.printable(rawName), problem);
    }

    Issue nameNotUtf8(String rawName) {
        return ofEntry(IssueCode.FILE_NAME_INVALID, rawName, "The zip entry \"%s\" has a name that is not UTF-8 text"
                + " (shown with '?'), so it was left out; zip the batch with a tool that writes UTF-8 names, such as"
                + " 7-Zip or Windows 10 and later.", FileNameRules.printable(rawName));
    }

    Issue pathEscape(String rawName) {
        return ofEntry(IssueCode.ZIP_PATH_ESCAPE, rawName, "The zip entry \"%s\" points outside the folder the zip"
                + " unpacks into, so it was left out.", rawName);
    }

    Issue link(String rawName) {
        return ofEntry(IssueCode.ZIP_LINK, rawName, "The zip entry \"%s\" is a link to another file, not a file"
                + " itself, so it was left out.", rawName);
    }

    Issue encrypted(String rawName) {
        return ofEntry(IssueCode.ZIP_ENCRYPTED, rawName, "The zip entry \"%s\" is password-protected, so it cannot be"
                + " read; zip the batch without a password.", rawName);
    }

    Issue unsupportedCompression(String rawName, String method) {
        return ofEntry(IssueCode.ZIP_UNREADABLE, rawName, "The zip entry \"%s\" is compressed with %s, which Callport"
                + " cannot unpack; zip the batch with standard (Deflate) compression.", rawName, method);
    }

    Issue duplicate(String rawName, String path, int copies) {
        return ofEntry(IssueCode.ZIP_DUPLICATE_ENTRY, rawName, "The zip holds %d entries named \"%s\", so it is"
                + " unclear which one is meant; all of them were left out.", copies, path);
    }

    Issue expansion(String path, long size, long limit) {
        return ofEntry(IssueCode.ZIP_EXPANDED_TOO_LARGE, path, "The zip entry \"%s\" unpacks to %s, which would bring"
                + " the zip's unpacked total over the %s limit, so it was left out.", path, bytes(size), bytes(limit));
    }

    Issue longerThanDeclared(ZipEntryInfo entry) {
        return ofEntry(IssueCode.ZIP_SIZE_MISMATCH, entry.path(), "The zip entry \"%s\" unpacks to more than the %s"
                + " the zip declares for it (a sign of a zip bomb), so it was left out.", entry.path(),
                bytes(entry.declaredSize()));
    }

    Issue shorterThanDeclared(ZipEntryInfo entry, long realSize) {
        return ofEntry(IssueCode.ZIP_SIZE_MISMATCH, entry.path(), "The zip entry \"%s\" unpacks to only %s, less than"
                + " the %s the zip declares for it, so it was left out.", entry.path(), bytes(realSize),
                bytes(entry.declaredSize()));
    }

    Issue damaged(String path) {
        return ofEntry(IssueCode.ZIP_UNREADABLE, path, "The zip entry \"%s\" is damaged (its data does not unpack to"
                + " what the zip recorded), so it was left out.", path);
    }

    Issue overlapping(String path) {
        return ofEntry(IssueCode.ZIP_UNREADABLE, path, "The zip entry \"%s\" shares its data with another entry (a"
                + " trick zip bombs use), so it was left out.", path);
    }

    private Issue ofArchive(IssueCode code, String template, Object... values) {
        return Issue.ofFile(code, displayName, String.format(Locale.ROOT, template, values));
    }

    private Issue ofEntry(IssueCode code, String name, String template, Object... values) {
        return new Issue(code, code.severity(), displayName + "!/" + name, 0, null, name,
                String.format(Locale.ROOT, template, values));
    }

    /** Sizes as an admin reads them: "512 bytes", "1.5 MB", "3.0 GB". */
    static String bytes(long count) {
        if (count < 1024) {
            return count + (count == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
