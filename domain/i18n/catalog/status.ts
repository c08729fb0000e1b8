import { defineCatalog } from '../define';

/** An application's or a dialogue's status, in words an applicant or a reviewer understands. */
export const status = defineCatalog({
  en: {
    draft: 'Draft, not submitted yet',
    submitted: 'Submitted',
    pending: 'Waiting for review',
    recommended: 'Recommended, awaiting approval',
    objected: 'Objected by a State party, back with the secretariat',
    approved: 'Approved',
    rejected: 'Not approved',
    info_requested: 'More information requested',
    withdrawn: 'Withdrawn',
    partly_approved: 'Approved for some dialogues',
  },
  fr: {
    draft: 'Brouillon, pas encore soumis',
    submitted: 'Soumise',
    pending: 'En attente d’examen',
    recommended: 'Recommandée, en attente d’approbation',
    objected: 'Objection d’un État partie, renvoyée au secrétariat',
    approved: 'Approuvée',
    rejected: 'Non approuvée',
    info_requested: 'Complément d’information demandé',
    withdrawn: 'Retirée',
    partly_approved: 'Approuvée pour certains dialogues',
  },
  es: {
    draft: 'Borrador, aún no enviado',
    submitted: 'Enviada',
    pending: 'Pendiente de examen',
    recommended: 'Recomendada, pendiente de aprobación',
    objected: 'Objeción de un Estado parte, devuelta a la secretaría',
    approved: 'Aprobada',
    rejected: 'No aprobada',
    info_requested: 'Se ha solicitado más información',
    withdrawn: 'Retirada',
    partly_approved: 'Aprobada para algunos diálogos',
  },
});
