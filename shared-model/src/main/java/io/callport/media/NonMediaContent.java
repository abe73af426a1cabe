package io.callport.media;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names what a file holds when it is not a recording, so a rejection can say what was found instead. */
final class NonMediaContent {

    private static final Map<byte[], String> SIGNATURES = new LinkedHashMap<>();

    static {
        SIGNATURES.put(Bytes.of('%', 'P', 'D', 'F'), "a PDF document");
        SIGNATURES.put(Bytes.of(0x89, 'P', 'N', 'G'), "a PNG image");
        SIGNATURES.put(Bytes.of(0xFF, 0xD8, 0xFF), "a JPEG image");
        SIGNATURES.put(Bytes.of('G', 'I', 'F', '8'), "a GIF image");
        SIGNATURES.put(Bytes.of('I', 'I', '*', 0), "a TIFF image");
        SIGNATURES.put(Bytes.of('M', 'M', 0, '*'), "a TIFF image");
        SIGNATURES.put(Bytes.of('P', 'K', 3, 4), "a zip archive (or an Office document)");
        SIGNATURES.put(Bytes.of(0x1F, 0x8B), "a gzip archive");
        SIGNATURES.put(Bytes.of('R', 'a', 'r', '!'), "a RAR archive");
        SIGNATURES.put(Bytes.of('7', 'z', 0xBC, 0xAF, 0x27, 0x1C), "a 7-Zip archive");
        SIGNATURES.put(Bytes.of(0xD0, 0xCF, 0x11, 0xE0), "an older Microsoft Office document");
        SIGNATURES.put(Bytes.of('M', 'Z'), "a Windows program");
        SIGNATURES.put(Bytes.of(0x7F, 'E', 'L', 'F'), "a Linux program");
    }

    private NonMediaContent() {
    }

    /** "a PNG image", "CSV text", "text", "data of an unknown kind": the object of "contains ...". */
    static String describe(byte[] head) {
        for (Map.Entry<byte[], String> signature : SIGNATURES.entrySet()) {
            if (Bytes.has(head, 0, signature.getKey())) {
                return signature.getValue();
            }
        }
        if (Bytes.hasAscii(head, 0, "RIFF") && Bytes.hasAscii(head, 8, "WEBP")) {
            return "a WebP image";
        }
        if (Bytes.hasAscii(head, 0, "RIFF") && Bytes.hasAscii(head, 8, "AVI ")) {
            return "an AVI video, a format Callport does not take in";
        }
        String text = asText(head);
        if (text == null) {
            return "data of a kind Callport does not recognise";
        }
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.startsWith("<")) {
            return "markup text (HTML or XML)";
        }
        return firstLine.matches(".*[,;\t].*") ? "text (it looks like a CSV file)" : "text";
    }

    /** The head as text when it is valid UTF-8 without control characters (a cut multi-byte tail is allowed). */
    private static String asText(byte[] head) {
        CharBuffer text = CharBuffer.allocate(head.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head), text, false); // not the end of input: a cut character is no error
        if (result.isError() || text.flip().isEmpty()) {
            return null;
        }
        boolean printable = text.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f');
        return printable ? text.toString() : null;
    }
}
