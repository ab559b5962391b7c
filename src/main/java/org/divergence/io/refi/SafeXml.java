package org.divergence.io.refi;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.divergence.core.common.InvalidInputException;

/**
 * The one way REFI files are parsed: a streaming StAX reader with DTDs and external entities switched off, so an
 * untrusted file can neither read local files or URLs (XXE) nor expand entities without bound. A document that
 * declares a DTD is refused: REFI-QDA documents have none.
 */
final class SafeXml {

    private SafeXml() {
    }

    static XMLStreamReader reader(InputStream in, String where) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read (" + systemId + ")");
        });
        try {
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new InvalidInputException(where + ": not XML (" + e.getMessage() + ")", e);
        }
    }

    private static void setIfSupported(XMLInputFactory factory, String property, Object value) {
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }
}
