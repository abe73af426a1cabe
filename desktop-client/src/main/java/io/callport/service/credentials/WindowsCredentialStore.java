package io.callport.service.credentials;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Secrets in the Windows Credential Manager as generic credentials named {@code callport-uploader:<account>},
 * through advapi32's CredWriteW, CredReadW and CredDeleteW called with the foreign function API ({@code cmdkey}
 * can store a credential but never read one back). Only a Windows computer can run it.
 */
public final class WindowsCredentialStore implements CredentialStore {
    private static final String TARGET_PREFIX = "callport-uploader:";
    private static final int CRED_TYPE_GENERIC = 1;
    private static final int CRED_PERSIST_LOCAL_MACHINE = 2;
    private static final int ERROR_NOT_FOUND = 1168;

    /** CREDENTIALW on 64-bit Windows. */
    private static final StructLayout CREDENTIAL = MemoryLayout.structLayout(
            JAVA_INT.withName("Flags"),
            JAVA_INT.withName("Type"),
            ADDRESS.withName("TargetName"),
            ADDRESS.withName("Comment"),
            JAVA_LONG.withName("LastWritten"),
            JAVA_INT.withName("CredentialBlobSize"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("CredentialBlob"),
            JAVA_INT.withName("Persist"),
            JAVA_INT.withName("AttributeCount"),
            ADDRESS.withName("Attributes"),
            ADDRESS.withName("TargetAlias"),
            ADDRESS.withName("UserName"));

    private final MethodHandle credWrite;
    private final MethodHandle credRead;
    private final MethodHandle credDelete;
    private final MethodHandle credFree;
    private final StructLayout callState = Linker.Option.captureStateLayout();
    private final VarHandle lastError = callState.varHandle(MemoryLayout.PathElement.groupElement("GetLastError"));

    public WindowsCredentialStore() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup advapi = SymbolLookup.libraryLookup("Advapi32", Arena.global());
        Linker.Option capture = Linker.Option.captureCallState("GetLastError");
        credWrite = linker.downcallHandle(advapi.findOrThrow("CredWriteW"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), capture);
        credRead = linker.downcallHandle(advapi.findOrThrow("CredReadW"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), capture);
        credDelete = linker.downcallHandle(advapi.findOrThrow("CredDeleteW"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), capture);
        credFree = linker.downcallHandle(advapi.findOrThrow("CredFree"), FunctionDescriptor.ofVoid(ADDRESS));
    }

    @Override
    public String description() {
        return "the Windows Credential Manager";
    }

    @Override
    public void put(String account, String secret) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            MemorySegment blob = arena.allocate(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, blob, JAVA_BYTE, 0, bytes.length);
            MemorySegment credential = arena.allocate(CREDENTIAL);
            credential.set(JAVA_INT, offset("Type"), CRED_TYPE_GENERIC);
            credential.set(ADDRESS, offset("TargetName"), wide(arena, TARGET_PREFIX + account));
            credential.set(JAVA_INT, offset("CredentialBlobSize"), bytes.length);
            credential.set(ADDRESS, offset("CredentialBlob"), blob);
            credential.set(JAVA_INT, offset("Persist"), CRED_PERSIST_LOCAL_MACHINE);
            credential.set(ADDRESS, offset("UserName"), wide(arena, account));
            MemorySegment state = arena.allocate(callState);
            if ((int) credWrite.invokeExact(state, credential, 0) == 0) {
                throw failure("store", state);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("The Credential Manager could not store the API key: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> get(String account) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment found = arena.allocate(ADDRESS);
            MemorySegment state = arena.allocate(callState);
            if ((int) credRead.invokeExact(state, wide(arena, TARGET_PREFIX + account), CRED_TYPE_GENERIC, 0,
                    found) == 0) {
                if (error(state) == ERROR_NOT_FOUND) {
                    return Optional.empty();
                }
                throw failure("read", state);
            }
            MemorySegment pointer = found.get(ADDRESS, 0);
            try {
                MemorySegment credential = pointer.reinterpret(CREDENTIAL.byteSize());
                int size = credential.get(JAVA_INT, offset("CredentialBlobSize"));
                byte[] bytes = credential.get(ADDRESS, offset("CredentialBlob")).reinterpret(size).toArray(JAVA_BYTE);
                return Optional.of(new String(bytes, StandardCharsets.UTF_8));
            } finally {
                credFree.invokeExact(pointer);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("The Credential Manager could not read the API key: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String account) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(callState);
            if ((int) credDelete.invokeExact(state, wide(arena, TARGET_PREFIX + account), CRED_TYPE_GENERIC, 0) == 0
                    && error(state) != ERROR_NOT_FOUND) {
                throw failure("remove", state);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("The Credential Manager could not remove the API key: " + e.getMessage(), e);
        }
    }

    private static long offset(String field) {
        return CREDENTIAL.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    private static MemorySegment wide(Arena arena, String text) {
        return arena.allocateFrom(text, StandardCharsets.UTF_16LE);
    }

    private int error(MemorySegment state) {
        return (int) lastError.get(state, 0L);
    }

    private IOException failure(String action, MemorySegment state) {
        return new IOException("The Credential Manager could not " + action + " the API key (Windows error "
                + error(state) + ").");
    }
}
