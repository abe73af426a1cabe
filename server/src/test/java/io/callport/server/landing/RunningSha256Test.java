package io.callport.server.landing;

import static io.callport.server.TestBytes.randomBytes;
import static io.callport.server.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningSha256Test {
    @TempDir
    Path dir;

    @Test
    void manySmallWritesHashedWhileTheyArriveGiveTheWholeFilesHash() throws IOException {
        byte[] content = randomBytes(8 * 1024 * 1024 + 123, 1);
        try (FileChannel file = open("big.bin")) {
            RunningSha256 sha256 = new RunningSha256(file);
            for (int position = 0; position < content.length; position += 4096) {
                int length = Math.min(4096, content.length - position);
                file.write(ByteBuffer.wrap(content, position, length), position);
                sha256.wrote(position, length);
            }

            assertThat(sha256.finish(content.length)).isEqualTo(sha256(content));
        }
    }

    @Test
    void progressCarriedToTheNextSessionContinuesTheHash() throws IOException {
        byte[] content = randomBytes(3 * 1024 * 1024, 2);
        int half = content.length / 2;
        try (FileChannel file = open("resumed.bin")) {
            RunningSha256 first = new RunningSha256(file);
            file.write(ByteBuffer.wrap(content, 0, half), 0);
            first.wrote(0, half);
            first.stop();

            RunningSha256 second = new RunningSha256(file, half, first.progress().orElseThrow());
            file.write(ByteBuffer.wrap(content, half, content.length - half), half);
            second.wrote(half, content.length - half);

            assertThat(second.finish(content.length)).isEqualTo(sha256(content));
        }
    }

    @Test
    void writingOverHashedBytesLeavesNoProgressToCarry() throws IOException {
        try (FileChannel file = open("rewritten.bin")) {
            RunningSha256 sha256 = new RunningSha256(file);
            file.write(ByteBuffer.wrap(new byte[100]), 0);
            sha256.wrote(0, 100);
            sha256.wrote(10, 5);
            sha256.stop();

            assertThat(sha256.progress()).isEmpty();
        }
    }

    @Test
    void progressBeyondTheFilesEndIsNotTrusted() throws IOException {
        byte[] content = randomBytes(1000, 3);
        try (FileChannel file = open("shrunk.bin")) {
            RunningSha256 first = new RunningSha256(file);
            file.write(ByteBuffer.wrap(randomBytes(2000, 4)), 0);
            first.wrote(0, 2000);
            first.stop();
            file.truncate(0);
            file.write(ByteBuffer.wrap(content), 0);

            RunningSha256 second = new RunningSha256(file, 1000, first.progress().orElseThrow());

            assertThat(second.finish(1000)).isEqualTo(sha256(content));
        }
    }

    private FileChannel open(String name) throws IOException {
        return FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }
}
