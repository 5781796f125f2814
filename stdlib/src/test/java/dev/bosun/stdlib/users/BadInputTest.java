package dev.bosun.stdlib.users;

import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.subids.AllocateOptions;
import dev.bosun.stdlib.subids.IdMapRequest;
import dev.bosun.stdlib.subids.SubIdsModule;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every validation rule of users, groups and subids: the one-line message, and no file changed. */
class BadInputTest {
    private static ScratchRoot root;
    private static final UsersModule USERS = new UsersModule();
    private static final GroupsModule GROUPS = new GroupsModule();
    private static final SubIdsModule SUBIDS = new SubIdsModule();

    @BeforeAll
    static void setUp() throws Exception {
        root = ScratchRoot.fromHostEtc();
        root.write("/etc/subuid", "");
        root.write("/etc/subgid", "");
        root.write("/etc/shells", "/bin/sh\n/bin/bash\n");
    }

    @AfterAll
    static void tearDown() throws Exception {
        root.close();
    }

    private static UserSpec user(String name) {
        return new UserSpec(name, null, null, null, null, null, null, null, null);
    }

    static Stream<Arguments> rules() {
        String long33 = "a".repeat(33);
        return Stream.of(
                rule("name pattern", c -> USERS.ensure(c, user("Web/1")),
                        "name \"Web/1\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters)"),
                rule("name length", c -> USERS.ensure(c, user(long33)),
                        "name \"" + long33 + "\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters)"),
                rule("name leading digit", c -> USERS.get(c, "1abc"),
                        "name \"1abc\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters)"),
                rule("name with colon", c -> USERS.remove(c, "a:b", null),
                        "name \"a:b\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters)"),
                rule("name with newline", c -> USERS.linger(c, "a\nb", true),
                        "name \"a\\nb\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters)"),
                rule("name missing", c -> USERS.ensure(c, user(null)), "name is required"),
                rule("comment colon", c -> USERS.ensure(c, new UserSpec("ok", null, null, null, null, null, null, null, "a:b")),
                        "comment \"a:b\" must not contain ':'"),
                rule("comment newline", c -> USERS.ensure(c, new UserSpec("ok", null, null, null, null, null, null, null, "a\nb")),
                        "comment \"a\\nb\" must not contain newlines or NUL"),
                rule("comment NUL", c -> USERS.ensure(c, new UserSpec("ok", null, null, null, null, null, null, null, "a\0b")),
                        "comment \"a\\0b\" must not contain newlines or NUL"),
                rule("home relative", c -> USERS.ensure(c, new UserSpec("ok", null, null, null, null, "home/ok", null, null, null)),
                        "home \"home/ok\" must be an absolute path"),
                rule("home dotdot", c -> USERS.ensure(c, new UserSpec("ok", null, null, null, null, "/home/../etc", null, null, null)),
                        "home \"/home/../etc\" must not contain '.' or '..' segments"),
                rule("home colon", c -> USERS.ensure(c, new UserSpec("ok", null, null, null, null, "/home/a:b", null, null, null)),
                        "home \"/home/a:b\" must not contain ':'"),
                rule("shell relative", c -> USERS.ensure(c, new UserSpec("ok", null, null, null, null, null, null, "bash", null)),
                        "shell \"bash\" must be an absolute path"),
                rule("uid negative", c -> USERS.ensure(c, new UserSpec("ok", null, -1L, null, null, null, null, null, null)),
                        "uid -1 must be between 0 and 4294967294"),
                rule("uid too big", c -> USERS.ensure(c, new UserSpec("ok", null, 4294967295L, null, null, null, null, null, null)),
                        "uid 4294967295 must be between 0 and 4294967294"),
                rule("uid taken", c -> USERS.ensure(c, new UserSpec("ok", null, 0L, null, null, null, null, null, null)),
                        "uid 0 is already used by user \"root\""),
                rule("group missing", c -> USERS.ensure(c, new UserSpec("ok", null, null, "nogroup-here", null, null, null, null, null)),
                        "group \"nogroup-here\" does not exist in /etc/group; create it first with groups.ensure"),
                rule("groups missing", c -> USERS.ensure(c, new UserSpec("ok", null, null, null, List.of("root", "zz"), null, null, null, null)),
                        "groups \"zz\" does not exist in /etc/group; create it first with groups.ensure"),
                rule("groups pattern", c -> USERS.ensure(c, new UserSpec("ok", null, null, null, List.of("Bad"), null, null, null, null)),
                        "groups \"Bad\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters)"),
                rule("linger of a non-user", c -> USERS.linger(c, "ghost", true),
                        "name \"ghost\" is not a user in /etc/passwd"),
                rule("group name pattern", c -> GROUPS.ensure(c, new GroupSpec("G!", null, null)),
                        "name \"G!\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters)"),
                rule("gid taken", c -> GROUPS.ensure(c, new GroupSpec("newg", null, 0L)),
                        "gid 0 is already used by group \"root\""),
                rule("gid range", c -> GROUPS.ensure(c, new GroupSpec("newg", null, -5L)),
                        "gid -5 must be between 0 and 4294967294"),
                rule("addMember unknown user", c -> GROUPS.addMember(c, "root", "ghost"),
                        "user \"ghost\" does not exist in /etc/passwd; create it first with users.ensure"),
                rule("addMember unknown group", c -> GROUPS.addMember(c, "nope", "root"),
                        "group \"nope\" does not exist in /etc/group; create it first with groups.ensure"),
                rule("allocate non-user", c -> SUBIDS.allocate(c, "ghost", null),
                        "user \"ghost\" is not a user in /etc/passwd; create it first with users.ensure"),
                rule("allocate count 0", c -> SUBIDS.allocate(c, "root", new AllocateOptions(0L, null)),
                        "count 0 must be between 1 and 4294967294"),
                rule("allocate bad name", c -> SUBIDS.allocate(c, "Root", null),
                        "user \"Root\" must match [a-z_][a-z0-9_-]*[$]? (at most 32 characters)"),
                rule("idMap uid too big", c -> SUBIDS.idMap(c, new IdMapRequest("root", List.of("33", "70000"), null)),
                        "containerUids \"70000\" must be an integer between 0 and 65535"),
                rule("idMap negative", c -> SUBIDS.idMap(c, new IdMapRequest("root", List.of("-5"), null)),
                        "containerUids \"-5\" must be an integer between 0 and 65535"),
                rule("idMap not a number", c -> SUBIDS.idMap(c, new IdMapRequest("root", List.of("33.5"), null)),
                        "containerUids \"33.5\" must be an integer between 0 and 65535"),
                rule("idMap gids", c -> SUBIDS.idMap(c, new IdMapRequest("root", List.of(), List.of("x"))),
                        "containerGids \"x\" must be an integer between 0 and 65535"),
                rule("idMap missing list", c -> SUBIDS.idMap(c, new IdMapRequest("root", null, null)),
                        "containerUids is required"),
                rule("helperUid range", c -> SUBIDS.helperUid(c, "root", 65536),
                        "containerUid 65536 must be between 0 and 65535"));
    }

    private static Arguments rule(String name, Function<LocalHostContext, Object> call, String message) {
        return Arguments.of(name, call, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rejectedWithMessageAndNothingChanges(String name, Function<LocalHostContext, Object> call, String message) {
        RootSnapshot before = RootSnapshot.of(root.dir());
        try (LocalHostContext ctx = root.context(false)) {
            Executable e = () -> call.apply(ctx);
            InvalidValueException ex = assertThrows(InvalidValueException.class, e);
            assertEquals(message, ex.getMessage());
            assertEquals(0, ctx.plan().size(), "nothing planned");
        }
        assertEquals(before, RootSnapshot.of(root.dir()));
    }
}
