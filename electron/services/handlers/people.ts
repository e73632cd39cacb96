import { AppError, type FieldErrors } from '../../../shared/contract/errors.js';
import { checkEmail } from '../../../shared/domain/contact.js';
import { matchDiscipline } from '../../../shared/domain/disciplines.js';
import { cleanText } from '../../../shared/domain/text.js';
import { isDisciplineCode } from '../../../shared/model/referential.js';
import { forgetMember } from '../db/planner-repo.js';
import { getCall } from '../db/calls-repo.js';
import {
  deleteInspector,
  deleteMember,
  getInspector,
  getMember,
  listInspectors,
  listMembers,
  memberDirectory,
  saveInspector,
  saveMember,
} from '../db/people-repo.js';
import { hasRequests } from '../db/opinions-repo.js';
import type { HandlerSlice } from './types.js';

function checkNameAndEmail(name: string, email: string, emailRequired: boolean, errors: FieldErrors) {
  const cleanName = cleanText(name);
  if (!cleanName) errors.name = 'Le nom est obligatoire.';
  else if (cleanName.length > 200) errors.name = 'Le nom : 200 caractères au plus.';
  let cleanEmail = '';
  if (email.trim() || emailRequired) {
    const mail = checkEmail(email);
    if (mail.ok) cleanEmail = mail.value;
    else errors.email = mail.message;
  }
  return { name: cleanName, email: cleanEmail };
}

export const peopleHandlers: HandlerSlice<
  'members-list' | 'members-directory' | 'members-save' | 'members-delete' | 'inspectors-list' | 'inspectors-save' | 'inspectors-delete' | 'inspectors-copy'
> = {
  'members-list': ({ callId }, { db }) => {
    getCall(db, callId);
    return listMembers(db, callId);
  },
  'members-directory': (_args, { db }) => memberDirectory(db),
  'members-save': ({ callId, id, member }, ctx) => {
    getCall(ctx.db, callId);
    const errors: FieldErrors = {};
    const { name, email } = checkNameAndEmail(member.name, member.email, false, errors);
    if (Object.keys(errors).length) throw new AppError('validation', 'Le membre contient des erreurs.', errors);
    const savedId = saveMember(ctx.db, callId, id, { name, email, role: member.role, etablissement: cleanText(member.etablissement ?? '') });
    ctx.record({ entity: 'members', entityId: savedId, callId });
    return getMember(ctx.db, savedId);
  },
  'members-delete': ({ id }, ctx) => {
    const member = getMember(ctx.db, id);
    forgetMember(ctx.db, member.callId, id, ctx.now().toISOString());
    const callId = deleteMember(ctx.db, id);
    ctx.record({ entity: 'members', entityId: id, callId });
    ctx.eraseAfterCommit();
    return { id };
  },
  'inspectors-list': ({ callId }, { db }) => {
    getCall(db, callId);
    return listInspectors(db, callId);
  },
  'inspectors-save': ({ callId, id, inspector }, ctx) => {
    getCall(ctx.db, callId);
    const errors: FieldErrors = {};
    // Inspectors are asked for opinions by mail: without an address they cannot be.
    const { name, email } = checkNameAndEmail(inspector.name, inspector.email, true, errors);
    const disciplines: string[] = [];
    for (const written of inspector.disciplines) {
      const code = isDisciplineCode(written) ? written : matchDiscipline(written);
      if (!code) errors.disciplines = `Discipline inconnue : « ${written} ».`;
      else if (!disciplines.includes(code)) disciplines.push(code);
    }
    if (disciplines.length === 0 && !errors.disciplines) errors.disciplines = 'Indiquez au moins une discipline.';
    if (Object.keys(errors).length) throw new AppError('validation', 'L’inspecteur contient des erreurs.', errors);
    const savedId = saveInspector(ctx.db, callId, id, { name, email, disciplines });
    ctx.record({ entity: 'inspectors', entityId: savedId, callId });
    return getInspector(ctx.db, savedId);
  },
  'inspectors-copy': ({ callId, fromCallId }, ctx) => {
    getCall(ctx.db, callId);
    getCall(ctx.db, fromCallId);
    if (callId === fromCallId) throw new AppError('validation', 'Choisissez un autre appel que celui-ci.', { fromCallId: 'Choisissez un autre appel.' });
    const present = new Set(listInspectors(ctx.db, callId).map((i) => i.email.toLowerCase()));
    let added = 0;
    for (const inspector of listInspectors(ctx.db, fromCallId)) {
      if (present.has(inspector.email.toLowerCase())) continue;
      const savedId = saveInspector(ctx.db, callId, undefined, { name: inspector.name, email: inspector.email, disciplines: inspector.disciplines });
      present.add(inspector.email.toLowerCase());
      ctx.record({ entity: 'inspectors', entityId: savedId, callId });
      added++;
    }
    return { added, inspectors: listInspectors(ctx.db, callId) };
  },
  'inspectors-delete': ({ id }, ctx) => {
    const inspector = getInspector(ctx.db, id);
    if (hasRequests(ctx.db, id)) {
      throw new AppError(
        'conflict',
        `Des avis ont été demandés à ${inspector.name} : il ne peut pas être retiré, ses demandes et leurs dates font partie du dossier de la commission.`,
      );
    }
    const callId = deleteInspector(ctx.db, id);
    ctx.record({ entity: 'inspectors', entityId: id, callId });
    ctx.eraseAfterCommit();
    return { id };
  },
};
