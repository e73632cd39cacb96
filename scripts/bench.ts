// `npm run bench`: the services at the scale of a large call (10,000 files), on a real SQLite file.
// Everything goes through `dispatch`, as the windows and the browser mode do. Results are printed and
// merged into bench-results.json at the repository root. To add a measure: time it, then `record(...)`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor, Call, CandidateRow } from '../shared/model/entities.js';
import { checkCandidateDraft, type CandidateDraft, type CandidateInput } from '../shared/domain/candidate.js';
import type { CallDraft } from '../shared/domain/call.js';
import type { CandidateFilter } from '../shared/domain/candidate-list.js';
import { DISCIPLINES, type ApplicationStatus } from '../shared/model/referential.js';
import { openDatabase } from '../electron/services/db/open.js';
import { createServices, type Services } from '../electron/services/index.js';
import ExcelJS from 'exceljs';
import type { ExportedFile, IntakePreview, IntakeResult } from '../shared/model/intake.js';
import { consolidate } from '../shared/domain/scoring.js';
import type { Consolidation, Criterion } from '../shared/model/scoring.js';
import { createRecorder, type Recorder, formatTable, median, medianMs, rssMb, seededRandom, timeMs, writeResults } from './bench-kit.js';
import { benchPlanner } from './planner-reference/bench-planner.js';

const here = dirname(fileURLToPath(import.meta.url));
// dist/scripts -> repository root
const RESULTS_FILE = resolve(here, '../../bench-results.json');

const CANDIDATES = 10_000;
const SEED = 20260515;
const LIST_RUNS = 7;
// Mid-campaign: a few files arrive after the deadline of 15/05/2026.
const NOW = new Date('2026-05-20T10:00:00.000Z');
const ACTOR: Actor = { name: 'Banc d’essai', email: 'banc.essai@ac-bench.example' };
const FILTER: CandidateFilter = {
  search: 'mar',
  discipline: 'mathematiques',
  sort: { key: 'nom', direction: 'asc' },
};

// ---------------------------------------------------------------------------------------------
// Fictional data set

