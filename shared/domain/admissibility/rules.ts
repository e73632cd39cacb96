// The admissibility rules engine: pure and deterministic (no clock: "now" is given). Each rule is a small
// function with a stable RuleId that says, in French, which value breaks which rule.
//
// Precedence: a refused rule makes the application irrecevable, whatever is missing besides; something
// missing (that can still be sent) makes it incomplet; warnings (Bac+3 wished, reserved opinion…) leave it
// recevable. Every reason is listed: refused first, then missing, then warnings, in rule order.
import type { FieldErrors } from '../../contract/errors.js';
import {
  ACADEMIES,
  DIPLOMA_LEVELS,
  DIPLOMA_LEVEL_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  OVERRIDE_LIMITS,
  RULE_IDS,
  TEACHING_LEVELS,
  TEACHING_LEVEL_AUDIENCES,
  TEACHING_LEVEL_LABELS,
  VERDICT_STATUSES,
  VERDICT_STATUS_LABELS,
  ANNEXE2_FIELDS,
  ANNEXE2_FIELD_LABELS,
  type ApplicationFacts,
  type CallRules,
  type DiplomaLevel,
  type DocumentKind,
  type EffectiveVerdict,
  type ReasonKind,
  type RuleId,
  type TeachingLevel,
  type Verdict,
  type VerdictOverride,
  type VerdictReason,
  type VerdictStatus,
} from '../../model/admissibility.js';
import type { Call, IsoDate, IsoInstant } from '../../model/entities.js';
import { AGENT_STATUSES, AGENT_STATUS_LABELS, type AgentStatus, disciplineLabel, isDisciplineCode } from '../../model/referential.js';
import { formatFrenchDate, isIsoDate } from '../dates.js';
import { cleanMultiline, cleanText, deName } from '../text.js';
import { formatMoment, readMoment } from './deadline.js';
import { findAcademie, sameAcademie } from './facts.js';
import { parseApplicationSubject, patternHasPlaceholder } from './subject.js';

export interface EvaluationOptions {
  /** Today (an instant or a Paris day), from the injected clock: flags dates in the future. Omitted: not checked. */
  now?: IsoInstant | IsoDate;
  /** The réseaux (sites) of the call's posts, to read the mail subject. */
  networks?: readonly string[];
}

interface RuleContext {
  /** Paris day of `now`, or null. */
  today: IsoDate | null;
  networks: readonly string[];
}

type Rule = (facts: ApplicationFacts, rules: CallRules, ctx: RuleContext) => VerdictReason[];

// ---------------------------------------------------------------------------------------------
// French phrasing.

const STATUS_PLURALS: Record<AgentStatus, string> = {
  titulaire: 'titulaires',
  stagiaire: 'stagiaires',
  contractuel: 'contractuels',
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('fr-FR') + text.slice(1);
}

/** « a », « a et b », « a, b et c ». */
function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function academieName(name: string): string {
  return findAcademie(name)?.name ?? name;
}

function reason(rule: RuleId, kind: ReasonKind, message: string): VerdictReason {
  return { rule, kind, message };
}

const HEAD = 'chef d’établissement';

// ---------------------------------------------------------------------------------------------
// The rules, in the order their reasons are listed.

const deadlineRule: Rule = (facts, rules, ctx) => {
  const reasons: VerdictReason[] = [];
  const moment = facts.received === null ? null : readMoment(facts.received);
  if (facts.received !== null && !moment) {
    return [reason('delai', 'missing', `Date de réception illisible : « ${facts.received} ». Corrigez-la dans le dossier.`)];
  }
  if (rules.deadline !== null) {
    if (!isIsoDate(rules.deadline)) {
      reasons.push(reason('delai', 'warning', `Date limite de l’appel illisible : « ${rules.deadline} ». Corrigez les règles de l’appel.`));
    } else if (!moment) {
      reasons.push(
        reason('delai', 'missing', `Date de réception inconnue : la date limite du ${formatFrenchDate(rules.deadline)} ne peut pas être vérifiée.`),
      );
    } else if (moment.date > rules.deadline) {
      reasons.push(reason('delai', 'refused', `Reçu le ${formatMoment(moment)}, après la date limite du ${formatFrenchDate(rules.deadline)}.`));
    }
  }
  if (moment && ctx.today && moment.date > ctx.today) {
    reasons.push(
      reason('delai', 'warning', `Reçu le ${formatMoment(moment)}, date postérieure à aujourd’hui (${formatFrenchDate(ctx.today)}) : vérifiez la saisie.`),
    );
  }
  return reasons;
};

