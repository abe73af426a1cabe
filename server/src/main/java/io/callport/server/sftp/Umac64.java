package io.callport.server.sftp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * UMAC with 64-bit tags (RFC 4418), for messages up to {@value #MAX_MESSAGE_BYTES} bytes: SSH packets, which stay
 * far below. Its NH layer costs a fraction of HMAC-SHA-256 per byte, and OpenSSH clients pick it first. One message
 * at a time: {@link #update} its bytes, then {@link #finish} with its nonce, which starts the next.
 */
final class Umac64 {
    static final int KEY_BYTES = 16;
    static final int TAG_BYTES = 8;
    /** Beyond this the RFC's second-level hash switches to 128-bit arithmetic, which SSH never needs. */
    static final int MAX_MESSAGE_BYTES = 1 << 24;

    /** One NH, polynomial and inner-product hash per 32 bits of tag. */
    private static final int STREAMS = 2;
    private static final int CHUNK_BYTES = 1024;
    private static final int GROUP_BYTES = 32;
    private static final VarHandle LITTLE_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** 2^64 - 59, the prime of the 64-bit polynomial hash, as an unsigned long. */
    private static final long PRIME_64 = -59L;
    private static final long PRIME_64_OFFSET = 59;
    /** Words from 2^64 - 2^32 up are hashed as the marker and the word less the offset. */
    private static final long MAX_WORD_RANGE = -(1L << 32);
    private static final long MARKER = PRIME_64 - 1;
    private static final long POLY_KEY_MASK = 0x01ffffff01ffffffL;
    private static final long PRIME_36 = (1L << 36) - 5;

    /** NH key words; stream s starts at word 4 s. */
    private final int[] nhKey = new int[CHUNK_BYTES / 4 + 4 * (STREAMS - 1)];
    private final long[] polyKey = new long[STREAMS];
    /** The inner-product keys for the low eight bytes of the second-level output (its high eight are zero). */
    private final long[][] innerProductKey = new long[STREAMS][4];
    private final int[] innerProductMask = new int[STREAMS];
    private final Cipher padCipher;
    private final byte[] nonceBlock = new byte[16];
    private final byte[] padBlock = new byte[16];
    private long padBlockNonce = 1; // odd, so no even nonce matches it before the first pad is made

    private final byte[] partialGroup = new byte[GROUP_BYTES];
    private int partialGroupBytes;
    private int chunkBytes;
    private final long[] chunkHash = new long[STREAMS];
    private int chunks;
    /** The first chunk's hash waits here: a message of one chunk skips the polynomial hash. */
    private final long[] firstChunkHash = new long[STREAMS];
    private final long[] polyHash = new long[STREAMS];

    Umac64(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A UMAC key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        try {
            Cipher keyed = aes(key);
            ByteBuffer.wrap(derive(keyed, 1, nhKey.length * 4)).asIntBuffer().get(nhKey);
            ByteBuffer l2 = ByteBuffer.wrap(derive(keyed, 2, STREAMS * 24));
            ByteBuffer l3 = ByteBuffer.wrap(derive(keyed, 3, STREAMS * 64));
            ByteBuffer l3Mask = ByteBuffer.wrap(derive(keyed, 4, STREAMS * 4));
            for (int s = 0; s < STREAMS; s++) {
                polyKey[s] = l2.getLong(24 * s) & POLY_KEY_MASK;
                for (int j = 0; j < 4; j++) {
                    innerProductKey[s][j] = Long.remainderUnsigned(l3.getLong(64 * s + 8 * (4 + j)), PRIME_36);
                }
                innerProductMask[s] = l3Mask.getInt(4 * s);
            }
            padCipher = aes(derive(keyed, 0, KEY_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has AES", e);
        }
        Arrays.fill(polyHash, 1);
    }

    void update(byte[] data, int offset, int length) {
        while (length > 0) {
            if (partialGroupBytes > 0 || length < GROUP_BYTES) {
                int taken = Math.min(GROUP_BYTES - partialGroupBytes, length);
                System.arraycopy(data, offset, partialGroup, partialGroupBytes, taken);
                partialGroupBytes += taken;
                offset += taken;
                length -= taken;
                if (partialGroupBytes == GROUP_BYTES) {
                    partialGroupBytes = 0;
                    hashGroups(partialGroup, 0, 1);
                }
            } else {
                int groups = Math.min(length, CHUNK_BYTES - chunkBytes) / GROUP_BYTES;
                hashGroups(data, offset, groups);
                offset += groups * GROUP_BYTES;
                length -= groups * GROUP_BYTES;
            }
            if (chunkBytes == CHUNK_BYTES) {
                endChunk(CHUNK_BYTES);
            }
        }
    }

    /** Writes the message's tag at {@code offset} and starts a new message. */
    void finish(long nonce, byte[] tag, int offset) {
        int lastChunkBytes = chunkBytes + partialGroupBytes;
        if (lastChunkBytes > 0 || chunks == 0) {
            if (partialGroupBytes > 0 || lastChunkBytes == 0) {
                Arrays.fill(partialGroup, partialGroupBytes, GROUP_BYTES, (byte) 0);
                partialGroupBytes = 0;
                hashGroups(partialGroup, 0, 1);
            }
            endChunk(lastChunkBytes);
        }
        long[] secondLevel = chunks == 1 ? firstChunkHash : polyHash;
        long pad = pad(nonce);
        for (int s = 0; s < STREAMS; s++) {
            int hashed = innerProduct(s, secondLevel[s]) ^ innerProductMask[s];
            int padWord = (int) (pad >>> (32 * (STREAMS - 1 - s)));
            ByteBuffer.wrap(tag, offset + 4 * s, 4).putInt(hashed ^ padWord);
        }
        chunks = 0;
        Arrays.fill(polyHash, 1);
    }

    /** NH over whole 32-byte groups of one chunk: little-endian message words, each pair four words apart. */
    private void hashGroups(byte[] data, int offset, int groups) {
        int[] k = nhKey;
        long y0 = chunkHash[0];
        long y1 = chunkHash[1];
        int w = chunkBytes >>> 2;
        for (int g = 0; g < groups; g++, offset += GROUP_BYTES, w += 8) {
            int m0 = word(data, offset);
            int m1 = word(data, offset + 4);
            int m2 = word(data, offset + 8);
            int m3 = word(data, offset + 12);
            int m4 = word(data, offset + 16);
            int m5 = word(data, offset + 20);
            int m6 = word(data, offset + 24);
            int m7 = word(data, offset + 28);
            y0 += unsigned(m0 + k[w]) * unsigned(m4 + k[w + 4]) + unsigned(m1 + k[w + 1]) * unsigned(m5 + k[w + 5])
                    + unsigned(m2 + k[w + 2]) * unsigned(m6 + k[w + 6])
                    + unsigned(m3 + k[w + 3]) * unsigned(m7 + k[w + 7]);
            y1 += unsigned(m0 + k[w + 4]) * unsigned(m4 + k[w + 8])
                    + unsigned(m1 + k[w + 5]) * unsigned(m5 + k[w + 9])
                    + unsigned(m2 + k[w + 6]) * unsigned(m6 + k[w + 10])
                    + unsigned(m3 + k[w + 7]) * unsigned(m7 + k[w + 11]);
        }
        chunkHash[0] = y0;
        chunkHash[1] = y1;
        chunkBytes += groups * GROUP_BYTES;
    }

    /** Closes a chunk's NH with its length in bits and passes it to the polynomial hash. */
    private void endChunk(int messageBytes) {
        if (++chunks > MAX_MESSAGE_BYTES / CHUNK_BYTES) {
            throw new IllegalStateException("UMAC-64 here takes messages of up to " + MAX_MESSAGE_BYTES + " bytes");
        }
        for (int s = 0; s < STREAMS; s++) {
            long hash = chunkHash[s] + 8L * messageBytes;
            if (chunks == 1) {
                firstChunkHash[s] = hash;
            } else {
                if (chunks == 2) {
                    polyHash[s] = poly(polyKey[s], polyHash[s], firstChunkHash[s]);
                }
                polyHash[s] = poly(polyKey[s], polyHash[s], hash);
            }
            chunkHash[s] = 0;
        }
        chunkBytes = 0;
    }

    /** One step of POLY modulo 2^64 - 59; words too close to the prime go in as the marker and the word less 59. */
    private static long poly(long key, long y, long word) {
        if (Long.compareUnsigned(word, MAX_WORD_RANGE) >= 0) {
            return addModPrime(multiplyModPrime(key, addModPrime(multiplyModPrime(key, y), MARKER)),
                    word - PRIME_64_OFFSET);
        }
        return addModPrime(multiplyModPrime(key, y), word);
    }

    /** key * y mod 2^64 - 59, for a key below 2^57 (it is masked) and y below the prime. */
    private static long multiplyModPrime(long key, long y) {
        long high = Math.unsignedMultiplyHigh(key, y);
        return addModPrime(key * y, high * PRIME_64_OFFSET); // 2^64 is 59 modulo the prime
    }

    private static long addModPrime(long a, long b) {
        long sum = a + b;
        if (Long.compareUnsigned(sum, a) < 0) {
            sum += PRIME_64_OFFSET;
        }
        return Long.compareUnsigned(sum, PRIME_64) >= 0 ? sum - PRIME_64 : sum;
    }

    /** The inner-product hash modulo 2^36 - 5 of the second-level output's four low 16-bit words, cut to 32 bits. */
    private int innerProduct(int stream, long secondLevel) {
        long sum = 0;
        for (int j = 0; j < 4; j++) {
            sum += ((secondLevel >>> (48 - 16 * j)) & 0xffff) * innerProductKey[stream][j];
        }
        return (int) (sum % PRIME_36);
    }

    /** The pseudorandom pad: half of AES of the nonce with its low bit cleared, so one block serves two nonces. */
    private long pad(long nonce) {
        long even = nonce & ~1L;
        if (even != padBlockNonce) {
            ByteBuffer.wrap(nonceBlock).putLong(0, even); // the nonce, zero-padded to a block
            try {
                padCipher.doFinal(nonceBlock, 0, 16, padBlock, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES failed on one block", e);
            }
            padBlockNonce = even;
        }
        return ByteBuffer.wrap(padBlock).getLong(8 * (int) (nonce & 1));
    }

    /** The RFC's KDF: AES in counter mode over the index, from counter 1. */
    private static byte[] derive(Cipher keyed, long index, int bytes) throws GeneralSecurityException {
        byte[] derived = new byte[(bytes + 15) / 16 * 16];
        ByteBuffer input = ByteBuffer.allocate(derived.length);
        for (int block = 0; block < derived.length / 16; block++) {
            input.putLong(index).putLong(block + 1L);
        }
        keyed.doFinal(input.array(), 0, derived.length, derived, 0);
        return Arrays.copyOf(derived, bytes);
    }

    private static Cipher aes(byte[] key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return cipher;
    }

    private static int word(byte[] data, int offset) {
        return (int) LITTLE_ENDIAN_INT.get(data, offset);
    }

    private static long unsigned(int word) {
        return word & 0xffffffffL;
    }
}
