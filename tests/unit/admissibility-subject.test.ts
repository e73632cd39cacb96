import { describe, expect, it } from 'vitest';
import { parseApplicationSubject, patternHasPlaceholder, splitNomPrenom, type SubjectParse } from '../../shared/domain/admissibility/subject.js';

const CSTI = 'Candidature Relais territorial du réseau <réseau> – NOM PRÉNOM';
/** As the printed call writes it. */
const CSTI_PRINTED = 'Candidature Relais territorial du réseau………– NOM PRÉNOM';
const ECRINS = 'Réseau Les Écrins';
const COTE_BLEUE = 'Réseau Côte Bleue – La Nerthe';
const NETWORKS = [ECRINS, COTE_BLEUE];
const OFF_MODEL = `L’objet ne suit pas le modèle « ${CSTI} ».`;
const UNKNOWN = (written: string) => `Réseau non reconnu : « ${written} ». Réseaux de l’appel : ${ECRINS}, ${COTE_BLEUE}.`;

const ok = (network: string, nom: string, prenom: string): SubjectParse => ({ matches: true, network, nom, prenom, problems: [] });

describe('parseApplicationSubject: the CSTI pattern', () => {
  it.each<[string, SubjectParse]>([
    // As asked.
    ['Candidature Relais territorial du réseau Les Écrins – DURAND Camille', ok(ECRINS, 'DURAND', 'Camille')],
    ['Candidature Relais territorial du réseau Côte Bleue – La Nerthe – MARTIN Léa', ok(COTE_BLEUE, 'MARTIN', 'Léa')],
    // Dash variants, spaces.
    ['Candidature Relais territorial du réseau Les Écrins - DURAND Camille', ok(ECRINS, 'DURAND', 'Camille')],
    ['Candidature Relais territorial du réseau Les Écrins—DURAND Camille', ok(ECRINS, 'DURAND', 'Camille')],
    ['Candidature Relais territorial du réseau Les Écrins -DURAND Camille', ok(ECRINS, 'DURAND', 'Camille')],
    ['  Candidature  Relais   territorial du réseau  Les Écrins  –  DURAND  Camille ', ok(ECRINS, 'DURAND', 'Camille')],
    ['Candidature Relais territorial du réseau Côte Bleue - La Nerthe - PERRIN Jean-Pierre', ok(COTE_BLEUE, 'PERRIN', 'Jean-Pierre')],
    // Case and accents.
    ['candidature relais territorial du reseau cote bleue la nerthe - martin lea', ok(COTE_BLEUE, 'MARTIN', 'Lea')],
    ['CANDIDATURE RELAIS TERRITORIAL DU RÉSEAU LES ÉCRINS – DURAND CAMILLE', ok(ECRINS, 'DURAND', 'Camille')],
    // Forwarded and answered.
    ['TR: Candidature Relais territorial du réseau Les Écrins – DURAND Camille', ok(ECRINS, 'DURAND', 'Camille')],
    ['RE : TR : Candidature Relais territorial du réseau Les Écrins – DURAND Camille', ok(ECRINS, 'DURAND', 'Camille')],
    ['Fwd: Re: Candidature Relais territorial du réseau Côte Bleue – La Nerthe – MARTIN Léa', ok(COTE_BLEUE, 'MARTIN', 'Léa')],
    ['FW: [EXT] Candidature Relais territorial du réseau Les Écrins – DURAND Camille', ok(ECRINS, 'DURAND', 'Camille')],
    // « du réseau » missing or changed; the réseau written in part.
    ['Candidature Relais territorial Les Ecrins—Camille DURAND', ok(ECRINS, 'DURAND', 'Camille')],
    ['Candidature relais territorial réseau des Écrins - Durand Camille', ok(ECRINS, 'DURAND', 'Camille')],
    ['Candidature Relais territorial du réseau Nerthe – ROUX Paul', ok(COTE_BLEUE, 'ROUX', 'Paul')],
    ['Candidature Relais territorial du réseau Côte-Bleue – ROUX Paul', ok(COTE_BLEUE, 'ROUX', 'Paul')],
    // A missing separator is tolerated when the réseau is known.
    ['Candidature Relais territorial du réseau Les Écrins DURAND Camille', ok(ECRINS, 'DURAND', 'Camille')],
    // NOM PRÉNOM by case, whatever the order; particles and compound names.
    ['Candidature Relais territorial du réseau Les Écrins – Camille DURAND', ok(ECRINS, 'DURAND', 'Camille')],
    ['Candidature Relais territorial du réseau Les Écrins – de LA FONTAINE Jean-Pierre', ok(ECRINS, 'DE LA FONTAINE', 'Jean-Pierre')],
    ['Candidature Relais territorial du réseau Les Écrins – MARTIN-DUPONT Anne Sophie', ok(ECRINS, 'MARTIN-DUPONT', 'Anne Sophie')],
    ['Candidature Relais territorial du réseau Les Écrins – D’ALMEIDA Inès', ok(ECRINS, 'D’ALMEIDA', 'Inès')],
    // Case does not tell: the last word is the prénom.
    ['Candidature Relais territorial du réseau Les Écrins – Le Gall Yann', ok(ECRINS, 'LE GALL', 'Yann')],
    // Wrong ones.
    [
      'Candidature Relais territorial du réseau Durance – ROUX Paul',
      { matches: false, network: null, nom: 'ROUX', prenom: 'Paul', problems: [UNKNOWN('Durance')] },
    ],
    [
      'Candidature Relais territorial – ROUX Paul',
      { matches: false, network: null, nom: 'ROUX', prenom: 'Paul', problems: ['Le réseau n’est pas indiqué dans l’objet.'] },
    ],
    [
      'Candidature Relais territorial du réseau Les Écrins',
      { matches: false, network: ECRINS, nom: null, prenom: null, problems: ['Le nom et le prénom ne sont pas indiqués dans l’objet.'] },
    ],
    [
      'Candidature Relais territorial du réseau Les Écrins – DURAND',
      { matches: false, network: ECRINS, nom: 'DURAND', prenom: null, problems: ['Le prénom n’est pas indiqué dans l’objet.'] },
    ],
    [
      'Candidature Relais territorial du réseau Les Écrins – DURAND Camille (SVT)',
      { matches: false, network: ECRINS, nom: 'DURAND', prenom: 'Camille', problems: ['Texte en trop à la fin de l’objet : « SVT ».'] },
    ],
    [
      'Candidature Relais territorial CSTI du réseau Les Écrins – DURAND Camille',
      { matches: false, network: ECRINS, nom: 'DURAND', prenom: 'Camille', problems: [OFF_MODEL] },
    ],
    [
      'Candidature Relais territorial du réseau Écrins ou Côte Bleue – ROUX Paul',
      { matches: false, network: null, nom: 'ROUX', prenom: 'Paul', problems: [UNKNOWN('Écrins ou Côte Bleue')] },
    ],
    ['Candidature CSTI', { matches: false, network: null, nom: null, prenom: null, problems: [OFF_MODEL] }],
    ['Candidature – DURAND Camille', { matches: false, network: null, nom: null, prenom: null, problems: [OFF_MODEL] }],
    // Far from the pattern: nothing is read but a réseau named in full.
    ['Question sur la mission, réseau Les Écrins', { matches: false, network: ECRINS, nom: null, prenom: null, problems: [OFF_MODEL] }],
    ['TR: Absence du 12 mai', { matches: false, network: null, nom: null, prenom: null, problems: [OFF_MODEL] }],
    ['', { matches: false, network: null, nom: null, prenom: null, problems: ['L’objet du message est vide.'] }],
    ['RE: ', { matches: false, network: null, nom: null, prenom: null, problems: ['L’objet du message est vide.'] }],
  ])('%j', (subject, expected) => {
    expect(parseApplicationSubject(subject, CSTI, NETWORKS)).toEqual(expected);
  });

  it('reads the pattern as printed in the call (« réseau……… – NOM PRÉNOM »)', () => {
    expect(parseApplicationSubject('Candidature Relais territorial du réseau Les Écrins – DURAND Camille', CSTI_PRINTED, NETWORKS)).toEqual(
      ok(ECRINS, 'DURAND', 'Camille'),
    );
    expect(parseApplicationSubject('TR: candidature relais territorial cote bleue la nerthe - martin lea', CSTI_PRINTED, NETWORKS)).toEqual(
      ok(COTE_BLEUE, 'MARTIN', 'Lea'),
    );
  });

  it('says when a part of a name designates several réseaux', () => {
    const networks = ['Réseau Marseille Nord', 'Réseau Marseille Sud'];
    expect(parseApplicationSubject('Candidature Relais territorial du réseau Marseille – ROUX Paul', CSTI, networks)).toEqual({
      matches: false,
      network: null,
      nom: 'ROUX',
      prenom: 'Paul',
      problems: ['« Marseille » désigne plusieurs réseaux de l’appel : Réseau Marseille Nord, Réseau Marseille Sud.'],
    });
  });

  it('keeps the réseau as written when the call gives no réseau', () => {
    expect(parseApplicationSubject('Candidature Relais territorial du réseau Côte Bleue – La Nerthe – MARTIN Léa', CSTI, [])).toEqual(
      ok('Côte Bleue – La Nerthe', 'MARTIN', 'Léa'),
    );
  });
});

