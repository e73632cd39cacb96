import { networksOf, verdictOf, type FactsSource, type StoredAdmissibility } from '../../../../shared/domain/admissibility/application.js';
import type { ApplicationAdmissibility, EffectiveVerdict } from '../../../../shared/model/admissibility.js';
import type { Call } from '../../../../shared/model/entities.js';

/** What the services keep about the file, rebuilt from the last `admissibility-get`. */
export function storedOf(data: ApplicationAdmissibility): StoredAdmissibility {
  let headOpinion: StoredAdmissibility['headOpinion'] = null;
  if (data.headOpinion) {
    const { enteredBy: _by, enteredAt: _at, ...opinion } = data.headOpinion;
    headOpinion = opinion;
  }
  return {
    entry: data.entry,
    receivedAt: data.receivedAt,
    headOpinion,
    override: data.verdict.override,
    documentKinds: data.documents.map((d) => d.kind),
    subject: data.mails[0]?.subject ?? null,
  };
}

export interface LiveVerdict {
  verdict: EffectiveVerdict;
  /** The verdict of the file as edited, not yet saved. */
  unsaved: boolean;
  /** The form has errors: the stored file's verdict is shown meanwhile. */
  draftInvalid: boolean;
}

/**
 * The verdict to show while the annexe 2 form is being edited: the rules applied to the draft (when it
 * checks) with everything else as stored; the stored verdict when nothing changed.
 */
export function liveVerdict(
  data: ApplicationAdmissibility,
  call: Pick<Call, 'posts'>,
  draft: { dirty: boolean; value: FactsSource | null },
): LiveVerdict {
  if (!draft.dirty) return { verdict: data.verdict, unsaved: false, draftInvalid: false };
  if (!draft.value) return { verdict: data.verdict, unsaved: false, draftInvalid: true };
  const { verdict } = verdictOf(draft.value, storedOf(data), {
    rules: data.rules,
    networks: networksOf(call.posts),
    postCount: call.posts.length,
    now: new Date().toISOString(),
  });
  return { verdict, unsaved: true, draftInvalid: false };
}
