import { defineCatalog } from '../define';

/**
 * The States parties' approval: what applicants, reviewers and States parties' focal points read
 * about recommendations, non-objection rounds, objections and balance.
 * `{body}` is states_parties | extended_bureau | secretariat.
 */
export const rounds = defineCatalog({
  en: {
    'body.name': '{body, select, states_parties {the States parties} extended_bureau {the Extended Bureau} other {the secretariat}}',
    'status.recommended':
      'Recommended, awaiting approval by {body, select, states_parties {the States parties} extended_bureau {the Extended Bureau} other {the secretariat}}',
    'when.pending': 'The reviewers have not decided yet. You will be told the outcome here.',
    'when.recommended':
      'The reviewers recommended it. It goes next to {body, select, states_parties {the States parties} extended_bureau {the Extended Bureau} other {the secretariat}} for approval; you will be told the final outcome here.',
    'when.inRound':
      'It is with {body, select, states_parties {the States parties} extended_bureau {the Extended Bureau} other {the secretariat}} for approval until {closes}; you will be told the final outcome here soon after.',
    'notice.approved':
      'Good news: your application {reference} to the {dialogue} has been approved{body, select, states_parties { by the States parties} extended_bureau { by the Extended Bureau} other {}}. Questions about taking part: {contact}.',
    'review.recommended':
      'Done: you recommended {reference} for {dialogue}. It goes to {body, select, states_parties {the States parties} extended_bureau {the Extended Bureau} other {the secretariat}} for approval; the applicant will be told the final outcome.',
    'card.recommended':
      '{dialogue}: recommended by {name}, {when}. Awaiting approval by {body, select, states_parties {the States parties} extended_bureau {the Extended Bureau} other {the secretariat}}.',
    'card.objected': '{dialogue}: recommended by {name}, {when}. Objected in the approval round: back with the secretariat.',
    'card.approvedAfterRound':
      '{dialogue}: recommended by {name}, {when}. Approved: no objection from {body, select, states_parties {the States parties} extended_bureau {the Extended Bureau} other {the secretariat}}.',
    'balance.line':
      '{dialogue} balance: {groupCount, plural, =0 {would be the first from {group}} one {would join # organisation from {group}} other {would join # organisations from {group}}}; {total, plural, =0 {no one recommended or approved so far} one {# participant so far: {women, plural, one {# woman} other {# women}}, {men, plural, one {# man} other {# men}}{others, plural, =0 {} other {, # other or not stated}}} other {# participants so far: {women, plural, one {# woman} other {# women}}, {men, plural, one {# man} other {# men}}{others, plural, =0 {} other {, # other or not stated}}}}. This application adds {addWomen, plural, one {# woman} other {# women}} and {addMen, plural, one {# man} other {# men}}{addOthers, plural, =0 {} other {, # other or not stated}}.',
    'fp.title': 'Non-objection rounds',
    'fp.intro':
      'You speak for {state}. These organisations are recommended to take part in the Constructive Dialogues. Any State party may object to one, with a reason, until the round closes; those without an objection are then approved. Only the secretariat sees objections and who made them.',
    'fp.none': 'No round is open right now. You will be told when one is sent.',
    'fp.round': '{dialogue}: round closes {closes}',
    'fp.closesIn': 'Closes {vienna} Vienna time ({local} your time).',
    'fp.closesVienna': 'Closes {vienna} Vienna time.',
    'fp.closed': 'Round closed on {when}.',
    'fp.col.organisation': 'Organisation',
    'fp.col.type': 'Type',
    'fp.col.country': 'Country',
    'fp.col.ecosoc': 'ECOSOC status',
    'fp.col.website': 'Website',
    'fp.col.areas': 'Areas of work',
    'fp.col.relevance': 'Relevance to this dialogue',
    'fp.col.objection': 'Your objection',
    'fp.ecosoc.yes': 'With ECOSOC status',
    'fp.ecosoc.no': 'Without ECOSOC status',
    'fp.yourObjection': 'You objected on {when}: {reason}',
    'fp.reasonLabel': 'Reason for objecting to {organisation}',
    'fp.object': 'Object',
    'fp.withdraw': 'Withdraw my objection',
    'fp.objected': 'Your objection is recorded. You can withdraw it until the round closes.',
    'fp.withdrawn': 'Your objection is withdrawn.',
    'fp.refused.closed': 'This round closed on {when}: objections are no longer accepted. Nothing was changed.',
    'fp.refused.twice': '{state} has already objected to this application in this round. Nothing was changed.',
    'fp.refused.role': 'Only a focal point of a State party can object. Nothing was changed.',
    'fp.refused.notInRound': 'This application is not in this round. Nothing was changed.',
    'fp.refused.noObjection': 'There is no standing objection of {state} to withdraw. Nothing was changed.',
    'fp.refused.reason': 'Write the reason for the objection (5 to 2,000 characters).',
    'notice.fp.subject': 'Non-objection round: {dialogue}, until {closes}',
    'notice.fp.text':
      '{count, plural, one {# organisation is} other {# organisations are}} recommended to take part in the {dialogue}. Objections are accepted until {closes} Vienna time. Sign in to see them and object: {url}',
  },
  fr: {
    'body.name': '{body, select, states_parties {les États parties} extended_bureau {le Bureau élargi} other {le secrétariat}}',
    'status.recommended':
      'Recommandée, en attente d’approbation par {body, select, states_parties {les États parties} extended_bureau {le Bureau élargi} other {le secrétariat}}',
    'when.pending': 'Les évaluateurs n’ont pas encore décidé. Le résultat vous sera communiqué ici.',
    'when.recommended':
      'Les évaluateurs l’ont recommandée. Elle est ensuite soumise à l’approbation {body, select, states_parties {des États parties} extended_bureau {du Bureau élargi} other {du secrétariat}} ; la décision finale vous sera communiquée ici.',
    'when.inRound':
      'Elle est soumise à l’approbation {body, select, states_parties {des États parties} extended_bureau {du Bureau élargi} other {du secrétariat}} jusqu’au {closes} ; la décision finale vous sera communiquée ici peu après.',
    'notice.approved':
      'Bonne nouvelle : votre candidature {reference} au {dialogue} a été approuvée{body, select, states_parties { par les États parties} extended_bureau { par le Bureau élargi} other {}}. Pour toute question sur la participation : {contact}.',
    'review.recommended':
      'C’est fait : vous avez recommandé {reference} pour {dialogue}. La candidature est soumise à l’approbation {body, select, states_parties {des États parties} extended_bureau {du Bureau élargi} other {du secrétariat}} ; le candidat sera informé de la décision finale.',
    'card.recommended':
      '{dialogue} : recommandée par {name}, {when}. En attente d’approbation par {body, select, states_parties {les États parties} extended_bureau {le Bureau élargi} other {le secrétariat}}.',
    'card.objected': '{dialogue} : recommandée par {name}, {when}. Objection lors du tour d’approbation : retour au secrétariat.',
    'card.approvedAfterRound':
      '{dialogue} : recommandée par {name}, {when}. Approuvée : aucune objection {body, select, states_parties {des États parties} extended_bureau {du Bureau élargi} other {du secrétariat}}.',
    'balance.line':
      'Équilibre, {dialogue} : {groupCount, plural, =0 {serait la première organisation du groupe {group}} one {rejoindrait # organisation du groupe {group}} other {rejoindrait # organisations du groupe {group}}} ; {total, plural, =0 {personne n’a encore été recommandé ou approuvé} one {# participant à ce jour : {women, plural, one {# femme} other {# femmes}}, {men, plural, one {# homme} other {# hommes}}{others, plural, =0 {} other {, # autre ou non précisé}}} other {# participants à ce jour : {women, plural, one {# femme} other {# femmes}}, {men, plural, one {# homme} other {# hommes}}{others, plural, =0 {} other {, # autres ou non précisé}}}}. Cette candidature ajoute {addWomen, plural, one {# femme} other {# femmes}} et {addMen, plural, one {# homme} other {# hommes}}{addOthers, plural, =0 {} other {, # autre ou non précisé}}.',
    'fp.title': 'Tours de non-objection',
    'fp.intro':
      'Vous représentez : {state}. Ces organisations sont recommandées pour participer aux Dialogues constructifs. Tout État partie peut s’opposer à l’une d’elles, en motivant son objection, jusqu’à la clôture du tour ; celles qui ne font l’objet d’aucune objection sont alors approuvées. Seul le secrétariat voit les objections et leurs auteurs.',
    'fp.none': 'Aucun tour n’est ouvert pour le moment. Vous serez informé de l’envoi du prochain.',
    'fp.round': '{dialogue} : le tour se clôt le {closes}',
    'fp.closesIn': 'Clôture : {vienna}, heure de Vienne ({local}, votre heure).',
    'fp.closesVienna': 'Clôture : {vienna}, heure de Vienne.',
    'fp.closed': 'Tour clos le {when}.',
    'fp.col.organisation': 'Organisation',
    'fp.col.type': 'Type',
    'fp.col.country': 'Pays',
    'fp.col.ecosoc': 'Statut ECOSOC',
    'fp.col.website': 'Site web',
    'fp.col.areas': 'Domaines d’activité',
    'fp.col.relevance': 'Pertinence pour ce dialogue',
    'fp.col.objection': 'Votre objection',
    'fp.ecosoc.yes': 'Dotée du statut ECOSOC',
    'fp.ecosoc.no': 'Sans statut ECOSOC',
    'fp.yourObjection': 'Vous avez formulé une objection le {when} : {reason}',
    'fp.reasonLabel': 'Motif de l’objection à {organisation}',
    'fp.object': 'Formuler une objection',
    'fp.withdraw': 'Retirer mon objection',
    'fp.objected': 'Votre objection est enregistrée. Vous pouvez la retirer jusqu’à la clôture du tour.',
    'fp.withdrawn': 'Votre objection est retirée.',
    'fp.refused.closed': 'Ce tour a été clos le {when} : les objections ne sont plus acceptées. Rien n’a été modifié.',
    'fp.refused.twice': '{state} a déjà formulé une objection à cette candidature dans ce tour. Rien n’a été modifié.',
    'fp.refused.role': 'Seul un point focal d’un État partie peut formuler une objection. Rien n’a été modifié.',
    'fp.refused.notInRound': 'Cette candidature ne fait pas partie de ce tour. Rien n’a été modifié.',
    'fp.refused.noObjection': 'Il n’y a pas d’objection de {state} à retirer. Rien n’a été modifié.',
    'fp.refused.reason': 'Indiquez le motif de l’objection (de 5 à 2 000 caractères).',
    'notice.fp.subject': 'Tour de non-objection : {dialogue}, jusqu’au {closes}',
    'notice.fp.text':
      '{count, plural, one {# organisation est recommandée} other {# organisations sont recommandées}} pour participer au {dialogue}. Les objections sont acceptées jusqu’au {closes}, heure de Vienne. Connectez-vous pour les consulter et formuler une objection : {url}',
  },
  es: {
    'body.name': '{body, select, states_parties {los Estados partes} extended_bureau {la Mesa ampliada} other {la secretaría}}',
    'status.recommended':
      'Recomendada, pendiente de aprobación por {body, select, states_parties {los Estados partes} extended_bureau {la Mesa ampliada} other {la secretaría}}',
    'when.pending': 'Los evaluadores aún no han decidido. Se le comunicará el resultado aquí.',
    'when.recommended':
      'Los evaluadores la recomendaron. A continuación se somete a la aprobación de {body, select, states_parties {los Estados partes} extended_bureau {la Mesa ampliada} other {la secretaría}}; se le comunicará aquí el resultado final.',
    'when.inRound':
      'Está sometida a la aprobación de {body, select, states_parties {los Estados partes} extended_bureau {la Mesa ampliada} other {la secretaría}} hasta el {closes}; se le comunicará aquí el resultado final poco después.',
    'notice.approved':
      'Buenas noticias: su solicitud {reference} para el {dialogue} ha sido aprobada{body, select, states_parties { por los Estados partes} extended_bureau { por la Mesa ampliada} other {}}. Preguntas sobre la participación: {contact}.',
    'review.recommended':
      'Hecho: usted recomendó {reference} para {dialogue}. Se somete a la aprobación de {body, select, states_parties {los Estados partes} extended_bureau {la Mesa ampliada} other {la secretaría}}; se comunicará el resultado final al solicitante.',
    'card.recommended':
      '{dialogue}: recomendada por {name}, {when}. Pendiente de aprobación por {body, select, states_parties {los Estados partes} extended_bureau {la Mesa ampliada} other {la secretaría}}.',
    'card.objected': '{dialogue}: recomendada por {name}, {when}. Objeción en la ronda de aprobación: vuelve a la secretaría.',
    'card.approvedAfterRound':
      '{dialogue}: recomendada por {name}, {when}. Aprobada: sin objeción de {body, select, states_parties {los Estados partes} extended_bureau {la Mesa ampliada} other {la secretaría}}.',
    'balance.line':
      'Equilibrio, {dialogue}: {groupCount, plural, =0 {sería la primera organización del grupo {group}} one {se sumaría a # organización del grupo {group}} other {se sumaría a # organizaciones del grupo {group}}}; {total, plural, =0 {nadie recomendado ni aprobado hasta ahora} one {# participante hasta ahora: {women, plural, one {# mujer} other {# mujeres}}, {men, plural, one {# hombre} other {# hombres}}{others, plural, =0 {} other {, # otro o sin indicar}}} other {# participantes hasta ahora: {women, plural, one {# mujer} other {# mujeres}}, {men, plural, one {# hombre} other {# hombres}}{others, plural, =0 {} other {, # otros o sin indicar}}}}. Esta solicitud añade {addWomen, plural, one {# mujer} other {# mujeres}} y {addMen, plural, one {# hombre} other {# hombres}}{addOthers, plural, =0 {} other {, # otro o sin indicar}}.',
    'fp.title': 'Rondas de no objeción',
    'fp.intro':
      'Usted representa a: {state}. Estas organizaciones están recomendadas para participar en los Diálogos constructivos. Cualquier Estado parte puede objetar a una de ellas, indicando el motivo, hasta que se cierre la ronda; las que no reciban objeciones quedan aprobadas. Solo la secretaría ve las objeciones y quién las formuló.',
    'fp.none': 'No hay ninguna ronda abierta en este momento. Se le avisará cuando se envíe una.',
    'fp.round': '{dialogue}: la ronda se cierra el {closes}',
    'fp.closesIn': 'Cierre: {vienna}, hora de Viena ({local}, su hora).',
    'fp.closesVienna': 'Cierre: {vienna}, hora de Viena.',
    'fp.closed': 'Ronda cerrada el {when}.',
    'fp.col.organisation': 'Organización',
    'fp.col.type': 'Tipo',
    'fp.col.country': 'País',
    'fp.col.ecosoc': 'Estatus ECOSOC',
    'fp.col.website': 'Sitio web',
    'fp.col.areas': 'Ámbitos de trabajo',
    'fp.col.relevance': 'Pertinencia para este diálogo',
    'fp.col.objection': 'Su objeción',
    'fp.ecosoc.yes': 'Con estatus ECOSOC',
    'fp.ecosoc.no': 'Sin estatus ECOSOC',
    'fp.yourObjection': 'Usted formuló una objeción el {when}: {reason}',
    'fp.reasonLabel': 'Motivo de la objeción a {organisation}',
    'fp.object': 'Objetar',
    'fp.withdraw': 'Retirar mi objeción',
    'fp.objected': 'Su objeción ha quedado registrada. Puede retirarla hasta que se cierre la ronda.',
    'fp.withdrawn': 'Su objeción ha sido retirada.',
    'fp.refused.closed': 'Esta ronda se cerró el {when}: ya no se aceptan objeciones. No se ha cambiado nada.',
    'fp.refused.twice': '{state} ya ha objetado esta solicitud en esta ronda. No se ha cambiado nada.',
    'fp.refused.role': 'Solo un punto focal de un Estado parte puede objetar. No se ha cambiado nada.',
    'fp.refused.notInRound': 'Esta solicitud no forma parte de esta ronda. No se ha cambiado nada.',
    'fp.refused.noObjection': 'No hay ninguna objeción de {state} que retirar. No se ha cambiado nada.',
    'fp.refused.reason': 'Indique el motivo de la objeción (de 5 a 2000 caracteres).',
    'notice.fp.subject': 'Ronda de no objeción: {dialogue}, hasta el {closes}',
    'notice.fp.text':
      '{count, plural, one {# organización está recomendada} other {# organizaciones están recomendadas}} para participar en el {dialogue}. Se aceptan objeciones hasta el {closes}, hora de Viena. Inicie sesión para verlas y objetar: {url}',
  },
});