describe('parseApplicationSubject: other patterns', () => {
  it.each(['', '   ', 'Candidature ASTERIE', 'Candidature au poste de directeur du tiers-lieu'])('a pattern without placeholder (%j) always matches', (pattern) => {
    expect(patternHasPlaceholder(pattern)).toBe(false);
    for (const subject of ['', 'n’importe quoi', 'Candidature ASTERIE – DURAND Camille']) {
      expect(parseApplicationSubject(subject, pattern, NETWORKS)).toEqual({ matches: true, network: null, nom: null, prenom: null, problems: [] });
    }
  });

  it.each([CSTI, CSTI_PRINTED, 'Candidature – NOM PRÉNOM', 'Candidature <poste> – <nom> <prénom>', 'Candidature – Prénom Nom'])(
    '%j has placeholders',
    (pattern) => expect(patternHasPlaceholder(pattern)).toBe(true),
  );

  it('reads « Candidature – NOM PRÉNOM » without réseau', () => {
    expect(parseApplicationSubject('Re: Candidature - Durand Camille', 'Candidature – NOM PRÉNOM', [])).toEqual({
      matches: true,
      network: null,
      nom: 'DURAND',
      prenom: 'Camille',
      problems: [],
    });
  });

  it('follows the pattern’s order when case does not tell (« PRÉNOM NOM »)', () => {
    expect(parseApplicationSubject('Candidature – Camille Durand Martin', 'Candidature – Prénom Nom', [])).toMatchObject({
      matches: true,
      nom: 'DURAND MARTIN',
      prenom: 'Camille',
    });
  });

  it('reads « <poste> » and « <nom> <prénom> » placeholders', () => {
    expect(parseApplicationSubject('Candidature Les Écrins – ROUX Paul', 'Candidature <poste> – <nom> <prénom>', NETWORKS)).toEqual(
      ok(ECRINS, 'ROUX', 'Paul'),
    );
  });
});