const NOMS = [
  'MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT',
  'SIMON', 'MICHEL', 'LEFÈVRE', 'LEROY', 'ROUX', 'DAVID', 'BERTRAND', 'MOREL', 'FOURNIER', 'GIRARD',
  'BONNET', 'DUPONT', 'LAMBERT', 'FONTAINE', 'ROUSSEAU', 'VINCENT', 'MULLER', 'FAURE', 'ANDRÉ', 'MERCIER',
  'BLANC', 'GUÉRIN', 'BOYER', 'GARNIER', 'CHEVALIER', 'FRANÇOIS', 'LEGRAND', 'GAUTHIER', 'GARCIA', 'PERRIN',
  'ROBIN', 'CLÉMENT', 'MORIN', 'NICOLAS', 'HENRY', 'ROUSSEL', 'MATHIEU', 'MARCHAND', 'ARNAUD', 'N’DIAYE',
];
const PRENOMS = [
  'Camille', 'Julien', 'Inès', 'Mathieu', 'Sophie', 'Nicolas', 'Lucie', 'Antoine', 'Claire', 'Thomas',
  'Anna', 'Hugo', 'Élodie', 'Baptiste', 'Margaux', 'Yanis', 'Laura', 'Damien', 'Mélanie', 'Romain',
  'Aurélie', 'Paul', 'Nadia', 'Frédéric', 'Sarah', 'Karim', 'Anne', 'Olivier', 'Lina', 'Marc',
  'Chloé', 'Maxime', 'Léa', 'Quentin', 'Manon', 'Jérôme', 'Hélène', 'Samir', 'Zoé', 'Marie-Hélène',
];
const POSTINGS: ReadonlyArray<readonly [etablissement: string, ville: string, codePostal: string]> = [
  ['Lycée d’Altitude', 'Briançon', '05100'],
  ['Collège Les Garcins', 'Briançon', '05100'],
  ['Lycée Alpes et Durance', 'Embrun', '05200'],
  ['Lycée Honoré Romane', 'Embrun', '05200'],
  ['Lycée Paul Langevin', 'Martigues', '13500'],
  ['Lycée Jean Lurçat', 'Martigues', '13500'],
  ['Collège Gérard Philipe', 'Martigues', '13500'],
  ['Collège Marcel Pagnol', 'Carry-le-Rouet', '13620'],
  ['Collège Henri Fabre', 'Vitrolles', '13127'],
  ['Collège Jean Giono', 'Le Rove', '13740'],
  ['Lycée Thiers', 'Marseille', '13001'],
  ['Lycée Saint-Exupéry', 'Marseille', '13015'],
  ['Collège Longchamp', 'Marseille', '13004'],
  ['Lycée Cézanne', 'Aix-en-Provence', '13100'],
  ['Collège Mignet', 'Aix-en-Provence', '13100'],
  ['Lycée Frédéric Mistral', 'Avignon', '84000'],
  ['Collège Anne Frank', 'Carpentras', '84200'],
  ['Lycée Dominique Villars', 'Gap', '05000'],
  ['Lycée Félix Esclangon', 'Manosque', '04100'],
  ['Collège Marie Mauron', 'Digne-les-Bains', '04000'],
];
const STREETS = ['rue de la République', 'avenue Jean Jaurès', 'chemin des Oliviers', 'boulevard Mongin', 'place de l’Église', 'impasse des Calanques'];
const CAREERS: ReadonlyArray<readonly [corps: string, grade: string]> = [
  ['Certifié', 'Classe normale'],
  ['Certifié', 'Hors classe'],
  ['Agrégé', 'Classe normale'],
  ['Agrégé', 'Hors classe'],
  ['Agrégé', 'Classe exceptionnelle'],
  ['PLP', 'Classe normale'],
];
const MOTIVATIONS = [
  'Porter la culture scientifique dans le réseau et fédérer les référents culture.',
  'Développer la fête de la science et les partenariats avec les laboratoires du territoire.',
  'Accompagner les clubs sciences des collèges et lycées du réseau.',
  'Construire des projets croisés entre disciplines et avec les collectivités.',
  'Mettre mon expérience de coordination au service des établissements du réseau.',
];
// The four disciplines of the call most of the time, others (not eligible) now and then.
const MAIN_DISCIPLINES = ['mathematiques', 'physique-chimie', 'svt', 'technologie'];
const OTHER_DISCIPLINES = DISCIPLINES.map((d) => d.code).filter((c) => !MAIN_DISCIPLINES.includes(c));
const STATUS_WEIGHTS: ReadonlyArray<readonly [ApplicationStatus, number]> = [
  ['recue', 45],
  ['en_instruction', 25],
  ['convoquee', 10],
  ['retenue', 3],
  ['liste_complementaire', 4],
  ['non_retenue', 10],
  ['retiree', 3],
];

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** 10,000 valid drafts as the form would send them (French dates, some labels instead of codes, some gaps). */
function generateDrafts(count: number, postIds: readonly [number, number], seed: number): CandidateDraft[] {
  const rnd = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const chance = (p: number) => rnd() < p;
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = rnd() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  const [p1, p2] = postIds;
  const drafts: CandidateDraft[] = [];
  // Nom + prénom + date de naissance identify a person (the import merges such rows): keep them distinct.
  const identities = new Set<string>();
  const birthDate = (nom: string, prenom: string): string => {
    for (;;) {
      const date = `${pad2(1 + Math.floor(rnd() * 28))}/${pad2(1 + Math.floor(rnd() * 12))}/${1962 + Math.floor(rnd() * 40)}`;
      if (!identities.has(`${nom}|${prenom}|${date}`)) {
        identities.add(`${nom}|${prenom}|${date}`);
        return date;
      }
    }
  };
  for (let i = 0; i < count; i++) {
    const nom = pick(NOMS);
    const prenom = pick(PRENOMS);
    const [etablissement, ville, cp] = pick(POSTINGS);
    const code = chance(0.9) ? pick(MAIN_DISCIPLINES) : pick(OTHER_DISCIPLINES);
    // A tenth typed as a label ("Sciences de la vie et de la Terre") rather than chosen from the list.
    const discipline = chance(0.1) ? DISCIPLINES.find((d) => d.code === code)!.label : code;
    const [corps, grade] = pick(CAREERS);
    const statut = weighted<string>([
      ['titulaire', 85],
      ['contractuel', 8],
      ['stagiaire', 5],
      ['', 2],
    ]);
    // Received between 01/04/2026 and 20/05/2026; the deadline is 15/05.
    const received = new Date(Date.UTC(2026, 3, 1) + Math.floor(rnd() * 50) * 86_400_000);
    const wishes = weighted<number[]>([
      [[p1], 40],
      [[p2], 35],
      [[p1, p2], 10],
      [[p2, p1], 10],
      [[], 5],
    ]);
    drafts.push({
      nom,
      prenom,
      dateNaissance: chance(0.97) ? birthDate(nom, prenom) : '',
      discipline,
      adresse: chance(0.96) ? `${1 + Math.floor(rnd() * 120)} ${pick(STREETS)}, ${cp} ${ville}` : '',
      telephone: chance(0.97) ? `06 ${pad2(Math.floor(rnd() * 100))} ${pad2(Math.floor(rnd() * 100))} ${pad2(Math.floor(rnd() * 100))} ${pad2(Math.floor(rnd() * 100))}` : '',
      statut,
      corps: statut === 'contractuel' ? 'Contractuel' : corps,
      grade: statut === 'contractuel' ? 'Catégorie A' : grade,
      echelon: statut === 'contractuel' ? '' : String(1 + Math.floor(rnd() * 11)),
      etablissement,
      ville,
      // The index keeps the academic mail unique within the call, as the database requires.
      email: `${fold(prenom)}.${fold(nom)}${i + 1}@ac-bench.example`,
      experience: 'Coordination de projets scientifiques en établissement, accompagnement de clubs sciences.',
      motivations: chance(0.97) ? pick(MOTIVATIONS) : '',
      wishes,
      receivedOn: `${pad2(received.getUTCDate())}/${pad2(received.getUTCMonth() + 1)}/${received.getUTCFullYear()}`,
      status: weighted(STATUS_WEIGHTS),
    });
  }
  return drafts;
}

