package dev.bosun.shell.ops;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/reference.md is generated from the operations' metadata and must match them. */
class ReferenceDocTest {
    @Test
    void referenceIsUpToDate() throws Exception {
        Path doc = Path.of("..", "docs", "reference.md");
        String expected = ReferenceWriter.write(ModuleRegistry.withStdlib());
        assertEquals(expected, Files.exists(doc) ? Files.readString(doc) : "",
                "docs/reference.md is out of date: run ./bosun --no-plugins ops --markdown > docs/reference.md");
    }
}