const statusRule: Rule = (facts, rules) => {
  if (rules.acceptedStatuses.length === 0) return [];
  const audience = `l’appel est réservé ${frenchList(rules.acceptedStatuses.map((s) => `aux ${STATUS_PLURALS[s]}`))}.`;
  if (!facts.statut) return [reason('statut', 'missing', `Statut non renseigné : ${audience}`)];
  if (rules.acceptedStatuses.includes(facts.statut)) return [];
  return [reason('statut', 'refused', `Statut « ${AGENT_STATUS_LABELS[facts.statut]} » : ${audience}`)];
};

const levelRule: Rule = (facts, rules) => {
  if (!rules.requiredLevel) return [];
  const audience = `l’appel est réservé ${TEACHING_LEVEL_AUDIENCES[rules.requiredLevel]}.`;
  if (!facts.teachingLevel) return [reason('niveau', 'missing', `Niveau d’enseignement non renseigné : ${audience}`)];
  if (facts.teachingLevel === rules.requiredLevel) return [];
  return [reason('niveau', 'refused', `Niveau d’enseignement « ${TEACHING_LEVEL_LABELS[facts.teachingLevel]} » : ${audience}`)];
};

const academieRule: Rule = (facts, rules) => {
  const required = rules.requiredAcademie?.trim();
  if (!required) return [];
  const audience = `l’appel est réservé aux personnels affectés dans l’académie ${deName(academieName(required))}.`;
  const written = facts.academie?.trim();
  if (!written) return [reason('academie', 'missing', `Académie d’affectation non renseignée : ${audience}`)];
  if (sameAcademie(written, required)) return [];
  return [reason('academie', 'refused', `Académie d’affectation « ${academieName(written)} » : ${audience}`)];
};

const disciplineRule: Rule = (facts, rules) => {
  if (rules.acceptedDisciplines.length === 0) return [];
  const audience = `l’appel est réservé à ${rules.acceptedDisciplines.map((d) => disciplineLabel(d)).join(', ')}.`;
  if (!facts.discipline) return [reason('discipline', 'missing', `Discipline non renseignée : ${audience}`)];
  if (rules.acceptedDisciplines.includes(facts.discipline)) return [];
  return [reason('discipline', 'refused', `Discipline « ${disciplineLabel(facts.discipline)} » : ${audience}`)];
};

const minimumDiplomaRule: Rule = (facts, rules) => {
  if (rules.minimumDiploma === null) return [];
  const rule = `l’appel exige au minimum « ${DIPLOMA_LEVEL_LABELS[rules.minimumDiploma]} ».`;
  if (facts.diploma === null) return [reason('diplome_minimum', 'missing', `Niveau de diplôme non renseigné : ${rule}`)];
  if (facts.diploma >= rules.minimumDiploma) return [];
  return [reason('diplome_minimum', 'refused', `Diplôme « ${DIPLOMA_LEVEL_LABELS[facts.diploma]} » : ${rule}`)];
};

const wishedDiplomaRule: Rule = (facts, rules) => {
  if (rules.wishedDiploma === null) return [];
  const wished = `« ${DIPLOMA_LEVEL_LABELS[rules.wishedDiploma]} »`;
  if (facts.diploma === null) {
    // Already asked for by the minimum rule.
    if (rules.minimumDiploma !== null) return [];
    return [reason('diplome_souhaite', 'warning', `Niveau de diplôme non renseigné : l’appel souhaite ${wished}.`)];
  }
  if (facts.diploma >= rules.wishedDiploma) return [];
  // Below the minimum: the refusal says it all.
  if (rules.minimumDiploma !== null && facts.diploma < rules.minimumDiploma) return [];
  return [
    reason(
      'diplome_souhaite',
      'warning',
      `Diplôme « ${DIPLOMA_LEVEL_LABELS[facts.diploma]} » : en dessous du niveau souhaité ${wished} (sans effet sur la recevabilité).`,
    ),
  ];
};

