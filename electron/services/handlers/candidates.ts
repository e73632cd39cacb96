import { AppError } from '../../../shared/contract/errors.js';
import { checkCandidateDraft, toCandidateRow } from '../../../shared/domain/candidate.js';
import { filterCandidates } from '../../../shared/domain/candidate-list.js';
import { getCall } from '../db/calls-repo.js';
import { deleteCandidate, getCandidate, insertCandidate, listCandidateSummaries, updateCandidate } from '../db/candidates-repo.js';
import { todayOf, type HandlerSlice } from './types.js';

const INVALID = 'Le dossier contient des erreurs : corrigez les champs signalés. Rien n’a été enregistré.';

export const candidateHandlers: HandlerSlice<
  'candidates-list' | 'candidates-get' | 'candidates-create' | 'candidates-update' | 'candidates-delete'
> = {
  'candidates-list': ({ callId, filter }, { db }) => {
    const call = getCall(db, callId);
    const rows = listCandidateSummaries(db, callId).map((file) => toCandidateRow(file, call));
    return filterCandidates(rows, filter ?? {});
  },
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
    const callId = deleteCandidate(ctx.db, id);
    ctx.record({ entity: 'candidates', entityId: id, callId });
    ctx.eraseAfterCommit();
    return { id };
  },
};
