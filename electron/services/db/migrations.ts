// Numbered migrations, applied in order, one transaction each. Never edit one that has shipped:
// add the next number instead. Each has its own test in tests/integration/migrations.test.ts.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'appels, postes, candidatures, commission, journal',
    sql: `
      CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        reference TEXT NOT NULL DEFAULT '',
        academie TEXT NOT NULL DEFAULT '',
        employer TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        accepted_statuses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(accepted_statuses)),
        accepted_disciplines TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(accepted_disciplines)),
        deadline TEXT,
        interview_start TEXT,
        interview_end TEXT,
        interview_place TEXT NOT NULL DEFAULT '',
        presided_by TEXT NOT NULL DEFAULT '',
        panel_size INTEGER,
        contact_email TEXT NOT NULL DEFAULT '',
        subject_pattern TEXT NOT NULL DEFAULT '',
        demo_key TEXT UNIQUE,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        site TEXT NOT NULL DEFAULT '',
        places INTEGER NOT NULL CHECK (places >= 1),
        position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX posts_call ON posts(call_id, position);

      CREATE TABLE candidates (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        nom TEXT NOT NULL,
        prenom TEXT NOT NULL,
        date_naissance TEXT,
        discipline TEXT,
        adresse TEXT NOT NULL DEFAULT '',
        telephone TEXT NOT NULL DEFAULT '',
        statut TEXT CHECK (statut IN ('titulaire', 'stagiaire', 'contractuel')),
        corps TEXT NOT NULL DEFAULT '',
        grade TEXT NOT NULL DEFAULT '',
        echelon INTEGER,
        etablissement TEXT NOT NULL DEFAULT '',
        ville TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        experience TEXT NOT NULL DEFAULT '',
        motivations TEXT NOT NULL DEFAULT '',
        received_on TEXT,
        status TEXT NOT NULL DEFAULT 'recue',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX candidates_call ON candidates(call_id);
      -- One file per person and call: the academic mail identifies a teacher.
      CREATE UNIQUE INDEX candidates_call_email ON candidates(call_id, email) WHERE email <> '';

      CREATE TABLE candidate_wishes (
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE RESTRICT,
        rank INTEGER NOT NULL,
        PRIMARY KEY (candidate_id, rank),
        UNIQUE (candidate_id, post_id)
      ) STRICT;
      CREATE INDEX candidate_wishes_post ON candidate_wishes(post_id);

      CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('president', 'membre', 'secretariat', 'expert')),
        email TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX members_call ON members(call_id);

      CREATE TABLE inspectors (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        disciplines TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(disciplines))
      ) STRICT;
      CREATE INDEX inspectors_call ON inspectors(call_id);

      -- Who changed what and when. Ids only: the values themselves stay in their tables,
      -- so that erasing a person's data does not leave a copy here.
      CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        actor_email TEXT NOT NULL,
        method TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        call_id INTEGER
      ) STRICT;
      CREATE INDEX journal_call ON journal(call_id, id);
    `,
  },
  {
    version: 2,
    name: 'correspondances de colonnes retenues pour les imports',
    sql: `
      CREATE TABLE import_mappings (
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        -- The file's folded headers: the same spreadsheet layout gets the same mapping back.
        signature TEXT NOT NULL,
        mapping TEXT NOT NULL CHECK (json_valid(mapping)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (call_id, signature)
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'recevabilité : règles des appels, avis du chef d’établissement, décisions forcées, courriels et pièces',
    sql: `
      -- What a call requires beyond what the call itself states (statuses, disciplines, deadline and subject
      -- stay in calls: one place for each value).
      CREATE TABLE call_rules (
        call_id INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
        required_documents TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(required_documents)),
        required_level TEXT,
        required_academie TEXT,
        minimum_diploma INTEGER,
        wished_diploma INTEGER,
        require_monday_freed INTEGER NOT NULL DEFAULT 0 CHECK (require_monday_freed IN (0, 1)),
        require_head_opinion INTEGER NOT NULL DEFAULT 0 CHECK (require_head_opinion IN (0, 1)),
        commission_criteria TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(commission_criteria)),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- One line per application once the secretariat entered something about its admissibility.
      CREATE TABLE candidate_admissibility (
        candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
        academie TEXT NOT NULL DEFAULT '',
        teaching_level TEXT,
        diploma INTEGER,
        -- The mail's instant when the application came by mail (received_on keeps the Paris day).
        received_at TEXT,
        head_avis TEXT CHECK (head_avis IN ('favorable', 'reserve', 'defavorable')),
        head_motivation TEXT NOT NULL DEFAULT '',
        head_monday_freed TEXT CHECK (head_monday_freed IN ('oui', 'non', 'non_precise')),
        head_signed_by TEXT NOT NULL DEFAULT '',
        head_signed_on TEXT,
        head_entered_by TEXT NOT NULL DEFAULT '',
        head_entered_at TEXT,
        override_status TEXT CHECK (override_status IN ('recevable', 'incomplet', 'irrecevable')),
        override_motivation TEXT NOT NULL DEFAULT '',
        override_by TEXT NOT NULL DEFAULT '',
        override_at TEXT
      ) STRICT;

      CREATE TABLE candidate_mails (
        id INTEGER PRIMARY KEY,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        -- Of the mail read (the outer one for a forward): the same mail dropped twice is recognised.
        message_id TEXT,
        content_sha256 TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        from_name TEXT NOT NULL DEFAULT '',
        from_address TEXT NOT NULL DEFAULT '',
        sent_at TEXT,
        forward_note TEXT NOT NULL DEFAULT '',
        body_text TEXT NOT NULL DEFAULT '',
        warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX candidate_mails_candidate ON candidate_mails(candidate_id, id);
      CREATE UNIQUE INDEX candidate_mails_call_content ON candidate_mails(call_id, content_sha256);
      CREATE INDEX candidate_mails_call_message ON candidate_mails(call_id, message_id) WHERE message_id IS NOT NULL;

      -- The files themselves are in the data folder, named by their SHA-256 (same content stored once).
      CREATE TABLE candidate_documents (
        id INTEGER PRIMARY KEY,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        mail_id INTEGER REFERENCES candidate_mails(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('annexe2', 'avis_chef', 'cv', 'lettre_motivation', 'autre')),
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        added_at TEXT NOT NULL,
        UNIQUE (candidate_id, sha256)
      ) STRICT;
      CREATE INDEX candidate_documents_sha ON candidate_documents(sha256);
    `,
  },
  {
    version: 4,
    name: 'avis des IA-IPR : attributions, demandes, avis et historique',
    sql: `
      -- Only the secretariat's choices: the inspector of the discipline is found again at each reading.
      CREATE TABLE opinion_assignments (
        candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
        inspector_id INTEGER NOT NULL REFERENCES inspectors(id) ON DELETE CASCADE,
        chosen_by TEXT NOT NULL,
        chosen_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE opinion_requests (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        -- An inspector who was asked cannot be removed: the requests and their dates are part of the record.
        inspector_id INTEGER NOT NULL REFERENCES inspectors(id) ON DELETE RESTRICT,
        requested_at TEXT NOT NULL,
        due_on TEXT NOT NULL,
        reminder INTEGER NOT NULL DEFAULT 0 CHECK (reminder IN (0, 1)),
        requested_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX opinion_requests_call ON opinion_requests(call_id, inspector_id);

      -- What was sent, as it was sent: the returned workbook's identity columns are checked against it.
      CREATE TABLE opinion_request_items (
        request_id INTEGER NOT NULL REFERENCES opinion_requests(id) ON DELETE CASCADE,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        nom TEXT NOT NULL,
        prenom TEXT NOT NULL,
        discipline TEXT,
        PRIMARY KEY (request_id, candidate_id)
      ) STRICT;
      CREATE INDEX opinion_request_items_candidate ON opinion_request_items(candidate_id);

      CREATE TABLE ipr_opinions (
        candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
        inspector_id INTEGER REFERENCES inspectors(id) ON DELETE SET NULL,
        inspector_name TEXT NOT NULL,
        avis TEXT NOT NULL CHECK (avis IN ('tres_favorable', 'favorable', 'reserve', 'defavorable')),
        motivation TEXT NOT NULL DEFAULT '',
        given_on TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('classeur', 'saisie')),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE ipr_opinion_history (
        id INTEGER PRIMARY KEY,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        reason TEXT NOT NULL,
        before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json))
      ) STRICT;
      CREATE INDEX ipr_opinion_history_candidate ON ipr_opinion_history(candidate_id, id);
    `,
  },
  {
    version: 5,
    name: 'grilles d’évaluation, fiches des membres, liens d’intérêts',
    sql: `
      -- A member's school, when known: the app proposes the conflicts of interest it implies.
      ALTER TABLE members ADD COLUMN etablissement TEXT NOT NULL DEFAULT '';

      CREATE TABLE grids (
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        phase TEXT NOT NULL CHECK (phase IN ('dossier', 'entretien')),
        sections TEXT NOT NULL CHECK (json_valid(sections)),
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (call_id, phase)
      ) STRICT;

      CREATE TABLE scoring_settings (
        call_id INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
        visibility TEXT NOT NULL CHECK (visibility IN ('apres_soumission', 'toujours', 'jamais')),
        deliberation_open INTEGER NOT NULL DEFAULT 0 CHECK (deliberation_open IN (0, 1)),
        disagreement_share REAL NOT NULL CHECK (disagreement_share > 0 AND disagreement_share <= 1)
      ) STRICT;

      CREATE TABLE score_sheets (
        id INTEGER PRIMARY KEY,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        phase TEXT NOT NULL CHECK (phase IN ('dossier', 'entretien')),
        status TEXT NOT NULL CHECK (status IN ('brouillon', 'soumise')),
        comment TEXT NOT NULL DEFAULT '',
        grid_version INTEGER NOT NULL,
        -- Moves at each save: a scoring workbook carries it, so that a score changed in the app since the
        -- export is recognised as a conflict rather than silently overwritten.
        revision INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        UNIQUE (candidate_id, member_id, phase)
      ) STRICT;
      CREATE INDEX score_sheets_member ON score_sheets(member_id, phase);

      CREATE TABLE scores (
        sheet_id INTEGER NOT NULL REFERENCES score_sheets(id) ON DELETE CASCADE,
        criterion_key TEXT NOT NULL,
        value INTEGER,
        comment TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (sheet_id, criterion_key)
      ) STRICT;

      CREATE TABLE conflicts_of_interest (
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('meme_etablissement', 'meme_reseau', 'hierarchique', 'personnel', 'autre')),
        note TEXT NOT NULL DEFAULT '',
        declared_by TEXT NOT NULL,
        declared_at TEXT NOT NULL,
        PRIMARY KEY (candidate_id, member_id)
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'planning des entretiens',
    sql: `
      -- The secretariat's settings for a call's interviews (absent: the defaults drawn from the call), and a
      -- revision every planning change increases: a proposal computed at one revision applies only to it.
      CREATE TABLE planner_settings (
        call_id INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
        settings TEXT CHECK (settings IS NULL OR json_valid(settings)),
        revision INTEGER NOT NULL DEFAULT 0,
        planned_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- A member's availability or a candidate's unavailabilities and preferences; erased with the person.
      CREATE TABLE planner_constraints (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        member_id INTEGER UNIQUE REFERENCES members(id) ON DELETE CASCADE,
        candidate_id INTEGER UNIQUE REFERENCES candidates(id) ON DELETE CASCADE,
        availability TEXT NOT NULL CHECK (json_valid(availability)),
        preferred TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(preferred)),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        CHECK ((member_id IS NULL) <> (candidate_id IS NULL))
      ) STRICT;
      CREATE INDEX planner_constraints_call ON planner_constraints(call_id);

      -- One interview per candidate. convoked_for: the 'date start room' the last convocation announced.
      CREATE TABLE interview_slots (
        candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        start TEXT NOT NULL,
        end TEXT NOT NULL,
        room_id TEXT NOT NULL,
        member_ids TEXT NOT NULL CHECK (json_valid(member_ids)),
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        convoked_at TEXT,
        convoked_for TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX interview_slots_call ON interview_slots(call_id, date, start);

      -- A convocation sent for an interview that no longer exists (withdrawn, removed, unplaced): the candidate
      -- must be told; kept until the secretariat says so or a new convocation replaces it.
      CREATE TABLE interview_cancellations (
        candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        convoked_for TEXT NOT NULL,
        convoked_at TEXT NOT NULL,
        cancelled_at TEXT NOT NULL
      ) STRICT;

      -- Why the last applied run could not place a candidate.
      CREATE TABLE planner_unplaced (
        candidate_id INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