const CALL_DRAFT: CallDraft = {
  title: 'Professeur relais territorial CSTI — banc d’essai',
  reference: 'BENCH-CSTI-2026',
  academie: 'Aix-Marseille',
  employer: 'Rectorat de l’académie d’Aix-Marseille',
  location: 'Académie d’Aix-Marseille',
  category: 'Mission particulière',
  description: 'Appel fictif du banc d’essai : 10 000 candidatures.',
  acceptedStatuses: ['titulaire'],
  acceptedDisciplines: MAIN_DISCIPLINES,
  deadline: '15/05/2026',
  interviewStart: '01/06/2026',
  interviewEnd: '30/06/2026',
  interviewPlace: 'Rectorat',
  presidedBy: 'Le CAST',
  panelSize: '5',
  contactEmail: 'csti@ac-bench.example',
  subjectPattern: 'Candidature – NOM PRÉNOM',
  posts: [
    { label: 'Professeur relais territorial CSTI', site: 'Réseau Les Écrins', places: '1' },
    { label: 'Professeur relais territorial CSTI', site: 'Réseau Côte Bleue – La Nerthe', places: '1' },
  ],
};

// ---------------------------------------------------------------------------------------------

async function call<T>(services: Services, method: string, args: unknown): Promise<T> {
  const envelope = await services.dispatch(method, args, { actor: ACTOR });
  if (!envelope.ok) throw new Error(`${method} : ${envelope.error.code} — ${envelope.error.message} ${JSON.stringify(envelope.error.fieldErrors ?? {})}`);
  return envelope.result as T;
}

/** The same rows straight into a second file with better-sqlite3: one transaction, no checks, no journal. */
function bareInsert(file: string, inputs: readonly CandidateInput[], postIds: readonly number[]): number {
  const db = openDatabase(file);
  try {
    const at = NOW.toISOString();
    const callId = Number(
      db.prepare("INSERT INTO calls (title, created_at, updated_at) VALUES ('Banc d’essai brut', ?, ?)").run(at, at).lastInsertRowid,
    );
    const posts = postIds.map((_, i) =>
      Number(db.prepare('INSERT INTO posts (call_id, label, places, position) VALUES (?, ?, 1, ?)').run(callId, `Poste ${i + 1}`, i).lastInsertRowid),
    );
    const remap = new Map(postIds.map((id, i) => [id, posts[i]!]));
    const insertCandidate = db.prepare(
      `INSERT INTO candidates (call_id, nom, prenom, date_naissance, discipline, adresse, telephone, statut, corps, grade, echelon,
         etablissement, ville, email, experience, motivations, received_on, status, created_at, updated_at)
       VALUES (@call_id, @nom, @prenom, @date_naissance, @discipline, @adresse, @telephone, @statut, @corps, @grade, @echelon,
         @etablissement, @ville, @email, @experience, @motivations, @received_on, @status, @at, @at)`,
    );
    const insertWish = db.prepare('INSERT INTO candidate_wishes (candidate_id, post_id, rank) VALUES (?, ?, ?)');
    const start = performance.now();
    db.transaction(() => {
      for (const c of inputs) {
        const id = insertCandidate.run({
          call_id: callId,
          nom: c.nom,
          prenom: c.prenom,
          date_naissance: c.dateNaissance,
          discipline: c.discipline,
          adresse: c.adresse,
          telephone: c.telephone,
          statut: c.statut,
          corps: c.corps,
          grade: c.grade,
          echelon: c.echelon,
          etablissement: c.etablissement,
          ville: c.ville,
          email: c.email,
          experience: c.experience,
          motivations: c.motivations,
          received_on: c.receivedOn,
          status: c.status,
          at,
        }).lastInsertRowid;
        c.wishes.forEach((w, rank) => insertWish.run(id, remap.get(w)!, rank + 1));
      }
    })();
    return performance.now() - start;
  } finally {
    db.close();
  }
}

