package io.callport.service;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Mapping documents on disk, in the JSON the server and the command line read. */
public final class MappingStore {

    /** Writes the whole document next to the target first, so a crash never leaves half a mapping. */
    public void save(FieldMapping mapping, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, MappingJson.write(mapping));
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public FieldMapping load(Path file) throws IOException, InvalidMappingException {
        return MappingJson.read(file);
    }
}
