package dev.bosun.stdlib.quadlet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.InvalidValueException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One unit or several, as an operation argument: a script may pass a unit or an array of units. Not a record:
 * a record would also be read from an object's properties, and a unit is an object.
 */
@Doc("A unit, or an array of units.")
public final class QuadletUnits {
    private final List<QuadletUnit> units;

    private QuadletUnits(List<QuadletUnit> units) {
        Check.present("units", units);
        Set<String> names = new HashSet<>();
        for (QuadletUnit u : units) {
            Check.present("units[]", u);
            if (!names.add(u.fileName())) {
                throw new InvalidValueException("units", Check.quote(u.fileName())
                        + " occurs twice; the generator reads one file of each name");
            }
        }
        this.units = List.copyOf(units);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static QuadletUnits of(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<QuadletUnit> units) {
        return new QuadletUnits(units);
    }

    public List<QuadletUnit> units() {
        return units;
    }
}
