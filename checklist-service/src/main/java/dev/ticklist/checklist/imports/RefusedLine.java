package dev.ticklist.checklist.imports;

/** Why one line of an import is not recorded; the lines around it are. */
final class RefusedLine extends Exception {

    RefusedLine(String reason) {
        super(reason, null, false, false);
    }
}
