import * as Effect from "effect/Effect"
import * as Migrator from "effect/sql/Migrator"
import * as SqlClient from "effect/sql/SqlClient"

// One schema for both back ends, in PostgreSQL's dialect. Each statement runs
// on its own (a prepared statement holds one command).
const schema = [
  `CREATE TABLE ledger_submission (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign text NOT NULL,
    idempotency_key text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('import', 'submit')),
    digest text NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL,
    recorded_unit text NOT NULL,
    reason text,
    as_of date,
    layout text,
    records integer NOT NULL,
    summary text NOT NULL,
    UNIQUE (campaign, idempotency_key)
  )`,
  `CREATE TABLE ledger_record (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission bigint NOT NULL REFERENCES ledger_submission (id),
    campaign text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('campaign', 'calendar', 'target', 'unit', 'project', 'event', 'activity', 'report')),
    record_id text NOT NULL,
    key text NOT NULL,
    stream text NOT NULL,
    version integer NOT NULL CHECK (version > 0),
    ordinal integer NOT NULL,
    effective date,
    body text,
    supersedes bigint REFERENCES ledger_record (seq),
    reason text,
    recorded_at timestamptz NOT NULL,
    UNIQUE (campaign, stream, version)
  )`,
  `CREATE INDEX ledger_record_by_key ON ledger_record (campaign, key, seq)`,
  `CREATE INDEX ledger_record_by_time ON ledger_record (campaign, recorded_at)`,
  `CREATE TABLE ledger_assessment (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign text NOT NULL,
    policy_id text NOT NULL,
    policy_version text NOT NULL,
    options_hash text NOT NULL,
    input_fingerprint text NOT NULL,
    as_of date NOT NULL,
    known_at timestamptz NOT NULL,
    label text,
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL,
    recorded_unit text NOT NULL,
    result text NOT NULL
  )`,
  `CREATE INDEX ledger_assessment_by_campaign ON ledger_assessment (campaign, id)`,
  `CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is refused; file a correction instead', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'restrict_violation';
  END
  $$`,
  ...["ledger_submission", "ledger_record", "ledger_assessment"].flatMap((table) => [
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`
  ])
]

const statements = (list: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    for (const s of list) yield* sql.unsafe(s)
  })

/** The migrations, in order. */
export const loader = Migrator.fromRecord({
  "1_ledger": statements(schema)
})

/** Runs the migrations not yet applied (under a table lock on PostgreSQL). */
export const migrate = Migrator.make({})({
  loader,
  table: "ledger_migrations"
})
