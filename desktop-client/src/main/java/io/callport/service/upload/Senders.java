package io.callport.service.upload;

/** Makes the lanes of an upload, which may share connections, and closes what they share. */
interface Senders extends AutoCloseable {

    /** How many files are sent at once. */
    int lanes();

    /** The lane of that number, 0 to {@code lanes() - 1}; it connects when it first sends. */
    FileSender lane(int index);

    @Override
    void close();
}