/** The head's opinion counts as the document when it has been entered. */
function hasDocument(facts: ApplicationFacts, kind: DocumentKind): boolean {
  return facts.documents.includes(kind) || (kind === 'avis_chef' && facts.headOpinion !== null);
}

const documentsRule: Rule = (facts, rules) =>
  [...new Set(rules.requiredDocuments)]
    .filter((kind) => !hasDocument(facts, kind))
    .map((kind) => reason('pieces', 'missing', `Pièce manquante : ${lowerFirst(DOCUMENT_KIND_LABELS[kind])}.`));

const annexe2Rule: Rule = (facts, rules) => {
  if (!rules.requiredDocuments.includes('annexe2') || !facts.documents.includes('annexe2')) return [];
  const missing = ANNEXE2_FIELDS.filter((field) => !facts.annexe2Filled.includes(field));
  if (missing.length === 0) return [];
  return [reason('annexe2', 'missing', `Annexe 2 incomplète : ${missing.map((f) => ANNEXE2_FIELD_LABELS[f]).join(', ')}.`)];
};

const headOpinionRule: Rule = (facts, rules, ctx) => {
  const required = rules.requireHeadOpinion || rules.requireMondayFreed;
  const opinion = facts.headOpinion;
  if (!opinion) {
    if (!required) return [];
    if (facts.documents.includes('avis_chef')) {
      return [reason('avis_chef', 'missing', `Avis du ${HEAD} joint mais non saisi : renseignez-le dans le dossier.`)];
    }
    // Already listed as a missing document.
    if (rules.requiredDocuments.includes('avis_chef')) return [];
    return [reason('avis_chef', 'missing', `Pièce manquante : ${lowerFirst(DOCUMENT_KIND_LABELS.avis_chef)}.`)];
  }
  const reasons: VerdictReason[] = [];
  if (required && !cleanText(opinion.motivation)) {
    reasons.push(reason('avis_chef', 'missing', `Avis du ${HEAD} non motivé : l’appel demande un avis motivé.`));
  }
  if (required && !cleanText(opinion.signedBy)) {
    reasons.push(reason('avis_chef', 'missing', `Avis du ${HEAD} non signé : indiquez qui l’a signé.`));
  }
  if (opinion.avis === 'defavorable') reasons.push(reason('avis_chef', 'warning', `Avis défavorable du ${HEAD}.`));
  if (opinion.avis === 'reserve') reasons.push(reason('avis_chef', 'warning', `Avis réservé du ${HEAD}.`));
  if (required && !opinion.signedOn) reasons.push(reason('avis_chef', 'warning', `Avis du ${HEAD} non daté.`));
  if (opinion.signedOn && ctx.today && opinion.signedOn > ctx.today) {
    reasons.push(
      reason(
        'avis_chef',
        'warning',
        `Avis du ${HEAD} daté du ${formatFrenchDate(opinion.signedOn)}, postérieur à aujourd’hui (${formatFrenchDate(ctx.today)}) : vérifiez la saisie.`,
      ),
    );
  }
  return reasons;
};

const mondayRule: Rule = (facts, rules) => {
  if (!rules.requireMondayFreed) return [];
  // Said under its own rule too, so that « Libération du lundi » finds every file where it is not confirmed.
  if (!facts.headOpinion) return [reason('lundi_libere', 'missing', `Libération du lundi non confirmée : l’avis du ${HEAD} n’est pas saisi.`)];
  if (facts.headOpinion.mondayFreed === 'non') {
    return [reason('lundi_libere', 'refused', `L’avis du ${HEAD} ne confirme pas la libération du lundi.`)];
  }
  if (facts.headOpinion.mondayFreed === 'non_precise') {
    return [reason('lundi_libere', 'missing', `L’avis du ${HEAD} ne précise pas si le lundi est libéré à l’emploi du temps.`)];
  }
  return [];
};

// The subject of each mail file is read again at each list load: remembered per subject, pattern and réseaux
// (bounded), since reading one costs about a thousand times the other rules.
const subjectProblems = new Map<string, readonly string[]>();

