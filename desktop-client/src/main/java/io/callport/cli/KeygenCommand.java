package io.callport.cli;

import io.callport.service.GeneratedKey;
import io.callport.service.KeyService;
import io.callport.service.KeyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keygen", mixinStandardHelpOptions = true, description = {
        "Create an SSH key for sending files over SFTP: FILE (the private key, readable by you only) and FILE.pub.",
        "Give FILE.pub to your Callport administrator; keep FILE to yourself.",
        "Exit status: 0 written, 2 usage error or a file that cannot be written."})
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--type", defaultValue = "ed25519", paramLabel = "ed25519|rsa",
            description = "Ed25519 (the default) or RSA 4096 for older servers.")
    KeyType type;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the private key.")
    Path out;

    @Option(names = "--passphrase-file", paramLabel = "F",
            description = "A file whose first line is the passphrase that protects the private key.")
    Path passphraseFile;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Text that names the key; default: user@callport-uploader.")
    String comment;

    @Option(names = "--ppk", paramLabel = "FILE.ppk", description = "Also write the key as a PuTTY key file, for WinSCP and FileZilla.")
    Path ppk;

    @Option(names = "--force", description = "Replace key files that already exist.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Path publicKey = out.resolveSibling(out.getFileName() + ".pub");
        List<Path> targets = new ArrayList<>(List.of(out, publicKey));
        if (ppk != null) {
            targets.add(ppk);
        }
        for (Path target : targets) {
            if (Files.exists(target) && !force) {
                err.println("callport: " + target + " already exists; choose another name or add --force.");
                return CallportCommand.USAGE;
            }
        }
        char[] passphrase = null;
        if (passphraseFile != null) {
            if (!Files.isReadable(passphraseFile)) {
                err.println("callport: cannot read the passphrase file " + passphraseFile);
                return CallportCommand.USAGE;
            }
            passphrase = firstLine(passphraseFile);
        }
        KeyService keys = new KeyService();
        GeneratedKey key = keys.generate(type, comment == null ? KeyService.defaultComment() : comment, passphrase);
        try {
            keys.save(key, out);
            if (ppk != null) {
                keys.exportPutty(key, ppk);
            }
        } catch (IOException e) {
            err.println("callport: cannot write the key: " + e.getMessage());
            return CallportCommand.USAGE;
        }
        var stdout = spec.commandLine().getOut();
        stdout.println(key.publicKey());
        stdout.println(key.fingerprint());
        return CallportCommand.OK;
    }

    private static char[] firstLine(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
    }
}
