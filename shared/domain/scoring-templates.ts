// Ready grids from the two published calls (../shared/seeds): the secretariat starts from one and adapts it.
import type { Criterion, GridSection, Phase } from '../model/scoring.js';

const LEVELS_0_4 = ['Absent', 'Insuffisant', 'Partiel', 'Satisfaisant', 'Excellent'];

function criterion(key: string, label: string, description: string, options: Partial<Criterion> = {}): Criterion {
  return { key, label, description, weight: 1, min: 0, max: 4, levels: LEVELS_0_4, eliminatory: false, threshold: null, comment: true, ...options };
}

/**
 * CSTI relais territorial: the 8 axes of the mission letter (annexe 1), then motivation and availability
 * (Monday freed). The interview weighs communication and the network's actors more.
 */
function cstiSections(phase: Phase): GridSection[] {
  const interview = phase === 'entretien';
  return [
    {
      key: 'axes',
      label: 'Axes de la lettre de mission',
      criteria: [
        criterion('acteurs', 'Prise de contact avec les acteurs institutionnels du réseau', 'Connaît les établissements, l’IA-IPR référent, les circonscriptions du premier degré.', { weight: interview ? 2 : 1 }),
        criterion('partenaires', 'Connaissance et suivi des partenaires de CSTI', 'Musées, associations, laboratoires, collectivités du territoire.'),
        criterion('communication', 'Communication des actions de CSTI', 'Au niveau territorial, académique, régional et national.', { weight: interview ? 2 : 1 }),
        criterion('valorisation', 'Valorisation des actions menées dans le réseau', 'Rendre visibles les projets des établissements.'),
        criterion('formations', 'Mise en place de formations et réunions de réseau', 'Animer les référents culture scientifique.'),
        criterion('dispositifs', 'Suivi des dispositifs (Fête de la science, concours, appels à projets)', 'Organisation de la Fête de la science en réseau, promotion des concours, ADAGE.'),
        criterion('premier-degre', 'Accompagnement du premier degré en CSTI', 'Propositions pour les écoles du réseau.'),
        criterion('administratif', 'Gestion administrative de la mission', 'Comptes rendus, bilans, suivi budgétaire.'),
      ],
    },
    {
      key: 'engagement',
      label: 'Motivation et disponibilité',
      criteria: [
        criterion('motivation', 'Motivation et projet pour le réseau', 'Clarté et réalisme du projet.', { weight: 2 }),
        criterion('disponibilite', 'Disponibilité (lundi libéré, déplacements dans le réseau)', 'Exigé : sans disponibilité, la mission ne peut pas être assurée.', {
          eliminatory: true,
          threshold: 2,
        }),
      ],
    },
  ];
}

/**
 * ASTERIE tiers-lieu director: « Être un acteur local du territoire … : exigé », event organisation and
 * administrative/financial follow-up « conseillé », and the posting's operational and relational competencies.
 */
function asterieSections(phase: Phase): GridSection[] {
  return [
    {
      key: 'profil',
      label: 'Profil attendu',
      criteria: [
        criterion('acteur-local', 'Acteur local du territoire', 'Connaissance du périmètre d’action du tiers-lieu éducatif (exigé).', {
          eliminatory: true,
          threshold: 2,
          weight: 2,
        }),
        criterion('evenements', 'Organisation d’évènements, de manifestations', 'Conseillé.'),
        criterion('suivi-financier', 'Suivi administratif et financier', 'Conseillé.'),
        criterion('systeme-educatif', 'Connaissance du système éducatif et de l’administration publique', ''),
      ],
    },
    {
      key: 'competences',
      label: 'Compétences',
      criteria: [
        criterion('operationnelles', 'Compétences opérationnelles', 'Coordination d’acteurs, rigueur, efficacité, savoir rendre compte, écrits professionnels, adaptabilité.', {
          weight: phase === 'entretien' ? 2 : 1,
        }),
        criterion('relationnelles', 'Compétences relationnelles', 'Sociabilité, diplomatie, écoute, capacité à fédérer, travail en équipe.', { weight: phase === 'entretien' ? 2 : 1 }),
      ],
    },
  ];
}

export interface GridTemplate {
  key: 'csti' | 'asterie';
  label: string;
  sections: (phase: Phase) => GridSection[];
}

export const GRID_TEMPLATES: readonly GridTemplate[] = [
  { key: 'csti', label: 'Professeur relais territorial CSTI (lettre de mission)', sections: cstiSections },
  { key: 'asterie', label: 'Direction du tiers-lieu éducatif ASTERIE (fiche de poste)', sections: asterieSections },
];
