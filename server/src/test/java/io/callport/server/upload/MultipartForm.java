package io.callport.server.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** multipart/form-data bodies built by hand, as a browser or curl sends them. */
public final class MultipartForm {
    static final String BOUNDARY = "----CallportBoundary7MA4YWxk";
    public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private MultipartForm() {
    }

    public static byte[] field(String name, String value) {
        return ("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] filePart(String name, String fileName, byte[] content) {
        byte[] head = ("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] part = Arrays.copyOf(head, head.length + content.length);
        System.arraycopy(content, 0, part, head.length, content.length);
        return part;
    }

    /** The parts between boundaries, as the body of a request of {@link #CONTENT_TYPE}. */
    public static byte[] form(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(part);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
