package ebmopt.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a written report page as a browser would meet it: the page parses (the report writes
 * well-formed markup, so the JDK's XML parser reads it), every image is a PNG file beside it,
 * every relative link and #anchor resolves, ids are unique, and no section, folded section or
 * figure is empty. Returns the problems found (none: the page is sound).
 */
final class ReportPageCheck {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private ReportPageCheck() {
    }

    static List<String> problems(Path page) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() { // throws on errors, quietly (not to stderr)
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            doc = builder.parse(page.toFile());
        } catch (SAXException | ParserConfigurationException e) {
            return List.of("the page does not parse: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Path dir = page.getParent();
        Set<String> ids = new HashSet<>();
        for (Element e : elements(doc, "*")) {
            if (!e.getAttribute("id").isEmpty() && !ids.add(e.getAttribute("id"))) {
                problems.add("the id '" + e.getAttribute("id") + "' appears twice");
            }
        }
        for (Element img : elements(doc, "img")) {
            String src = img.getAttribute("src");
            Path file = dir.resolve(src);
            if (src.isEmpty() || src.contains(":") || !Files.isRegularFile(file)) {
                problems.add("the image '" + src + "' is not a file beside the page");
            } else if (!startsWith(Files.readAllBytes(file), PNG)) {
                problems.add("the image '" + src + "' is not a PNG");
            }
        }
        for (Element a : elements(doc, "a")) {
            String href = a.getAttribute("href");
            if (href.startsWith("#")) {
                if (!ids.contains(href.substring(1))) {
                    problems.add("the link '" + href + "' names no element of the page");
                }
            } else if (!href.contains(":") && !Files.exists(dir.resolve(href.split("#")[0]))) {
                problems.add("the link '" + href + "' names no file beside the page");
            }
        }
        for (Element h2 : elements(doc, "h2")) {
            if (!hasContentUntilNextHeading(h2)) {
                problems.add("the section '" + h2.getTextContent().trim() + "' is empty");
            }
        }
        for (Element details : elements(doc, "details")) {
            List<Element> summary = children(details, "summary");
            if (summary.isEmpty() || summary.get(0).getTextContent().isBlank()) {
                problems.add("a folded section has no summary line");
            } else if (children(details, "*").stream().noneMatch(c -> !c.getTagName().equals("summary")
                    && !c.getTextContent().isBlank())) {
                problems.add("the folded section '" + summary.get(0).getTextContent().trim() + "' is empty");
            }
        }
        for (Element figure : elements(doc, "figure")) {
            if (children(figure, "img").isEmpty() || children(figure, "figcaption").stream()
                    .allMatch(c -> c.getTextContent().isBlank())) {
                problems.add("a figure lacks its image or caption");
            }
        }
        return problems;
    }

    /** Whether anything with text or an image follows {@code h2} before the next h2 (or its parent's end). */
    private static boolean hasContentUntilNextHeading(Element h2) {
        for (Node n = h2.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (e.getTagName().equals("h2")) {
                    return false;
                }
                if (!e.getTextContent().isBlank() || !elements(e, "img").isEmpty() || e.getTagName().equals("img")) {
                    return true;
                }
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> elements(Document doc, String tag) {
        return list(doc.getElementsByTagName(tag));
    }

    private static List<Element> elements(Element e, String tag) {
        return list(e.getElementsByTagName(tag));
    }

    private static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (tag.equals("*") || c.getTagName().equals(tag))) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Element> list(NodeList nodes) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
