// The rules of a call as the form holds them (dates as typed, selects as strings, criteria one per line),
// and their conversion to the contract's CallRules, checked by the shared checker.
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { checkCallRules } from '../../../../shared/domain/admissibility/rules.js';
import { formatFrenchDate, parseFrenchDate } from '../../../../shared/domain/dates.js';
import type { CallRules, DiplomaLevel, DocumentKind, TeachingLevel } from '../../../../shared/model/admissibility.js';
import type { AgentStatus } from '../../../../shared/model/referential.js';

export interface RulesDraft {
  requiredDocuments: DocumentKind[];
  acceptedStatuses: AgentStatus[];
  /** '' : no requirement. */
  requiredLevel: string;
  requiredAcademie: string;
  acceptedDisciplines: string[];
  /** '' or the level as a string ('4'). */
  minimumDiploma: string;
  wishedDiploma: string;
  /** jj/mm/aaaa as typed; '' : no deadline. */
  deadline: string;
  requireMondayFreed: boolean;
  requireHeadOpinion: boolean;
  subjectPattern: string;
  /** One criterion per line. */
  commissionCriteria: string;
}

export function draftFromRules(rules: CallRules): RulesDraft {
  return {
    requiredDocuments: [...rules.requiredDocuments],
    acceptedStatuses: [...rules.acceptedStatuses],
    requiredLevel: rules.requiredLevel ?? '',
    requiredAcademie: rules.requiredAcademie ?? '',
    acceptedDisciplines: [...rules.acceptedDisciplines],
    minimumDiploma: rules.minimumDiploma === null ? '' : String(rules.minimumDiploma),
    wishedDiploma: rules.wishedDiploma === null ? '' : String(rules.wishedDiploma),
    deadline: formatFrenchDate(rules.deadline),
    requireMondayFreed: rules.requireMondayFreed,
    requireHeadOpinion: rules.requireHeadOpinion,
    subjectPattern: rules.subjectPattern,
    commissionCriteria: rules.commissionCriteria.join('\n'),
  };
}

export type RulesDraftCheck = { ok: true; value: CallRules; errors?: undefined } | { ok: false; errors: FieldErrors; value: null };

const diploma = (text: string) => (text === '' ? null : (Number(text) as DiplomaLevel));

/** The draft as CallRules, checked (the same checker the services run). */
export function checkRulesDraft(draft: RulesDraft): RulesDraftCheck {
  const errors: FieldErrors = {};
  let deadline: string | null = null;
  if (draft.deadline.trim()) {
    const parsed = parseFrenchDate(draft.deadline);
    if (parsed.ok) deadline = parsed.iso;
    else errors.deadline = parsed.message;
  }
  const checked = checkCallRules({
    requiredDocuments: draft.requiredDocuments,
    acceptedStatuses: draft.acceptedStatuses,
    requiredLevel: (draft.requiredLevel || null) as TeachingLevel | null,
    requiredAcademie: draft.requiredAcademie || null,
    acceptedDisciplines: draft.acceptedDisciplines,
    minimumDiploma: diploma(draft.minimumDiploma),
    wishedDiploma: diploma(draft.wishedDiploma),
    deadline,
    requireMondayFreed: draft.requireMondayFreed,
    requireHeadOpinion: draft.requireHeadOpinion,
    subjectPattern: draft.subjectPattern,
    commissionCriteria: draft.commissionCriteria.split('\n'),
  });
  if (!checked.ok || Object.keys(errors).length > 0) return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), ...errors }, value: null };
  return { ok: true, value: checked.value };
}

/** The services' field errors under the form's names (« rules.deadline » → « deadline »). */
export function formFieldErrors(fieldErrors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    const field = key.replace(/^rules\./, '').split('.')[0]!;
    result[field] ??= message;
  }
  return result;
}