const subjectRule: Rule = (facts, rules, ctx) => {
  if (facts.subject === undefined || facts.subject === null || !patternHasPlaceholder(rules.subjectPattern)) return [];
  const key = `${rules.subjectPattern}\u0000${ctx.networks.join('\u0001')}\u0000${facts.subject}`;
  let problems = subjectProblems.get(key);
  if (!problems) {
    problems = parseApplicationSubject(facts.subject, rules.subjectPattern, ctx.networks).problems;
    if (subjectProblems.size >= 20_000) subjectProblems.clear();
    subjectProblems.set(key, problems);
  }
  return problems.map((problem) => reason('objet', 'warning', problem));
};

const RULES: Record<RuleId, Rule> = {
  delai: deadlineRule,
  statut: statusRule,
  niveau: levelRule,
  academie: academieRule,
  discipline: disciplineRule,
  diplome_minimum: minimumDiplomaRule,
  diplome_souhaite: wishedDiplomaRule,
  pieces: documentsRule,
  annexe2: annexe2Rule,
  avis_chef: headOpinionRule,
  lundi_libere: mondayRule,
  objet: subjectRule,
};

const KIND_ORDER: Record<ReasonKind, number> = { refused: 0, missing: 1, warning: 2 };

/** Evaluates an application against its call's rules. Pure: same facts, rules and options, same verdict. */
export function evaluateAdmissibility(facts: ApplicationFacts, rules: CallRules, options: EvaluationOptions = {}): Verdict {
  const ctx: RuleContext = {
    today: options.now ? (readMoment(options.now)?.date ?? null) : null,
    networks: options.networks ?? [],
  };
  // A plain loop: this runs for each of 10,000 files when the candidates table opens.
  const reasons: VerdictReason[] = [];
  for (const id of RULE_IDS) {
    const found = RULES[id](facts, rules, ctx);
    for (const r of found) reasons.push(r);
  }
  // Stable sort: rule order kept within each kind.
  if (reasons.length > 1) reasons.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const status: VerdictStatus = reasons.some((r) => r.kind === 'refused')
    ? 'irrecevable'
    : reasons.some((r) => r.kind === 'missing')
      ? 'incomplet'
      : 'recevable';
  return { status, reasons };
}

// ---------------------------------------------------------------------------------------------
// Overrides.

/** The override as the form holds it. */
export interface OverrideDraft {
  status: string;
  motivation: string;
  by: string;
  /** The instant of the decision, from the injected clock. */
  at: string;
}

export type OverrideCheck = { ok: true; value: VerdictOverride } | { ok: false; errors: FieldErrors; value: null };

const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Checks an override: a known verdict, different from the computed one when it is given, a written
 * motivation (10 characters at least), its author and its instant.
 */
export function checkOverride(input: OverrideDraft, computed?: VerdictStatus): OverrideCheck {
  const errors: FieldErrors = {};
  const status = input.status.trim();
  if (!(VERDICT_STATUSES as readonly string[]).includes(status)) {
    errors.status = status ? `Verdict inconnu : « ${status} ».` : 'Choisissez le verdict retenu : recevable, incomplet ou irrecevable.';
  } else if (computed && status === computed) {
    errors.status = `Le verdict des règles est déjà « ${VERDICT_STATUS_LABELS[computed]} » : il n’y a rien à forcer.`;
  }
  const motivation = cleanMultiline(input.motivation);
  if (!motivation) errors.motivation = 'La motivation est obligatoire pour forcer un verdict.';
  else if (motivation.length < OVERRIDE_LIMITS.minMotivation || !/\p{L}/u.test(motivation)) {
    errors.motivation = `La motivation doit être rédigée (${OVERRIDE_LIMITS.minMotivation} caractères au moins).`;
  } else if (motivation.length > OVERRIDE_LIMITS.maxMotivation) {
    errors.motivation = `La motivation : ${OVERRIDE_LIMITS.maxMotivation} caractères au plus.`;
  }
  const by = cleanText(input.by);
  if (!by) errors.by = 'L’auteur de la décision est obligatoire.';
  else if (by.length > OVERRIDE_LIMITS.maxBy) errors.by = `L’auteur de la décision : ${OVERRIDE_LIMITS.maxBy} caractères au plus.`;
  const at = input.at.trim();
  if (!ZONED_INSTANT.test(at) || !readMoment(at)) errors.at = `Date de la décision illisible : « ${input.at} ».`;
  if (Object.keys(errors).length > 0) return { ok: false, errors, value: null };
  return { ok: true, value: { status: status as VerdictStatus, motivation, by, at } };
}

