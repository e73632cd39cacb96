import { AppError } from '../../../shared/contract/errors.js';
import { checkEmail } from '../../../shared/domain/contact.js';
import { cleanText } from '../../../shared/domain/text.js';
import { schemaVersion } from '../db/open.js';
import { listJournal } from '../db/journal-repo.js';
import { demoDocuments, openDemo, type StoredDemoDocument } from '../demo.js';
import { findDemoCalls } from '../db/calls-repo.js';
import { twoPhase, type HandlerSlice } from './types.js';

export const systemHandlers: HandlerSlice<'app-info' | 'prefs-get' | 'prefs-set' | 'journal-list' | 'demo-open'> = {
  'app-info': (_args, ctx) => ({
    version: ctx.appVersion,
    dataDir: ctx.dataDir,
    mode: ctx.mode,
    schemaVersion: schemaVersion(ctx.db),
  }),
  'prefs-get': (_args, { preferences }) => preferences.read(),
  'prefs-set': (args, ctx) => {
    const next = { ...ctx.preferences.read() };
    if (args.whoAmI !== undefined) {
      if (args.whoAmI === null) next.whoAmI = null;
      else {
        const name = cleanText(args.whoAmI.name);
        // A blank name would be stored, then read back as « nobody »: every change would be journaled as « Personne non identifiée ».
        if (!name) throw new AppError('validation', 'Indiquez votre nom.', { name: 'Indiquez votre nom.' });
        let email = '';
        if (args.whoAmI.email.trim()) {
          const mail = checkEmail(args.whoAmI.email);
          if (!mail.ok) throw new AppError('validation', mail.message, { email: mail.message });
          email = mail.value;
        }
        next.whoAmI = { name, email };
      }
    }
    if (args.lastCallId !== undefined) next.lastCallId = args.lastCallId;
    ctx.preferences.write(next);
    ctx.record({ entity: 'prefs', entityId: null, callId: null });
    return next;
  },
  'journal-list': ({ callId, limit }, { db }) => listJournal(db, callId, limit ?? 200),
  'demo-open': twoPhase<'demo-open', StoredDemoDocument[]>({
    // The fictional documents are written to the data folder first (asynchronously), then referenced in the transaction.
    async prepare(_args, ctx) {
      if (findDemoCalls(ctx.db).length > 0) return [];
      const stored: StoredDemoDocument[] = [];
      for (const doc of demoDocuments()) stored.push({ ...doc, stored: await ctx.documents.put(doc.content, { fileName: doc.fileName }) });
      return stored;
    },
    apply: (_args, documents, ctx) => openDemo(ctx, documents),
  }),
};
