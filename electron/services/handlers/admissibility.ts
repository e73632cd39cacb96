import { AppError } from '../../../shared/contract/errors.js';
import {
  checkCallRules,
  checkFactsEntry,
  checkHeadOpinion,
  checkOverride,
  parseApplicationSubject,
  patternHasPlaceholder,
  networksOf,
  verdictOf,
  type VerdictContext,
} from '../../../shared/domain/admissibility/index.js';
import type { ApplicationAdmissibility, CallRules, DiplomaLevel, DocumentKind, TeachingLevel } from '../../../shared/model/admissibility.js';
import type { Call } from '../../../shared/model/entities.js';
import type { AgentStatus } from '../../../shared/model/referential.js';
import { getCall } from '../db/calls-repo.js';
import { getCandidate } from '../db/candidates-repo.js';
import {
  getCallRules,
  getStoredAdmissibility,
  listDocuments,
  listMails,
  saveCallRules,
  saveFactsEntry,
  saveHeadOpinion,
  saveOverride,
} from '../db/admissibility-repo.js';
import { UNNAMED_ACTOR } from '../db/journal-repo.js';
import { todayOf, type HandlerContext, type HandlerSlice } from './types.js';

const INVALID_RULES = 'Les règles contiennent des erreurs : corrigez les champs signalés. Rien n’a été enregistré.';
const INVALID = 'La saisie contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.';

/** What the rules of a call need besides the files: the rules, the réseaux of its posts, today. */
export function verdictContextOf(ctx: HandlerContext, call: Call): VerdictContext {
  return {
    rules: getCallRules(ctx.db, call),
    networks: networksOf(call.posts),
    postCount: call.posts.length,
    // Today's Paris day, computed once: an instant would be converted again for each of 10,000 files.
    now: todayOf(ctx),
  };
}

/** The admissibility panel of one file, as stored now. */
export function loadAdmissibility(ctx: HandlerContext, candidateId: number): ApplicationAdmissibility {
  const file = getCandidate(ctx.db, candidateId);
  const call = getCall(ctx.db, file.callId);
  const verdictCtx = verdictContextOf(ctx, call);
  const stored = getStoredAdmissibility(ctx.db, candidateId);
  const { facts, verdict } = verdictOf(file, stored, verdictCtx);
  const mails = listMails(ctx.db, candidateId);
  let subjectCheck: ApplicationAdmissibility['subjectCheck'] = null;
  if (mails.length > 0 && patternHasPlaceholder(verdictCtx.rules.subjectPattern)) {
    const parsed = parseApplicationSubject(mails[0]!.subject, verdictCtx.rules.subjectPattern, verdictCtx.networks);
    subjectCheck = parsed.matches
      ? { matches: true, message: 'Objet conforme au modèle de l’appel.' }
      : { matches: false, message: parsed.problems.join(' ') };
  }
  return {
    candidateId,
    callId: file.callId,
    rules: verdictCtx.rules,
    entry: stored.entry,
    facts,
    receivedAt: stored.receivedAt,
    headOpinion: stored.headRecord,
    verdict,
    documents: listDocuments(ctx.db, candidateId),
    mails,
    subjectCheck,
  };
}

function recordFileChange(ctx: HandlerContext, candidateId: number, callId: number): void {
  ctx.record({ entity: 'candidates', entityId: candidateId, callId });
}

export const admissibilityHandlers: HandlerSlice<
  'rules-get' | 'rules-save' | 'admissibility-get' | 'facts-save' | 'head-opinion-save' | 'verdict-override'
> = {
  'rules-get': ({ callId }, { db }) => getCallRules(db, getCall(db, callId)),
  'rules-save': ({ callId, rules }, ctx) => {
    const call = getCall(ctx.db, callId);
    // The schema checked shapes; the domain check says in French which value is unknown.
    const checked = checkCallRules({
      ...rules,
      requiredDocuments: rules.requiredDocuments as DocumentKind[],
      acceptedStatuses: rules.acceptedStatuses as AgentStatus[],
      requiredLevel: rules.requiredLevel as TeachingLevel | null,
      minimumDiploma: rules.minimumDiploma as DiplomaLevel | null,
      wishedDiploma: rules.wishedDiploma as DiplomaLevel | null,
    } satisfies CallRules);
    if (!checked.ok) throw new AppError('validation', INVALID_RULES, checked.errors);
    saveCallRules(ctx.db, call.id, checked.value, ctx.now().toISOString());
    ctx.record({ entity: 'calls', entityId: call.id, callId: call.id });
    // Every verdict of the call may change: the open candidates tables reload.
    ctx.record({ entity: 'candidates', entityId: null, callId: call.id });
    return getCallRules(ctx.db, getCall(ctx.db, call.id));
  },
  'admissibility-get': ({ candidateId }, ctx) => loadAdmissibility(ctx, candidateId),
  'facts-save': ({ candidateId, entry }, ctx) => {
    const file = getCandidate(ctx.db, candidateId);
    const checked = checkFactsEntry(entry);
    if (!checked.ok) throw new AppError('validation', INVALID, checked.errors);
    saveFactsEntry(ctx.db, candidateId, checked.value);
    recordFileChange(ctx, candidateId, file.callId);
    return loadAdmissibility(ctx, candidateId);
  },
  'head-opinion-save': ({ candidateId, opinion }, ctx) => {
    const file = getCandidate(ctx.db, candidateId);
    if (opinion === null) {
      saveHeadOpinion(ctx.db, candidateId, null, '', ctx.now().toISOString());
    } else {
      const checked = checkHeadOpinion(opinion, todayOf(ctx));
      if (!checked.ok) throw new AppError('validation', INVALID, checked.errors);
      saveHeadOpinion(ctx.db, candidateId, checked.value, ctx.actor?.name ?? UNNAMED_ACTOR, ctx.now().toISOString());
    }
    recordFileChange(ctx, candidateId, file.callId);
    return loadAdmissibility(ctx, candidateId);
  },
  'verdict-override': ({ candidateId, override }, ctx) => {
    const file = getCandidate(ctx.db, candidateId);
    if (override === null) {
      saveOverride(ctx.db, candidateId, null);
    } else {
      // The decision is signed: it needs a name, not « personne non identifiée ».
      if (!ctx.actor?.name.trim()) {
        throw new AppError('forbidden', 'Indiquez qui vous êtes (Réglages › Qui suis-je) pour forcer un verdict : la décision est signée.');
      }
      const current = loadAdmissibility(ctx, candidateId);
      const checked = checkOverride({ ...override, by: ctx.actor.name, at: ctx.now().toISOString() }, current.verdict.computed);
      if (!checked.ok) throw new AppError('validation', INVALID, checked.errors);
      saveOverride(ctx.db, candidateId, checked.value);
    }
    recordFileChange(ctx, candidateId, file.callId);
    return loadAdmissibility(ctx, candidateId);
  },
};
