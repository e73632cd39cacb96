import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { useEffect } from 'react';
import { CallFormPage } from './features/calls/CallFormPage.js';
import { CallPage } from './features/calls/CallPage.js';
import { CallsPage } from './features/calls/CallsPage.js';
import { CandidatePage } from './features/candidates/CandidatePage.js';
import { EvaluationSheetPage } from './features/evaluation-sheet/EvaluationSheetPage.js';
import { IntakePage } from './features/intake/IntakePage.js';
import { MailIntakePage } from './features/mail/MailIntakePage.js';
import { SettingsPage } from './features/settings/SettingsPage.js';
import { useApp } from './store/context.js';

export function App() {
  const ready = useApp((s) => s.ready);
  const route = useApp((s) => s.route);
  const whoAmI = useApp((s) => s.prefs.whoAmI);
  const appInfo = useApp((s) => s.appInfo);
  const startupError = useApp((s) => s.startupError);
  const notice = useApp((s) => s.notice);
  const navigate = useApp((s) => s.navigate);
  const notify = useApp((s) => s.notify);

  // Tests and the desktop shell wait on this marker rather than on delays.
  useEffect(() => {
    document.documentElement.dataset.appState = ready ? 'ready' : 'loading';
  }, [ready]);

  return (
    <>
      <Header
        brandTop={
          <>
            RÉPUBLIQUE
            <br />
            FRANÇAISE
          </>
        }
        homeLinkProps={{ href: '#/appels', title: 'Accueil — Commission de recrutement' }}
        serviceTitle="Commission de recrutement"
        serviceTagline="Appels à candidature, dossiers, commission"
        quickAccessItems={[
          {
            iconId: 'fr-icon-account-circle-line',
            buttonProps: { onClick: () => navigate({ name: 'settings' }), id: 'qui-suis-je' },
            text: whoAmI ? `Je suis : ${whoAmI.name}` : 'Qui suis-je ?',
          },
        ]}
      />
      <main className="fr-container fr-py-4w" id="contenu">
        {startupError && (
          <Alert severity="error" title="Le service local ne répond pas" description={startupError} className="fr-mb-3w" />
        )}
        {notice && (
          <Alert
            severity={notice.kind}
            small
            description={notice.text}
            closable
            onClose={() => notify(null)}
            className="fr-mb-3w"
            role={notice.kind === 'error' ? 'alert' : 'status'}
          />
        )}
        {ready && !whoAmI && route.name !== 'settings' && (
          <Alert
            severity="info"
            small
            className="fr-mb-3w"
            description={
              <>
                Indiquez qui vous êtes sur ce poste : chaque modification est enregistrée à votre nom.{' '}
                <button type="button" className="fr-link" onClick={() => navigate({ name: 'settings' })}>
                  Choisir
                </button>
              </>
            }
          />
        )}
        {ready && <Screen />}
      </main>
      <footer className="app-footer fr-container fr-py-2w">
        <p className="fr-text--xs fr-mb-0">
          Commission de recrutement {appInfo ? `v${appInfo.version}` : ''} — {appInfo?.mode === 'desktop' ? 'application de bureau' : 'mode navigateur (127.0.0.1)'} —
          données personnelles conservées sur ce poste uniquement.
        </p>
      </footer>
    </>
  );
}

function Screen() {
  const route = useApp((s) => s.route);
  switch (route.name) {
    case 'calls':
      return <CallsPage />;
    case 'call':
      return <CallPage callId={route.callId} tab={route.tab} />;
    case 'call-form':
      return <CallFormPage key={route.callId ?? 'new'} callId={route.callId} />;
    case 'candidate':
      return <CandidatePage key={`${route.callId}-${route.candidateId ?? 'new'}`} callId={route.callId} candidateId={route.candidateId} />;
    case 'evaluation':
      return (
        <EvaluationSheetPage key={`${route.candidateId}-${route.phase}`} callId={route.callId} candidateId={route.candidateId} phase={route.phase} />
      );
    case 'settings':
      return <SettingsPage />;
    case 'intake':
      return <IntakePage key={route.callId} callId={route.callId} />;
    case 'mail-intake':
      return <MailIntakePage key={route.callId} callId={route.callId} />;
  }
}
