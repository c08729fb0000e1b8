import { defineCatalog } from '../define';

/** "My data": a person's export and erasure, from chat. */
export const privacy = defineCatalog({
  en: {
    'menu.title': 'Your data',
    'menu.text':
      'You can download everything we hold about you (applications, drafts, decisions, messages, subscriptions), or ask us to delete it.',
    'menu.export': 'Download my data',
    'menu.delete': 'Delete my data',
    'only.direct': 'Your data is private: ask me for it in a direct message, not here.',
    'nothing.held': 'We hold no personal data about you.',
    'export.sent': 'Here is everything we hold about you, as a JSON file.',
    'export.link': 'Here is everything we hold about you, as a JSON file. The link works for {minutes} minutes; do not share it.',
    'export.download': 'Download (JSON)',
    'export.unavailable': 'I cannot send files here. Please write to {contact} and the secretariat will send you your data.',
    'delete.ask.title': 'Delete your data?',
    'delete.ask.text':
      '{open, plural, =0 {} one {Your open application will be withdrawn. } other {Your # open applications will be withdrawn. }}Your names, emails, answers and messages will be erased. This cannot be undone.',
    'delete.confirm': 'Yes, delete my data',
    'delete.cancel': 'Keep my data',
    'delete.cancelled': 'Nothing was deleted.',
    'delete.not.yours': 'This button was meant for someone else. Nothing was deleted.',
    'delete.done':
      '{withdrawn, plural, =0 {Your data has been deleted.} one {Your application was withdrawn and your data has been deleted.} other {Your # applications were withdrawn and your data has been deleted.}}',
    'delete.kept':
      'What we kept, and why: for the balance statistics of the dialogues, each application keeps its dialogues, stakeholder type, country and region, the genders of its representatives (counts only), the decisions and their dates. None of it names you. Copies of messages already in Slack or Teams are kept by your workspace.',
  },
  fr: {
    'menu.title': 'Vos données',
    'menu.text':
      'Vous pouvez télécharger tout ce que nous conservons à votre sujet (candidatures, brouillons, décisions, messages, abonnements), ou nous demander de le supprimer.',
    'menu.export': 'Télécharger mes données',
    'menu.delete': 'Supprimer mes données',
    'only.direct': 'Vos données sont privées : demandez-les-moi dans un message direct, pas ici.',
    'nothing.held': 'Nous ne conservons aucune donnée personnelle à votre sujet.',
    'export.sent': 'Voici tout ce que nous conservons à votre sujet, dans un fichier JSON.',
    'export.link':
      'Voici tout ce que nous conservons à votre sujet, dans un fichier JSON. Le lien est valable {minutes} minutes ; ne le partagez pas.',
    'export.download': 'Télécharger (JSON)',
    'export.unavailable': 'Je ne peux pas envoyer de fichiers ici. Écrivez à {contact} et le secrétariat vous enverra vos données.',
    'delete.ask.title': 'Supprimer vos données ?',
    'delete.ask.text':
      '{open, plural, =0 {} one {Votre candidature en cours sera retirée. } other {Vos # candidatures en cours seront retirées. }}Vos noms, adresses e-mail, réponses et messages seront effacés. Cette action est définitive.',
    'delete.confirm': 'Oui, supprimer mes données',
    'delete.cancel': 'Garder mes données',
    'delete.cancelled': 'Rien n’a été supprimé.',
    'delete.not.yours': 'Ce bouton était destiné à quelqu’un d’autre. Rien n’a été supprimé.',
    'delete.done':
      '{withdrawn, plural, =0 {Vos données ont été supprimées.} one {Votre candidature a été retirée et vos données ont été supprimées.} other {Vos # candidatures ont été retirées et vos données ont été supprimées.}}',
    'delete.kept':
      'Ce que nous avons gardé, et pourquoi : pour les statistiques d’équilibre des dialogues, chaque candidature garde ses dialogues, le type d’organisation, le pays et la région, le genre de ses représentants (en nombre seulement), les décisions et leurs dates. Rien de cela ne vous nomme. Les copies des messages déjà dans Slack ou Teams sont conservées par votre espace de travail.',
  },
  es: {
    'menu.title': 'Sus datos',
    'menu.text':
      'Puede descargar todo lo que guardamos sobre usted (solicitudes, borradores, decisiones, mensajes, suscripciones) o pedirnos que lo eliminemos.',
    'menu.export': 'Descargar mis datos',
    'menu.delete': 'Eliminar mis datos',
    'only.direct': 'Sus datos son privados: pídamelos en un mensaje directo, no aquí.',
    'nothing.held': 'No guardamos ningún dato personal sobre usted.',
    'export.sent': 'Aquí tiene todo lo que guardamos sobre usted, en un archivo JSON.',
    'export.link':
      'Aquí tiene todo lo que guardamos sobre usted, en un archivo JSON. El enlace funciona durante {minutes} minutos; no lo comparta.',
    'export.download': 'Descargar (JSON)',
    'export.unavailable': 'No puedo enviar archivos aquí. Escriba a {contact} y la secretaría le enviará sus datos.',
    'delete.ask.title': '¿Eliminar sus datos?',
    'delete.ask.text':
      '{open, plural, =0 {} one {Su solicitud en curso será retirada. } other {Sus # solicitudes en curso serán retiradas. }}Sus nombres, correos, respuestas y mensajes serán borrados. No se puede deshacer.',
    'delete.confirm': 'Sí, eliminar mis datos',
    'delete.cancel': 'Conservar mis datos',
    'delete.cancelled': 'No se eliminó nada.',
    'delete.not.yours': 'Este botón era para otra persona. No se eliminó nada.',
    'delete.done':
      '{withdrawn, plural, =0 {Sus datos han sido eliminados.} one {Su solicitud fue retirada y sus datos han sido eliminados.} other {Sus # solicitudes fueron retiradas y sus datos han sido eliminados.}}',
    'delete.kept':
      'Lo que conservamos y por qué: para las estadísticas de equilibrio de los diálogos, cada solicitud conserva sus diálogos, el tipo de organización, el país y la región, el género de sus representantes (solo en número), las decisiones y sus fechas. Nada de ello le nombra. Las copias de los mensajes que ya están en Slack o Teams las conserva su espacio de trabajo.',
  },
});
