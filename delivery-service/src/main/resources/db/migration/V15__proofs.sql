-- Proof of delivery (issue 18): a signature and up to three photos per delivered order, sent by
-- the driver's phone with the completion or afterwards with its key. The files are in object
-- storage (a folder locally, a Cloud Storage bucket in the cloud: docs/adr/0011); the rows say
-- which, and who sent them when. How many of each an order may have is this table's rule: one
-- signature, photos numbered 1 to 3.
CREATE TABLE proof (
    id           bigserial   PRIMARY KEY,
    order_id     bigint      NOT NULL REFERENCES orders (id),
    -- deferred: a signature sent with the completion is recorded before the action's own row
    action_key   text        NOT NULL REFERENCES driver_action (action_key) DEFERRABLE INITIALLY DEFERRED,
    kind         text        NOT NULL CHECK (kind IN ('SIGNATURE', 'PHOTO')),
    seq          smallint    NOT NULL,
    object_name  text        NOT NULL UNIQUE,
    media_type   text        NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    size_bytes   integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 2097152),
    -- of the stored (cleaned) file: the same picture sent again is the same proof, not a new one
    sha256       text        NOT NULL,
    uploaded_by  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT proof_how_many CHECK ((kind = 'SIGNATURE' AND seq = 1) OR (kind = 'PHOTO' AND seq BETWEEN 1 AND 3)),
    CONSTRAINT proof_one_per_place UNIQUE (order_id, kind, seq),
    CONSTRAINT proof_same_file UNIQUE (order_id, kind, sha256)
);
