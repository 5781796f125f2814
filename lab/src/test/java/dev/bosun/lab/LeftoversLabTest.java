package dev.bosun.lab;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** After every other lab class (junit-platform.properties orders classes): the lab suite left nothing behind. */
@Tag("lab")
@Order(Integer.MAX_VALUE)
class LeftoversLabTest {
    @Test
    void noProcessMountNetworkNamespaceOrBoxIsLeftBehind() throws Exception {
        List<String> left = Leftovers.sinceSuiteStart();
        assumeTrue(left != null, "no lab box was booted in this run");
        assertEquals(List.of(), left, "left behind by the lab tests (compared with before the first box)");
    }
}
