import { defineCatalog } from '../define';

/**
 * The Teams app package (scripts/teams-package.ts): the app's name and descriptions in the Teams
 * store and app details, the admin tab's name and the bot's command menu. Teams' limits apply in
 * every language: short name 30 characters, full name 100, short description 80, command titles
 * 32. A command title is what Teams sends when someone picks it from the menu, so it is the word
 * the engine understands in that language (domain/i18n/commands.ts).
 */
export const teamsApp = defineCatalog({
  en: {
    'name.short': 'Dialogue Desk',
    'name.full': 'Dialogue Desk: Constructive Dialogues call for participation',
    'description.short': 'Ask about the Constructive Dialogues call and apply',
    'description.full':
      'Answers questions about the call for participation in the UNODC Constructive Dialogues, takes applications through guided cards, lets reviewers decide in a channel, tells applicants the outcome, and brings the secretariat’s admin panel into Teams.',
    'tab.admin': 'Admin',
    'command.apply': 'apply',
    'command.apply.description': 'Start or continue your application',
    'command.status': 'status',
    'command.status.description': 'Your application and its decisions',
    'command.help': 'help',
  },
  fr: {
    'name.short': 'Dialogue Desk',
    'name.full': 'Dialogue Desk : appel à participation aux Dialogues constructifs',
    'description.short': 'Posez vos questions sur l’appel des Dialogues constructifs et postulez',
    'description.full':
      'Répond aux questions sur l’appel à participation aux Dialogues constructifs de l’ONUDC, reçoit les candidatures au moyen de cartes guidées, permet aux évaluateurs de décider dans un canal, informe les candidats du résultat et intègre à Teams le panneau d’administration du secrétariat.',
    'tab.admin': 'Administration',
    'command.apply': 'postuler',
    'command.apply.description': 'Commencer ou reprendre votre candidature',
    'command.status': 'statut',
    'command.status.description': 'Votre candidature et ses décisions',
    'command.help': 'aide',
  },
  es: {
    'name.short': 'Dialogue Desk',
    'name.full': 'Dialogue Desk: convocatoria de participación en los Diálogos constructivos',
    'description.short': 'Pregunte sobre la convocatoria de los Diálogos constructivos y postúlese',
    'description.full':
      'Responde a las preguntas sobre la convocatoria de participación en los Diálogos constructivos de la UNODC, recibe solicitudes mediante tarjetas guiadas, permite a los evaluadores decidir en un canal, comunica el resultado a los solicitantes y lleva a Teams el panel de administración de la secretaría.',
    'tab.admin': 'Administración',
    'command.apply': 'solicitar',
    'command.apply.description': 'Iniciar o continuar su solicitud',
    'command.status': 'estado',
    'command.status.description': 'Su solicitud y sus decisiones',
    'command.help': 'ayuda',
  },
});