/**
 * The commission's consolidation (issue 6) on 10,000 candidates × 10 members × 12 criteria, all sheets
 * submitted, a few recusals: the pure function the evaluations screen calls, target ≤ 200 ms.
 */
async function benchConsolidation(record: Recorder['record']): Promise<void> {
  const random = seededRandom(SEED);
  const criteria: Criterion[] = Array.from({ length: 12 }, (_, i) => ({
    key: `c${i + 1}`, label: `Critère ${i + 1}`, description: '', weight: 1 + (i % 3), min: 0, max: i % 4 === 0 ? 20 : 4,
    levels: [], eliminatory: i === 11, threshold: i === 11 ? 1 : null, comment: false,
  }));
  const memberIds = Array.from({ length: 10 }, (_, i) => i + 1);
  const candidateIds = Array.from({ length: CANDIDATES }, (_, i) => i + 1);
  const sheets = candidateIds.flatMap((candidateId) =>
    memberIds.map((memberId) => ({
      candidateId,
      memberId,
      status: 'soumise' as const,
      scores: criteria.map((c) => ({ criterionKey: c.key, value: Math.floor(random() * (c.max + 1)), comment: '' })),
    })),
  );
  const recusals = candidateIds.filter((id) => id % 97 === 0).map((candidateId) => ({ candidateId, memberId: 1 + (candidateId % 10) }));
  let result: Consolidation | null = null;
  const ms = await medianMs(() => {
    result = consolidate({ phase: 'dossier', criteria, candidateIds, memberIds, sheets, recusals, disagreementShare: 0.25 });
  }, 5);
  if (!result || (result as Consolidation).candidates.length !== CANDIDATES) throw new Error('Consolidation incomplète.');
  record('consolidation_10k_ms', ms, 'ms', 200);
}

