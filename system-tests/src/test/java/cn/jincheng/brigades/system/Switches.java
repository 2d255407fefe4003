package cn.jincheng.brigades.system;

import org.junit.jupiter.api.Assumptions;

/**
 * The build's switches for quick local runs ({@code -Dskip.node}, {@code -Dskip.browser}; README):
 * a test one of them leaves out is reported as skipped with the switch named, never passed.
 */
final class Switches {

    private Switches() {
    }

    /** Skips the calling test when any of the switches is set. */
    static void skipWhenSet(String what, String... switches) {
        for (String name : switches) {
            if (Boolean.getBoolean(name)) {
                System.out.println("[skipped] " + what + ": -D" + name + " is set");
                Assumptions.abort(what + " skipped: -D" + name + " is set");
            }
        }
    }
}
