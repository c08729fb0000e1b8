import { defineCatalog } from '../define';

/** Messages the outbox sends to an applicant later: decisions, requests for information, reminders, calls opening. */
export const notices = defineCatalog({
  en: {
    title: 'Application {reference}',
    approved: 'Good news: your application {reference} to the {dialogue} has been approved. Questions about taking part: {contact}.',
    rejected: 'Your application {reference} to the {dialogue} was not approved. Questions: {contact}.',
    rejectedReason: 'Your application {reference} to the {dialogue} was not approved. Reason given: {reason} Questions: {contact}.',
    infoRequested: 'The reviewers of your application {reference} to the {dialogue} ask for more information: {reason}',
    answer: 'Answer',
    'reminder.title': 'Your application is not sent yet',
    'reminder.text':
      'The call "{call}" closes {days, plural, one {tomorrow} other {in # days}} ({deadline}). Your draft is saved: pick up where you left off.',
    'reminder.resume': 'Resume my application',
    'callOpened.title': 'Applications are open: {dialogue}',
    'callOpened.text': 'You asked to be told when this call opens. Apply before {deadline}.',
    'callOpened.apply': 'Apply',
  },
  fr: {
    title: 'Candidature {reference}',
    approved:
      'Bonne nouvelle : votre candidature {reference} pour le dialogue suivant a été approuvée : {dialogue}. Pour toute question sur votre participation : {contact}.',
    rejected: 'Votre candidature {reference} pour le dialogue suivant n’a pas été approuvée : {dialogue}. Pour toute question : {contact}.',
    rejectedReason:
      'Votre candidature {reference} pour le dialogue suivant n’a pas été approuvée : {dialogue}. Motif indiqué : {reason} Pour toute question : {contact}.',
    infoRequested:
      'Les examinateurs de votre candidature {reference} pour le dialogue suivant demandent un complément d’information : {dialogue}. Leur demande : {reason}',
    answer: 'Répondre',
    'reminder.title': 'Votre candidature n’a pas encore été envoyée',
    'reminder.text':
      'L’appel « {call} » sera clos {days, plural, one {demain} other {dans # jours}} ({deadline}). Votre brouillon est enregistré : reprenez là où vous vous étiez arrêté(e).',
    'reminder.resume': 'Reprendre ma candidature',
    'callOpened.title': 'Candidatures ouvertes : {dialogue}',
    'callOpened.text': 'Vous avez demandé à être informé(e) de l’ouverture de cet appel. Postulez avant le {deadline}.',
    'callOpened.apply': 'Postuler',
  },
  es: {
    title: 'Solicitud {reference}',
    approved:
      'Buenas noticias: se ha aprobado su solicitud {reference} para el siguiente diálogo: {dialogue}. Para consultas sobre su participación: {contact}.',
    rejected: 'Su solicitud {reference} para el siguiente diálogo no fue aprobada: {dialogue}. Consultas: {contact}.',
    rejectedReason:
      'Su solicitud {reference} para el siguiente diálogo no fue aprobada: {dialogue}. Motivo indicado: {reason} Consultas: {contact}.',
    infoRequested:
      'Los examinadores de su solicitud {reference} para el siguiente diálogo piden más información: {dialogue}. Su solicitud: {reason}',
    answer: 'Responder',
    'reminder.title': 'Su solicitud aún no se ha enviado',
    'reminder.text':
      'La convocatoria «{call}» se cierra {days, plural, one {mañana} other {dentro de # días}} ({deadline}). Su borrador está guardado: continúe donde lo dejó.',
    'reminder.resume': 'Continuar mi solicitud',
    'callOpened.title': 'Solicitudes abiertas: {dialogue}',
    'callOpened.text': 'Pidió que se le avisara cuando se abriera esta convocatoria. Presente su solicitud antes del {deadline}.',
    'callOpened.apply': 'Postularse',
  },
});
