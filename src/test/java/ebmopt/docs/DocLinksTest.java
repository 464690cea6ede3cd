package ebmopt.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link of README.md and docs/*.md points to a file that exists, and a link
 * with an anchor into a Markdown page to one of that page's headings. Links with a scheme
 * (https:, mailto:) are not followed; links inside code are not links.
 */
class DocLinksTest {

    @Test
    void everyRelativeLinkPointsToAnExistingFileAndHeading() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            MarkdownFile file = new MarkdownFile(page);
            for (MarkdownFile.Line link : file.links()) {
                String target = link.text();
                if (target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                    continue;
                }
                checked++;
                int hash = target.indexOf('#');
                String pathPart = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? "" : target.substring(hash + 1);
                Path resolved = pathPart.isEmpty() ? page : page.resolveSibling(pathPart).normalize();
                String where = page + ":" + link.number() + ": " + target;
                if (!Files.exists(resolved)) {
                    broken.add(where + " (no file " + resolved + ")");
                } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md")
                        && !new MarkdownFile(resolved).anchors().contains(anchor)) {
                    broken.add(where + " (no heading #" + anchor + " in " + resolved + ")");
                }
            }
        }
        assertFalse(checked == 0, "no relative links found: is the link pattern broken?");
        assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
    }
}
