package io.callport.media;

import java.io.IOException;

/** Recognises one container by its first bytes and reads what it states about the recording. */
interface ContainerReader {

    MediaFormat format();

    /** Whether the first bytes of the content (after any ID3v2 tag) look like this container. */
    boolean recognises(byte[] head);

    /**
     * Reads the container from the source's cursor, which is at the content's start. Moves only forward (or back
     * into the content's first {@link ByteSource#HEAD_BYTES}) and reads the tail only through
     * {@link ByteSource#tail(int)}, so it works on a single-pass stream.
     *
     * @throws java.io.EOFException when the file ends inside a header the reader needs
     * @throws MediaFault           when the content is damaged or holds no audio
     */
    Reading read(ByteSource source) throws IOException, MediaFault;
}
