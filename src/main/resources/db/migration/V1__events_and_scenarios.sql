-- The event log: every change of every drill, in seq order per drill, never updated or deleted.
CREATE TABLE events (
    drill_id  text        NOT NULL,
    seq       bigint      NOT NULL CHECK (seq > 0),
    client_id text,
    type      text        NOT NULL,
    sim_time  bigint      NOT NULL,
    wall_time timestamptz NOT NULL,
    -- json, not jsonb: the text stored comes back as stored (jsonb would reorder keys and fold duplicates).
    payload   json        NOT NULL,
    PRIMARY KEY (drill_id, seq)
);

-- Idempotency: a client's event id is stored once per drill.
CREATE UNIQUE INDEX events_client_id ON events (drill_id, client_id) WHERE client_id IS NOT NULL;

-- Listing drills and their lifecycle reads only these few events.
CREATE INDEX events_lifecycle ON events (drill_id, seq) WHERE type LIKE 'drill.%';

CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only';
END;
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_are_append_only();

-- Scenarios posted through the API; built-in and data-dir scenarios are files.
CREATE TABLE scenarios (
    id        text        PRIMARY KEY,
    source    text        NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now(),
    stored_by text
);
