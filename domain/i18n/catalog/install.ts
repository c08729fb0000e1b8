import { defineCatalog } from '../define';

/** The "Add to Slack" pages, read by the person installing the app in their organisation. */
export const install = defineCatalog({
  en: {
    'teams.openChat':
      'To see your application here, allow Dialogue Desk to sign you in when Teams asks. Meanwhile, open the chat with the bot and write “status”.',
    'teams.none': 'You have no application yet. Write “apply” to the bot in the chat to start one.',
    'teams.nextWait': 'Nothing to do: you will be told here and in the chat when there is a decision.',
    'teams.nextAnswer': 'The reviewers asked for more information: answer them in the chat with the bot.',
    'teams.nextFinish': 'Finish your application in the chat: write “apply” to continue where you left off.',
    'slack.title': 'Add Dialogue Desk to your Slack workspace',
    'slack.intro':
      'Dialogue Desk answers questions about the UNODC Constructive Dialogues and takes applications, in your own workspace. Reviewers stay with the secretariat; your people only ever see their own conversations with the bot.',
    'slack.scopes': 'Slack will ask you to allow these permissions:',
    'slack.button': 'Add to Slack',
    'slack.expires': 'This button works once, for 10 minutes. Reload the page for a new one.',
    'slack.done.title': 'Dialogue Desk is installed',
    'slack.done.text': 'Dialogue Desk is now in the workspace {team}. Send it a direct message, or type /dialogues help.',
    'slack.cancelled.title': 'Installation cancelled',
    'slack.cancelled.text': 'Nothing was installed. You can start again from the install page.',
    'slack.badState.title': 'This install link is no longer valid',
    'slack.badState.text':
      'It has expired, was already used, or was not started in this browser. Nothing was installed. Start again from the install page.',
    'slack.failed.title': 'Slack did not confirm the installation',
    'slack.failed.text': 'Nothing was installed. Please start again from the install page; if it fails again, tell the secretariat.',
    'slack.again': 'Back to the install page',
    'slack.notActive': 'Dialogue Desk is not active in this workspace. Ask your Slack administrator to install it again.',
  },
  fr: {
    'teams.openChat':
      'Pour voir votre candidature ici, autorisez Dialogue Desk à vous connecter lorsque Teams le demande. En attendant, ouvrez la conversation avec le bot et écrivez « statut ».',
    'teams.none': 'Vous n’avez pas encore de candidature. Écrivez « postuler » au bot dans la conversation pour commencer.',
    'teams.nextWait': 'Rien à faire : vous serez informé ici et dans la conversation lorsqu’une décision sera prise.',
    'teams.nextAnswer': 'Les évaluateurs demandent des informations complémentaires : répondez-leur dans la conversation avec le bot.',
    'teams.nextFinish':
      'Terminez votre candidature dans la conversation : écrivez « postuler » pour reprendre là où vous vous êtes arrêté.',
    'slack.title': 'Ajouter Dialogue Desk à votre espace de travail Slack',
    'slack.intro':
      'Dialogue Desk répond aux questions sur les Dialogues constructifs de l’ONUDC et reçoit les candidatures, dans votre propre espace de travail. Les évaluateurs restent au secrétariat ; vos membres ne voient que leurs propres conversations avec le bot.',
    'slack.scopes': 'Slack vous demandera d’accorder ces autorisations :',
    'slack.button': 'Ajouter à Slack',
    'slack.expires': 'Ce bouton fonctionne une fois, pendant 10 minutes. Rechargez la page pour en obtenir un nouveau.',
    'slack.done.title': 'Dialogue Desk est installé',
    'slack.done.text':
      'Dialogue Desk est maintenant dans l’espace de travail {team}. Envoyez-lui un message direct ou tapez /dialogues help.',
    'slack.cancelled.title': 'Installation annulée',
    'slack.cancelled.text': 'Rien n’a été installé. Vous pouvez recommencer depuis la page d’installation.',
    'slack.badState.title': 'Ce lien d’installation n’est plus valide',
    'slack.badState.text':
      'Il a expiré, a déjà été utilisé ou n’a pas été ouvert dans ce navigateur. Rien n’a été installé. Recommencez depuis la page d’installation.',
    'slack.failed.title': 'Slack n’a pas confirmé l’installation',
    'slack.failed.text':
      'Rien n’a été installé. Recommencez depuis la page d’installation ; si cela échoue encore, prévenez le secrétariat.',
    'slack.again': 'Retour à la page d’installation',
    'slack.notActive':
      'Dialogue Desk n’est pas actif dans cet espace de travail. Demandez à votre administrateur Slack de l’installer à nouveau.',
  },
  es: {
    'teams.openChat':
      'Para ver su solicitud aquí, permita que Dialogue Desk inicie su sesión cuando Teams lo pida. Mientras tanto, abra el chat con el bot y escriba «estado».',
    'teams.none': 'Aún no tiene ninguna solicitud. Escriba «solicitar» al bot en el chat para empezar.',
    'teams.nextWait': 'No tiene que hacer nada: se le avisará aquí y en el chat cuando haya una decisión.',
    'teams.nextAnswer': 'Los evaluadores piden más información: respóndales en el chat con el bot.',
    'teams.nextFinish': 'Termine su solicitud en el chat: escriba «solicitar» para continuar donde lo dejó.',
    'slack.title': 'Añadir Dialogue Desk a su espacio de trabajo de Slack',
    'slack.intro':
      'Dialogue Desk responde preguntas sobre los Diálogos constructivos de la UNODC y recibe solicitudes, en su propio espacio de trabajo. Los evaluadores siguen en la secretaría; sus miembros solo ven sus propias conversaciones con el bot.',
    'slack.scopes': 'Slack le pedirá que conceda estos permisos:',
    'slack.button': 'Añadir a Slack',
    'slack.expires': 'Este botón funciona una vez, durante 10 minutos. Vuelva a cargar la página para obtener uno nuevo.',
    'slack.done.title': 'Dialogue Desk está instalado',
    'slack.done.text': 'Dialogue Desk ya está en el espacio de trabajo {team}. Envíele un mensaje directo o escriba /dialogues help.',
    'slack.cancelled.title': 'Instalación cancelada',
    'slack.cancelled.text': 'No se instaló nada. Puede volver a empezar desde la página de instalación.',
    'slack.badState.title': 'Este enlace de instalación ya no es válido',
    'slack.badState.text':
      'Ha caducado, ya se utilizó o no se abrió en este navegador. No se instaló nada. Vuelva a empezar desde la página de instalación.',
    'slack.failed.title': 'Slack no confirmó la instalación',
    'slack.failed.text': 'No se instaló nada. Vuelva a empezar desde la página de instalación; si vuelve a fallar, avise a la secretaría.',
    'slack.again': 'Volver a la página de instalación',
    'slack.notActive':
      'Dialogue Desk no está activo en este espacio de trabajo. Pida a su administrador de Slack que lo vuelva a instalar.',
  },
});
