package dev.bosun.shell.attack;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Arguments built to make the bridge work without end: a sparse array of length 2^32-1 once spun the host
 * for minutes (the copy read every index, and Ctrl-C cannot stop host code). Sizes are checked before they
 * are walked: the array length before its first element, a string's length before it is copied, and the
 * whole argument against one budget of elements, keys and characters. Each attempt fails with a one-line
 * error naming the path and the limit and changes nothing. The time-out is only a safety net so that a
 * regression fails instead of hanging the build; nothing here measures time.
 */
@Tag("attack")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JsOversizeAttackTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sparse array of length 2^32-1 | const g = []; g.length = 2 ** 32 - 1; return users.ensure({name: 'm', groups: g}); \
            | users.ensure: spec.groups has 4294967295 elements; an argument may hold at most 100000 array elements and object keys in all
            new Array(2^32-1) | return users.ensure({name: 'm', groups: new Array(2 ** 32 - 1)}); \
            | users.ensure: spec.groups has 4294967295 elements; an argument may hold at most 100000 array elements and object keys in all
            one array over the limit | return users.ensure({name: 'm', groups: new Array(100001).fill('wheel')}); \
            | users.ensure: spec.groups has 100001 elements; an argument may hold at most 100000 array elements and object keys in all
            many small arrays over the limit in all | return quadlet.container({name: 'w', image: 'x', environment: {}, \
              label: Object.fromEntries(Array.from({length: 1000}, (_, i) => ['k' + i, 'v'])), \
              volume: Array.from({length: 99500}, () => 'a:/b')}); \
            | quadlet.container: spec.volume has 99500 elements; an argument may hold at most 100000 array elements and object keys in all
            an object with too many keys | return users.ensure(Object.fromEntries(Array.from({length: 150000}, (_, i) => ['k' + i, 1]))); \
            | users.ensure: spec has 150000 keys; an argument may hold at most 100000 array elements and object keys in all
            a typed array over the limit | return users.ensure({name: 'm', groups: new Int8Array(200000)}); \
            | users.ensure: spec.groups has 200000 elements; an argument may hold at most 100000 array elements and object keys in all
            a string over 16 MiB | return users.ensure({name: 'm', comment: 'x'.repeat(16 * 1024 * 1024 + 1)}); \
            | users.ensure: spec.comment is 16777217 characters long; an argument may hold at most 16777216 (16 MiB)
            strings over 16 MiB in all | const s = 'x'.repeat(8 * 1024 * 1024); return users.ensure({name: 'm', comment: s, home: s, shell: s}); \
            | users.ensure: spec.home brings the argument's text over 16777216 characters (16 MiB)
            nesting deeper than 32 levels | let v = 'root'; for (let i = 0; i < 1000; i++) v = [v]; return users.ensure({name: 'm', groups: v}); \
            | users.ensure: spec.groups[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0] is nested too deeply (more than 32 levels)
            """)
    void oversizedArgumentsFailBeforeTheyAreWalked(String name, String code, String message) throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            assertEquals("TypeError|" + message, s.attempt(code), name);
            s.assertNothingChanged();
        }
    }
}
