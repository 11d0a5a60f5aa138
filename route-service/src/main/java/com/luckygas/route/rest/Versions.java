package com.luckygas.route.rest;

import com.luckygas.common.ProblemException;

/** The lost-update rule of every full update here: name the version you edited. */
final class Versions {

    private Versions() {
    }

    static void require(Long edited, long current, String what) {
        if (edited == null) {
            throw ProblemException.invalidField("version", "is required: the version you edited");
        }
        if (edited != current) {
            throw ProblemException.conflict(what + " was changed by someone else (you edited version " + edited
                    + ", it is now at " + current + "); reload it and apply your change again.");
        }
    }
}
