import { defineCatalog } from '../define';

/**
 * The Teams "My application" tab. `{zone}` and `{name}` are filled in the page from what Teams
 * tells it (the computer's time zone, the person's display name), as text.
 */
export const tab = defineCatalog({
  en: {
    title: 'My application',
    welcome: 'Welcome.',
    welcomeName: 'Welcome, {name}.',
    intro:
      'To apply for a Constructive Dialogue, write “apply” to the bot in the Chat tab, or choose “Open in a window” on its Apply card. Write “status” to see your application and its decisions, and ask any question about the call in your own words.',
    zones: 'Deadlines are shown in your time zone ({zone}) and in Vienna time.',
    zoneUnknown: 'your computer’s zone',
  },
  fr: {
    title: 'Ma candidature',
    welcome: 'Bienvenue.',
    welcomeName: 'Bienvenue, {name}.',
    intro:
      'Pour postuler à un dialogue constructif, écrivez « postuler » au bot dans l’onglet Conversation, ou choisissez « Ouvrir dans une fenêtre » sur sa carte Postuler. Écrivez « statut » pour voir votre candidature et ses décisions, et posez toute question sur l’appel avec vos propres mots.',
    zones: 'Les dates limites sont indiquées dans votre fuseau horaire ({zone}) et à l’heure de Vienne.',
    zoneUnknown: 'le fuseau de votre ordinateur',
  },
  es: {
    title: 'Mi solicitud',
    welcome: 'Le damos la bienvenida.',
    welcomeName: 'Le damos la bienvenida, {name}.',
    intro:
      'Para postularse a un diálogo constructivo, escriba «solicitar» al bot en la pestaña Chat, o elija «Abrir en una ventana» en su tarjeta Postularse. Escriba «estado» para ver su solicitud y sus decisiones, y haga cualquier pregunta sobre la convocatoria con sus propias palabras.',
    zones: 'Los plazos se muestran en su zona horaria ({zone}) y en hora de Viena.',
    zoneUnknown: 'la zona de su ordenador',
  },
});
