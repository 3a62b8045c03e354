package org.rentrecovery.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where a reason's table row or rule is explained: the section of docs/policy.md or docs/law.md
 * (then the other docs) that names it — the row ({@code EscalationStep/letter-1}) itself, else its
 * table, else a DRL rule by its name — as a link from the report's folder. Read from the docs as they
 * are, so a section added later is linked without a list kept here.
 */
public final class RuleLinks {
    private static final List<String> FIRST = List.of("policy.md", "law.md");

    /** A heading's section: the file, the heading's anchor and the text under it. */
    record Section(Path file, String anchor, String text) {
    }

    private final List<Section> sections;
    private final Path from;
    private final Map<String, String> found = new ConcurrentHashMap<>();

    RuleLinks(List<Section> sections, Path from) {
        this.sections = sections;
        this.from = from;
    }

    /** No links (no docs to point into). */
    public static RuleLinks none() {
        return new RuleLinks(List.of(), Path.of(""));
    }

    /**
     * @param docs the docs folder (policy.md and law.md first, then every other .md)
     * @param reportDir the folder the report is written to, so links are relative to it
     */
    public static RuleLinks from(Path docs, Path reportDir) {
        List<Path> files = new ArrayList<>();
        FIRST.stream().map(docs::resolve).filter(Files::isRegularFile).forEach(files::add);
        if (Files.isDirectory(docs)) {
            try (Stream<Path> all = Files.list(docs)) {
                all.filter(p -> p.toString().endsWith(".md") && !FIRST.contains(p.getFileName().toString())).sorted().forEach(files::add);
            } catch (IOException e) {
                // the docs cannot be listed: only the first files are linked
            }
        }
        List<Section> sections = new ArrayList<>();
        for (Path file : files) {
            try {
                sections.addAll(sections(file, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                // an unreadable doc is left out
            }
        }
        return new RuleLinks(sections, reportDir.toAbsolutePath().normalize());
    }

    static List<Section> sections(Path file, String markdown) {
        List<Section> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String anchor = null;
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.matches("#{1,6} .*")) {
                if (anchor != null) {
                    result.add(new Section(file, anchor, text.toString()));
                }
                String heading = line.replaceFirst("#{1,6} ", "").trim();
                String slug = slug(heading);
                int n = seen.merge(slug, 1, Integer::sum);
                anchor = n == 1 ? slug : slug + "-" + (n - 1);
                text = new StringBuilder(heading).append('\n');
            } else {
                text.append(line).append('\n');
            }
        }
        if (anchor != null) {
            result.add(new Section(file, anchor, text.toString()));
        }
        return result;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** The link for a rule id ({@code Table/row}, {@code facts#x} or a DRL rule's name), or null when no doc names it. */
    public String href(String rule) {
        if (rule == null || rule.isBlank()) {
            return null;
        }
        String link = found.computeIfAbsent(rule, r -> {
            Section section = find(r);
            if (section == null && r.contains("/")) {
                section = find(r.substring(0, r.indexOf('/')));
            }
            if (section == null) {
                return "";
            }
            Path target = section.file().toAbsolutePath().normalize();
            return from.relativize(target).toString().replace('\\', '/') + "#" + section.anchor();
        });
        return link.isEmpty() ? null : link;
    }

    private Section find(String name) {
        for (Section section : sections) {
            if (section.text().contains(name)) {
                return section;
            }
        }
        return null;
    }
}