describe('splitNomPrenom', () => {
  it.each<[string[], 'nom_prenom' | 'prenom_nom', { nom: string | null; prenom: string | null }]>([
    [['DURAND', 'Camille'], 'nom_prenom', { nom: 'DURAND', prenom: 'Camille' }],
    [['Camille', 'DURAND'], 'nom_prenom', { nom: 'DURAND', prenom: 'Camille' }],
    [['DURAND', 'Jean', 'Pierre'], 'nom_prenom', { nom: 'DURAND', prenom: 'Jean Pierre' }],
    [['Jean', 'de', 'LA', 'FONTAINE'], 'nom_prenom', { nom: 'DE LA FONTAINE', prenom: 'Jean' }],
    [['VAN', 'DER', 'BERG', 'Anna'], 'nom_prenom', { nom: 'VAN DER BERG', prenom: 'Anna' }],
    [['Durand', 'Camille'], 'nom_prenom', { nom: 'DURAND', prenom: 'Camille' }],
    [['durand', 'jean-pierre'], 'nom_prenom', { nom: 'DURAND', prenom: 'Jean-Pierre' }],
    [['DURAND', 'JEAN-PIERRE'], 'nom_prenom', { nom: 'DURAND', prenom: 'Jean-Pierre' }],
    [['Le', 'Gall', 'Yann'], 'nom_prenom', { nom: 'LE GALL', prenom: 'Yann' }],
    [['Yann', 'Le', 'Gall'], 'prenom_nom', { nom: 'LE GALL', prenom: 'Yann' }],
    [['Durand'], 'nom_prenom', { nom: 'DURAND', prenom: null }],
    [[], 'nom_prenom', { nom: null, prenom: null }],
    [['DURAND', 'Marie-Ève'], 'nom_prenom', { nom: 'DURAND', prenom: 'Marie-Ève' }],
  ])('%j (%s)', (words, order, expected) => {
    expect(splitNomPrenom(words, order)).toEqual(expected);
  });
});