/** The verdict that counts: the override's when there is one, with the rules' reasons kept and the override shown. */
export function applyOverride(verdict: Verdict, override: VerdictOverride | null): EffectiveVerdict {
  if (!override) return { status: verdict.status, reasons: verdict.reasons, computed: verdict.status, override: null, overrideNote: '' };
  const moment = readMoment(override.at);
  const when = moment ? ` le ${formatMoment(moment)}` : '';
  const label = VERDICT_STATUS_LABELS[override.status];
  const overrideNote =
    override.status === verdict.status
      ? `Verdict « ${label} » confirmé par ${override.by}${when} : « ${override.motivation} ».`
      : `Verdict forcé à « ${label} » par ${override.by}${when} : « ${override.motivation} ». Les règles donnent « ${VERDICT_STATUS_LABELS[verdict.status]} ».`;
  return { status: override.status, reasons: verdict.reasons, computed: verdict.status, override, overrideNote };
}

// ---------------------------------------------------------------------------------------------
// Rule sets.

/** Frozen with its lists, so that a shared rule set cannot be changed by mistake. */
function frozen(rules: CallRules): Readonly<CallRules> {
  for (const value of Object.values(rules)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(rules);
}

/** Rules that only say what a call already states: statuses, disciplines, deadline, subject. */
export function defaultRulesFromCall(call: Pick<Call, 'acceptedStatuses' | 'acceptedDisciplines' | 'deadline' | 'subjectPattern'>): CallRules {
  return {
    requiredDocuments: [],
    acceptedStatuses: [...call.acceptedStatuses],
    requiredLevel: null,
    requiredAcademie: null,
    acceptedDisciplines: [...call.acceptedDisciplines],
    minimumDiploma: null,
    wishedDiploma: null,
    deadline: call.deadline,
    requireMondayFreed: false,
    requireHeadOpinion: false,
    subjectPattern: call.subjectPattern,
    commissionCriteria: [],
  };
}

/**
 * CSTI relais territorial, rentrée 2026 (académie d’Aix-Marseille): « enseignants titulaires du second degré
 * affectés dans l’académie d’Aix-Marseille » teaching mathématiques, physique-chimie, SVT or technologie;
 * annexe 2 with the head of school's motivated opinion, which « prend en compte la libération de la journée
 * du lundi »; by e-mail « au plus tard le 15 mai 2026 ».
 */
export const CSTI_RULES: Readonly<CallRules> = frozen({
  requiredDocuments: ['annexe2', 'avis_chef'],
  acceptedStatuses: ['titulaire'],
  requiredLevel: 'second_degre',
  requiredAcademie: 'Aix-Marseille',
  acceptedDisciplines: ['mathematiques', 'physique-chimie', 'svt', 'technologie'],
  minimumDiploma: null,
  wishedDiploma: null,
  deadline: '2026-05-15',
  requireMondayFreed: true,
  requireHeadOpinion: true,
  subjectPattern: 'Candidature Relais territorial du réseau <réseau> – NOM PRÉNOM',
  commissionCriteria: [],
});

/**
 * ASTERIE tiers-lieu director (Nancy-Metz): « Emploi ouvert aux titulaires et aux contractuels »; « Niveau
 * d'études minimum requis : Niveau 4 Baccalauréat », « Bac+3 souhaité »; « Transmettre CV et lettre de
 * motivation avant le 31/08/2025 » (read as the last day, as the demo call does); no subject required.
 */
export const ASTERIE_RULES: Readonly<CallRules> = frozen({
  requiredDocuments: ['cv', 'lettre_motivation'],
  acceptedStatuses: ['titulaire', 'contractuel'],
  requiredLevel: null,
  requiredAcademie: null,
  acceptedDisciplines: [],
  minimumDiploma: 4,
  wishedDiploma: 6,
  deadline: '2025-08-31',
  requireMondayFreed: false,
  requireHeadOpinion: false,
  subjectPattern: '',
  commissionCriteria: ['Être un acteur local du territoire, avoir une connaissance du périmètre d’action du tiers-lieu éducatif (exigé).'],
});

// ---------------------------------------------------------------------------------------------
// Editing the rules.

export type RulesCheck = { ok: true; value: CallRules } | { ok: false; errors: FieldErrors; value: null };

export const RULES_LIMITS = { subjectPattern: 300, criterion: 500, criteria: 20 } as const;

/** Checks rules as the secretariat edits them, and normalises them (duplicates removed, text cleaned). */
export function checkCallRules(input: CallRules): RulesCheck {
  const errors: FieldErrors = {};
  const requiredDocuments: DocumentKind[] = [];
  for (const kind of input.requiredDocuments) {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) errors.requiredDocuments = `Pièce inconnue : « ${kind} ».`;
    else if (!requiredDocuments.includes(kind)) requiredDocuments.push(kind);
  }
  const acceptedStatuses: AgentStatus[] = [];
  for (const s of input.acceptedStatuses) {
    if (!(AGENT_STATUSES as readonly string[]).includes(s)) errors.acceptedStatuses = `Statut inconnu : « ${s} ».`;
    else if (!acceptedStatuses.includes(s)) acceptedStatuses.push(s);
  }
  if (input.requiredLevel !== null && !(TEACHING_LEVELS as readonly string[]).includes(input.requiredLevel)) {
    errors.requiredLevel = `Niveau d’enseignement inconnu : « ${String(input.requiredLevel)} ».`;
  }
  let requiredAcademie: string | null = cleanText(input.requiredAcademie) || null;
  if (requiredAcademie) {
    const found = findAcademie(requiredAcademie);
    if (found) requiredAcademie = found.name;
    else errors.requiredAcademie = `Académie inconnue : « ${requiredAcademie} ». Académies : ${ACADEMIES.map((a) => a.name).join(', ')}.`;
  }
  const acceptedDisciplines: string[] = [];
  for (const d of input.acceptedDisciplines) {
    if (!isDisciplineCode(d)) errors.acceptedDisciplines = `Discipline inconnue : « ${d} ».`;
    else if (!acceptedDisciplines.includes(d)) acceptedDisciplines.push(d);
  }
  const diploma = (field: 'minimumDiploma' | 'wishedDiploma', value: DiplomaLevel | null) => {
    if (value !== null && !(DIPLOMA_LEVELS as readonly number[]).includes(value)) errors[field] = `Niveau de diplôme inconnu : « ${String(value)} ».`;
  };
  diploma('minimumDiploma', input.minimumDiploma);
  diploma('wishedDiploma', input.wishedDiploma);
  if (input.minimumDiploma !== null && input.wishedDiploma !== null && input.wishedDiploma < input.minimumDiploma) {
    errors.wishedDiploma = 'Le diplôme souhaité ne peut pas être inférieur au diplôme minimum exigé.';
  }
  if (input.deadline !== null && !isIsoDate(input.deadline)) errors.deadline = `Date limite illisible : « ${input.deadline} ».`;
  const subjectPattern = cleanText(input.subjectPattern);
  if (subjectPattern.length > RULES_LIMITS.subjectPattern) errors.subjectPattern = `Le modèle d’objet : ${RULES_LIMITS.subjectPattern} caractères au plus.`;
  const commissionCriteria = input.commissionCriteria.map((c) => cleanText(c)).filter((c) => c !== '');
  if (commissionCriteria.length > RULES_LIMITS.criteria) errors.commissionCriteria = `${RULES_LIMITS.criteria} critères au plus.`;
  else if (commissionCriteria.some((c) => c.length > RULES_LIMITS.criterion)) {
    errors.commissionCriteria = `Un critère : ${RULES_LIMITS.criterion} caractères au plus.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, value: null };
  return {
    ok: true,
    value: {
      requiredDocuments,
      acceptedStatuses,
      requiredLevel: input.requiredLevel as TeachingLevel | null,
      requiredAcademie,
      acceptedDisciplines,
      minimumDiploma: input.minimumDiploma,
      wishedDiploma: input.wishedDiploma,
      deadline: input.deadline,
      requireMondayFreed: input.requireMondayFreed,
      requireHeadOpinion: input.requireHeadOpinion,
      subjectPattern,
      commissionCriteria,
    },
  };
}
