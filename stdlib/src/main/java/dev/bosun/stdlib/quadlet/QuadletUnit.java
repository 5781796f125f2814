package dev.bosun.stdlib.quadlet;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.UnitParser;
import dev.bosun.stdlib.quadlet.unit.UnitSection;
import dev.bosun.stdlib.quadlet.unit.UnitWriter;

import java.util.List;

/**
 * A Quadlet unit as scripts see it: its type, name, sections and rendered text. The text is always
 * rendered from the sections (a unit given only as text is parsed into sections first), so the two
 * never disagree and a unit whose values cannot be written cannot be constructed.
 *
 * @param type     the unit type
 * @param name     the name without extension ({@code web} for {@code web.container})
 * @param sections the sections in file order
 * @param text     the file content
 */
@Doc("A Quadlet unit: type, name, sections in file order and the rendered file text.")
public record QuadletUnit(@Doc("container, volume, network, kube, image, build, pod or artifact") UnitType type,
                          @Doc("name without extension, e.g. web") String name,
                          @Doc("sections in file order") List<UnitSection> sections,
                          @Doc("the rendered file; used as the source when sections are left out") String text) {
    public QuadletUnit {
        Check.present("type", type);
        // The name is taken as given: a bundle's "# FileName=web.container" really installs web.container.container.
        name = UnitName.check("name", name, null);
        if ((sections == null || sections.isEmpty()) && text != null) {
            sections = parseSections(text);
        }
        sections = sections == null ? List.of() : List.copyOf(sections);
        text = UnitWriter.render(sections);
    }

    private static List<UnitSection> parseSections(String text) {
        try {
            return UnitParser.parse(text);
        } catch (dev.bosun.stdlib.quadlet.unit.UnitSyntaxException e) {
            throw new InvalidValueException("text", e.getMessage());
        }
    }

    public static QuadletUnit of(UnitType type, String name, UnitFile file) {
        return new QuadletUnit(type, name, file.sections(), null);
    }

    /** The file name, e.g. {@code web.container}. */
    public String fileName() {
        return name + type.extension();
    }

    public UnitFile file() {
        return new UnitFile(sections);
    }
}
