package com.luckygas.common;

/**
 * The lost-update rule of every edit of a versioned record: the caller names the version it
 * edited (the {@code version} field, or {@code If-Match}); when someone changed the record since,
 * the edit is refused with a 409 and nothing is written.
 */
public final class Versions {

    private Versions() {
    }

    /** The version edited is required: without one, a 400 naming {@code version}. */
    public static void require(Long edited, long current, String what) {
        if (edited == null) {
            throw ProblemException.invalidField("version", "is required: the version you edited");
        }
        check(edited, current, what);
    }

    /** As {@link #require}, but a missing version is a 428 (the client may send If-Match instead). */
    public static void requirePrecondition(Long edited, long current, String what) {
        if (edited == null) {
            throw new ProblemException(428, "Precondition Required",
                    "Send the version you edited, as the If-Match header or the version field, so that "
                            + "nobody's change is overwritten unseen.");
        }
        check(edited, current, what);
    }

    /** A 409 when a version was sent and is not the current one; nothing when none was sent. */
    public static void check(Long edited, long current, String what) {
        if (edited != null && edited != current) {
            throw ProblemException.conflict(what + " was changed by someone else (you edited version " + edited
                    + ", it is now at version " + current + "); reload it and apply your change again.");
        }
    }
}
