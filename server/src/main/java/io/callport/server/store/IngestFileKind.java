package io.callport.server.store;

import io.callport.naming.FileNames;
import io.callport.validate.BatchFileKind;
import java.util.Locale;
import java.util.Set;

/** What an arrived file is to the pipeline, by its name: the validator's kinds, with CRM object files apart. */
public enum IngestFileKind {
    RECORDING, METADATA, SIDECAR, ARCHIVE,
    /** A CSV of CRM objects (contacts, leads, opportunities, cases or accounts), named by its object type. */
    CRM,
    OTHER;

    /** The CRM object types, each the prefix of the file names that carry it ({@code contacts-2026-11-02.csv}). */
    public static final Set<String> CRM_OBJECT_TYPES = Set.of("contacts", "leads", "opportunities", "cases",
            "accounts");

    public static IngestFileKind of(String fileName) {
        return switch (BatchFileKind.of(fileName)) {
            case METADATA -> crmObjectType(fileName) != null ? CRM : METADATA;
            case SIDECAR -> SIDECAR;
            case RECORDING -> RECORDING;
            case ARCHIVE -> ARCHIVE;
            case OTHER -> OTHER;
        };
    }

    /** The CRM object type a file name starts with, or null when it names none. */
    public static String crmObjectType(String fileName) {
        String name = FileNames.lastSegment(fileName).toLowerCase(Locale.ROOT);
        for (String type : CRM_OBJECT_TYPES) {
            if (name.startsWith(type) && (name.length() == type.length()
                    || !Character.isLetter(name.charAt(type.length())))) {
                return type;
            }
        }
        return null;
    }
}