async function main(): Promise<void> {
  const { record, measures } = createRecorder();
  // `npm run bench -- --planner`: only the interview planner's measures (about 15 s instead of over a minute).
  if (process.argv.includes('--planner')) {
    await benchPlanner(record);
    console.log(`\n${formatTable(measures)}`);
    writeResults(RESULTS_FILE, measures);
    return;
  }
  const started = performance.now();
  const baselineRss = rssMb();
  const dir = mkdtempSync(join(tmpdir(), 'commission-bench-'));
  let services: Services | undefined;
  try {
    services = createServices({ dataDir: join(dir, 'services'), now: () => NOW });
    const created = await call<Call>(services, 'calls-create', { call: CALL_DRAFT });
    const postIds = created.posts.map((p) => p.id) as [number, number];
    const drafts = generateDrafts(CANDIDATES, postIds, SEED);

    // Inserting: one dispatch (validation, transaction, journal line) per file, as the form does.
    const insertMs = await timeMs(async () => {
      for (const candidate of drafts) await call(services!, 'candidates-create', { callId: created.id, candidate });
    });
    record('candidates_insert_10k_ms', insertMs, 'ms', null);
    const afterInsertRss = rssMb();

    // The same rows, normalised beforehand, inserted bare in one transaction: the floor for comparison.
    const inputs = drafts.map((d) => {
      const checked = checkCandidateDraft(d, { today: '2026-05-20', postIds });
      if (!checked.ok) throw new Error(`Brouillon invalide : ${JSON.stringify(checked.errors)}`);
      return checked.value;
    });
    const bareMs = bareInsert(join(dir, 'bare.sqlite'), inputs, postIds);
    record('bare_insert_10k_ms', bareMs, 'ms', null);
    record('insert_dispatch_vs_bare_ratio', insertMs / bareMs, '×', null);

    // Listing: what the candidates screen asks for when it opens, then with a search typed in.
    let all: CandidateRow[] = [];
    let filtered: CandidateRow[] = [];
    const listAllMs = await medianMs(async () => {
      all = await call<CandidateRow[]>(services!, 'candidates-list', { callId: created.id });
    }, LIST_RUNS);
    const listFilterMs = await medianMs(async () => {
      filtered = await call<CandidateRow[]>(services!, 'candidates-list', { callId: created.id, filter: FILTER });
    }, LIST_RUNS);
    if (all.length !== CANDIDATES) throw new Error(`${all.length} dossiers listés au lieu de ${CANDIDATES}.`);
    if (filtered.length === 0 || filtered.length >= CANDIDATES) throw new Error(`Le filtre garde ${filtered.length} dossiers : il ne filtre rien d’utile.`);
    // Same interaction budget as the filtered list: it is what the screen shows when it opens.
    record('candidates_list_all_10k_ms', listAllMs, 'ms', 150);
    record('candidates_list_filter_10k_ms', listFilterMs, 'ms', 150);

    record('services_rss_baseline_mb', baselineRss, 'MiB', null);
    record('services_rss_after_insert_mb', afterInsertRss, 'MiB', null);
    record('services_rss_10k_mb', rssMb(), 'MiB', 300);

    await benchSpreadsheets(record, services, created.id, join(dir, 'import'));
    await benchConsolidation(record);
    // The reading worker has its own heap (capped at 768 MB); this is the main process after three imports.
    record('rss_after_imports_mb', rssMb(), 'MiB', null);
    await benchPlanner(record);

    console.log(
      `\nBanc d’essai — ${CANDIDATES.toLocaleString('fr-FR')} candidatures, 2 postes, graine ${SEED}, ` +
        `Node ${process.version}, ${process.platform}/${process.arch}`,
    );
    console.log(`Filtre : ${JSON.stringify(FILTER)} → ${filtered.length} dossiers ; médiane de ${LIST_RUNS} exécutions.\n`);
    console.log(formatTable(measures));
    writeResults(RESULTS_FILE, measures);
    console.log(`\nRésultats fusionnés dans ${RESULTS_FILE} (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  } finally {
    services?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Export and import of a 10,000-row workbook through dispatch, each beside a bare exceljs write or read of
 * the same cells in the same run: the ratio is what the app adds (validation lists, styles, zip guard,
 * worker, report, transaction) to what exceljs itself costs.
 */
async function benchSpreadsheets(record: Recorder['record'], services: Services, callId: number, importDir: string): Promise<void> {
  let exported: ExportedFile | null = null;
  const exportMs = await medianMs(async () => {
    exported = await call<ExportedFile>(services, 'candidates-export', { callId, format: 'xlsx' });
  }, 3);
  const bytes = Buffer.from(exported!.contentBase64, 'base64');

  // The same cells, written bare: values only, no styles, lists, filter or metadata.
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: unknown[][] = [];
  source.getWorksheet('Candidatures')!.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
  const bareWriteMs = await medianMs(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Candidatures').addRows(cells);
    await wb.xlsx.writeBuffer();
  }, 3);
  record('export_10k_ms', exportMs, 'ms', null);
  record('bare_write_10k_ms', bareWriteMs, 'ms', null);
  record('export_10k_ratio_vs_bare_write', exportMs / bareWriteMs, '×', 1.3);

  // Import into a fresh call each time, so that every row is new and written. The first import starts the
  // reading worker (cold); the median of three is the steady state a secretariat sees from the second file on.
  const importer = createServices({ dataDir: importDir, now: () => NOW });
  try {
    const contentBase64 = exported!.contentBase64;
    const importTimes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const target = await call<Call>(importer, 'calls-create', { call: CALL_DRAFT });
      let result: IntakeResult | null = null;
      let problems: unknown = null;
      importTimes.push(
        await timeMs(async () => {
          const preview = await call<IntakePreview>(importer, 'intake-open', { callId: target.id, intakeId: `bench-import-${run}`, fileName: 'bench.xlsx', contentBase64 });
          problems = preview.problems;
          result = await call<IntakeResult>(importer, 'intake-commit', { intakeId: preview.intakeId, sheetIndex: preview.sheetIndex, mapping: preview.mapping });
        }),
      );
      if (result!.created !== CANDIDATES) throw new Error(`Import : ${JSON.stringify(result)} au lieu de ${CANDIDATES} créations. ${JSON.stringify(problems)}`);
    }
    const bareReadMs = await medianMs(async () => {
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    }, 3);
    const importMs = median(importTimes);
    record('import_10k_first_ms', importTimes[0]!, 'ms', null);
    record('import_10k_ms', importMs, 'ms', null);
    record('bare_read_10k_ms', bareReadMs, 'ms', null);
    record('import_10k_ratio_vs_bare_read', importMs / bareReadMs, '×', 1.3);
  } finally {
    importer.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
