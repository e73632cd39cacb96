import { AppError } from '../../../shared/contract/errors.js';
import { checkCallDraft } from '../../../shared/domain/call.js';
import { getCall, insertCall, listCalls, setArchived, updateCall } from '../db/calls-repo.js';
import type { HandlerSlice } from './types.js';

export const callHandlers: HandlerSlice<'calls-list' | 'calls-get' | 'calls-create' | 'calls-update' | 'calls-archive'> = {
  'calls-list': ({ includeArchived }, { db }) => listCalls(db, includeArchived ?? false),
  'calls-get': ({ id }, { db }) => getCall(db, id),
  'calls-create': ({ call }, ctx) => {
    const checked = checkCallDraft(call);
    if (!checked.ok) throw new AppError('validation', 'L’appel contient des erreurs : corrigez les champs signalés.', checked.errors);
    const id = insertCall(ctx.db, checked.value, ctx.now().toISOString());
    ctx.record({ entity: 'calls', entityId: id, callId: id });
    return getCall(ctx.db, id);
  },
  'calls-update': ({ id, call }, ctx) => {
    const checked = checkCallDraft(call);
    if (!checked.ok) throw new AppError('validation', 'L’appel contient des erreurs : corrigez les champs signalés.', checked.errors);
    updateCall(ctx.db, id, checked.value, ctx.now().toISOString());
    ctx.record({ entity: 'calls', entityId: id, callId: id });
    return getCall(ctx.db, id);
  },
  'calls-archive': ({ id, archived }, ctx) => {
    setArchived(ctx.db, id, archived, ctx.now().toISOString());
    ctx.record({ entity: 'calls', entityId: id, callId: id });
    return getCall(ctx.db, id);
  },
};
