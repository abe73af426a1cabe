package io.callport.archive;

import io.callport.validate.FileNameRules;
import io.callport.validate.Issue;
import org.apache.commons.compress.archivers.zip.AsiExtraField;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipExtraField;
import org.apache.commons.compress.archivers.zip.ZipMethod;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks the central directory alone allows, before any content is read: which entries are safe to read, and
 * one issue for every other entry. Folders and operating-system junk are skipped without an issue.
 */
final class EntryScreen {

    /** Methods commons-compress unpacks in pure Java; XZ and Zstandard would need libraries Callport leaves out. */
    private static final Set<ZipMethod> READABLE_METHODS = EnumSet.of(ZipMethod.STORED, ZipMethod.UNSHRINKING,
            ZipMethod.IMPLODING, ZipMethod.DEFLATED, ZipMethod.ENHANCED_DEFLATED, ZipMethod.BZIP2);
    /** PKWARE's Unix extra field; after its 12 fixed bytes it holds the target of a symbolic or hard link. */
    private static final int PKWARE_UNIX_FIELD = 0x000D;
    private static final int PKWARE_UNIX_FIXED_LENGTH = 12;

    record Result(List<SafeEntry> safe, List<Issue> issues) {
    }

    private final ZipLimits limits;
    private final ZipIssues found;
    private final List<SafeEntry> safe = new ArrayList<>();
    private final List<Issue> issues = new ArrayList<>();
    private long expandedBytes;

    private EntryScreen(ZipLimits limits, ZipIssues found) {
        this.limits = limits;
        this.found = found;
    }

    /** Entries in central directory order; the expansion budget is spent in that order too. */
    static Result screen(List<ZipArchiveEntry> entries, ZipLimits limits, ZipIssues found) {
        EntryScreen screen = new EntryScreen(limits, found);
        Map<String, Integer> copiesByPath = copiesByPath(entries);
        for (ZipArchiveEntry entry : entries) {
            screen.check(entry, copiesByPath);
        }
        return new Result(List.copyOf(screen.safe), List.copyOf(screen.issues));
    }

    private static Map<String, Integer> copiesByPath(List<ZipArchiveEntry> entries) {
        Map<String, Integer> copies = new HashMap<>();
        for (ZipArchiveEntry entry : entries) {
            EntryPath path = EntryPath.of(entry.getName());
            if (path.kind() == EntryPath.Kind.RELATIVE) {
                copies.merge(path.path(), 1, Integer::sum);
            }
        }
        return copies;
    }

    private void check(ZipArchiveEntry entry, Map<String, Integer> copiesByPath) {
        String rawName = entry.getName();
        EntryPath path = EntryPath.of(rawName);
        switch (path.kind()) {
            case DIRECTORY -> {
                // a folder holds no content: nothing to check or deliver
            }
            case ABSOLUTE -> issues.add(found.absolutePath(rawName));
            case ESCAPING -> issues.add(found.pathEscape(rawName));
            case RELATIVE -> {
                if (!path.isOsJunk()) {
                    refusal(entry, path, copiesByPath.get(path.path()))
                            .ifPresentOrElse(issues::add, () -> admitWithinBudget(entry, path));
                }
            }
        }
    }

    private Optional<Issue> refusal(ZipArchiveEntry entry, EntryPath path, int copies) {
        String rawName = entry.getName();
        if (nameIsNotUtf8(entry)) {
            return Optional.of(found.nameNotUtf8(rawName));
        }
        Optional<String> nameProblem = FileNameRules.pathProblem(path.path());
        if (nameProblem.isPresent()) {
            return Optional.of(found.invalidName(rawName, nameProblem.get()));
        }
        if (copies > 1) {
            return Optional.of(found.duplicate(rawName, path.path(), copies));
        }
        if (isLink(entry)) {
            return Optional.of(found.link(rawName));
        }
        if (isEncrypted(entry)) {
            return Optional.of(found.encrypted(rawName));
        }
        ZipMethod method = ZipMethod.getMethodByCode(entry.getMethod());
        if (method == null || !READABLE_METHODS.contains(method)) {
            return Optional.of(found.unsupportedCompression(rawName,
                    method == null || method == ZipMethod.UNKNOWN ? "method " + entry.getMethod() : method.name()));
        }
        return Optional.empty();
    }

    private void admitWithinBudget(ZipArchiveEntry entry, EntryPath path) {
        long size = entry.getSize();
        if (size > limits.maxExpandedBytes() - expandedBytes) {
            issues.add(found.expansion(path.path(), size, limits.maxExpandedBytes()));
            return;
        }
        expandedBytes += size;
        safe.add(new SafeEntry(entry, new ZipEntryInfo(path.path(), path.fileName(), size,
                entry.getCompressedSize())));
    }

    private static boolean isLink(ZipArchiveEntry entry) {
        if (entry.isUnixSymlink()) {
            return true;
        }
        for (ZipExtraField field : entry.getExtraFields()) {
            if (field instanceof AsiExtraField asi && asi.isLink()) {
                return true;
            }
            if (field.getHeaderId().getValue() == PKWARE_UNIX_FIELD
                    && field.getCentralDirectoryLength().getValue() > PKWARE_UNIX_FIXED_LENGTH) {
                return true;
            }
        }
        return false;
    }

    /**
     * The parser shows bytes that are not UTF-8 as '?', which would make another, wrong name; a name given again in
     * the Info-ZIP Unicode path field was read from that field and is fine.
     */
    private static boolean nameIsNotUtf8(ZipArchiveEntry entry) {
        byte[] raw = entry.getRawName();
        if (raw == null || entry.getExtraField(UnicodePathExtraField.UPATH_ID) != null) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }

    private static boolean isEncrypted(ZipArchiveEntry entry) {
        // PKWARE's strong encryption sets this bit too
        return entry.getGeneralPurposeBit().usesEncryption() || entry.getMethod() == ZipMethod.AES_ENCRYPTED.getCode();
    }
}
