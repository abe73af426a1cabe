package io.callport.sidecar;

import java.io.ByteArrayInputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML sidecar: a root element whose child elements hold text. DTDs and entities are refused before
 * anything uses them, so a file cannot make the reader fetch a URL or a local file, or expand entities
 * exponentially.
 */
final class XmlSidecar {
    private static final XMLInputFactory FACTORY = hardenedFactory();
    private static final int FIELD_DEPTH = 2;

    private XmlSidecar() {
    }

    private static XMLInputFactory hardenedFactory() {
        // the JDK's own parser, so a StAX implementation elsewhere on the class path cannot weaken these settings
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    static void read(byte[] content, SidecarCollector out) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(content));
            readDocument(reader, out);
        } catch (XMLStreamException e) {
            // the parser reports -1 where it lost track, such as a file ending inside its DTD
            long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            long column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNumber());
            out.malformed(line, line == 0 ? "The XML is not well-formed: " + parserMessage(e)
                    : "The XML is not well-formed at line %d, column %d: %s".formatted(line, column, parserMessage(e)));
        } catch (RuntimeException e) {
            // the JDK's parser throws unchecked exceptions of its own on some bytes (a NUL inside a DTD fails while
            // it formats its message); the bytes are still not well-formed XML
            long line = reader == null ? 0 : line(reader);
            out.malformed(line, "The XML is not well-formed near line %d, so it cannot be read.".formatted(line));
        } finally {
            close(reader);
        }
    }

    private static void readDocument(XMLStreamReader reader, SidecarCollector out) throws XMLStreamException {
        int depth = 0;
        String field = null;
        long fieldLine = 0;
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    out.forbidden(line(reader), ("The XML sidecar declares a DTD or uses an entity at line %d; these"
                            + " are refused so the file cannot make Callport read other files or expand entities"
                            + " without end. Remove the <!DOCTYPE ...> and entity references.")
                            .formatted(line(reader)));
                    return;
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == FIELD_DEPTH) {
                        field = reader.getLocalName();
                        fieldLine = line(reader);
                        text.setLength(0);
                    } else if (depth > FIELD_DEPTH) {
                        out.nested(field, fieldLine, "has the element <%s> inside it at line %d"
                                .formatted(reader.getLocalName(), line(reader)));
                        skipRestOfField(reader);
                        depth = FIELD_DEPTH - 1;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == FIELD_DEPTH) {
                        text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == FIELD_DEPTH) {
                        out.field(field, text.toString().strip(), fieldLine);
                    }
                    depth--;
                }
                default -> {
                    // comments, processing instructions and the document's start and end carry no field
                }
            }
        }
    }

    /** Called inside a grandchild element: consumes events up to and including the end of its field. */
    private static void skipRestOfField(XMLStreamReader reader) throws XMLStreamException {
        int open = 2;
        while (open > 0) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> open++;
                case XMLStreamConstants.END_ELEMENT -> open--;
                default -> {
                    // text of the nested content is left out with it
                }
            }
        }
    }

    private static long line(XMLStreamReader reader) {
        return Math.max(0, reader.getLocation().getLineNumber());
    }

    /** The JDK prefixes "ParseError at [row,col]:[l,c] Message: "; the line and column are already in our sentence. */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf("Message: ");
        return start < 0 ? message : message.substring(start + "Message: ".length());
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // closing a reader over bytes in memory frees nothing that matters
        }
    }
}
