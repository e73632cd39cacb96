import { AppError } from '../../../shared/contract/errors.js';
import { checkCandidateDraft, toCandidateRow } from '../../../shared/domain/candidate.js';
import { filterCandidates } from '../../../shared/domain/candidate-list.js';
import { getCall } from '../db/calls-repo.js';
import { deleteCandidate, getCandidate, insertCandidate, listCandidateSummaries, updateCandidate } from '../db/candidates-repo.js';
import { documentHashes, storedAdmissibilityByCall } from '../db/admissibility-repo.js';
import { opinionsOfCall } from '../db/opinions-repo.js';
import { emptyStoredAdmissibility, verdictOf } from '../../../shared/domain/admissibility/application.js';
import type { CandidateRow } from '../../../shared/model/entities.js';
import { verdictContextOf } from './admissibility.js';
import { eraseUnreferenced } from './documents.js';
import { todayOf, type HandlerContext, type HandlerSlice } from './types.js';

/** Every file of a call as a table row, with the verdict that counts. */
export function candidateRowsOf(ctx: HandlerContext, callId: number): CandidateRow[] {
  const call = getCall(ctx.db, callId);
  const verdictCtx = verdictContextOf(ctx, call);
  const stored = storedAdmissibilityByCall(ctx.db, callId);
  const opinions = opinionsOfCall(ctx.db, callId);
  const none = { ...emptyStoredAdmissibility(), documentCount: 0 };
  return listCandidateSummaries(ctx.db, callId).map((file) => {
    const own = stored.get(file.id) ?? none;
    return toCandidateRow(file, verdictOf(file, own, verdictCtx).verdict, own.documentCount, opinions.get(file.id)?.avis ?? null);
  });
}

const INVALID = 'Le dossier contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.';

export const candidateHandlers: HandlerSlice<
  'candidates-list' | 'candidates-get' | 'candidates-create' | 'candidates-update' | 'candidates-delete'
> = {
  'candidates-list': ({ callId, filter }, ctx) => filterCandidates(candidateRowsOf(ctx, callId), filter ?? {}),
  'candidates-get': ({ id }, { db }) => getCandidate(db, id),
  'candidates-create': ({ callId, candidate }, ctx) => {
    const call = getCall(ctx.db, callId);
    const checked = checkCandidateDraft(candidate, { today: todayOf(ctx), postIds: call.posts.map((p) => p.id) });
    if (!checked.ok) throw new AppError('validation', INVALID, checked.errors);
    const id = insertCandidate(ctx.db, callId, checked.value, ctx.now().toISOString());
    ctx.record({ entity: 'candidates', entityId: id, callId });
    return getCandidate(ctx.db, id);
  },
  'candidates-update': ({ id, candidate }, ctx) => {
    const current = getCandidate(ctx.db, id);
    const call = getCall(ctx.db, current.callId);
    const checked = checkCandidateDraft(candidate, { today: todayOf(ctx), postIds: call.posts.map((p) => p.id) });
    if (!checked.ok) throw new AppError('validation', INVALID, checked.errors);
    updateCandidate(ctx.db, id, checked.value, ctx.now().toISOString());
    ctx.record({ entity: 'candidates', entityId: id, callId: current.callId });
    return getCandidate(ctx.db, id);
  },
  'candidates-delete': ({ id }, ctx) => {
    const hashes = documentHashes(ctx.db, id);
    const callId = deleteCandidate(ctx.db, id);
    ctx.record({ entity: 'candidates', entityId: id, callId });
    ctx.eraseAfterCommit();
    // The documents' files go too, unless another file (another call) holds the same content.
    ctx.afterCommit(() => eraseUnreferenced(ctx, hashes));
    return { id };
  },
};
