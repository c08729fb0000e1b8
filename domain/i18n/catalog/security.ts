import { defineCatalog } from '../define';

/** What people read when the product keeps something private or refuses something. */
export const security = defineCatalog({
  en: {
    'private.title': 'Your application is private',
    'private.text':
      'I do not show applications in a channel or group chat. Open it in a window that only you can see, or write to me in our personal chat.',
    'private.textNoWindow':
      'I do not show applications in a channel or group chat. Write to me in our personal chat: open the app from the left rail and choose Chat.',
    'private.open': 'Open in a window',
    'error.invalid': 'Some of what was sent is not valid. Nothing was changed.',
    'error.not_found': 'That is not here any more. Nothing was changed.',
    'error.conflict': 'Someone changed this at the same moment. Nothing of yours was lost; please look again and retry.',
    'error.forbidden': 'You are not allowed to do this. Nothing was changed.',
    'error.busy': 'We are busy right now. Nothing you sent was lost; please try again in a moment.',
    'error.retryModal': 'Your answers could not be saved just now. Nothing was lost: press the button again to retry.',
    'error.cardInvalid': 'This card is not valid any more.',
    'error.dataLinkExpired': 'This download link has expired or is not valid. Ask the bot for "my data" again.',
  },
  fr: {
    'private.title': 'Votre candidature est privée',
    'private.text':
      'Je n’affiche pas les candidatures dans un canal ou une conversation de groupe. Ouvrez-la dans une fenêtre que vous seul voyez, ou écrivez-moi dans notre conversation personnelle.',
    'private.textNoWindow':
      'Je n’affiche pas les candidatures dans un canal ou une conversation de groupe. Écrivez-moi dans notre conversation personnelle : ouvrez l’application dans la barre de gauche et choisissez Conversation.',
    'private.open': 'Ouvrir dans une fenêtre',
    'error.invalid': 'Une partie de ce qui a été envoyé n’est pas valide. Rien n’a été modifié.',
    'error.not_found': 'Cet élément n’existe plus. Rien n’a été modifié.',
    'error.conflict':
      'Quelqu’un a modifié cet élément au même moment. Rien de ce que vous avez saisi n’a été perdu ; vérifiez et réessayez.',
    'error.forbidden': 'Vous n’êtes pas autorisé à faire cela. Rien n’a été modifié.',
    'error.busy': 'Nous sommes très sollicités en ce moment. Rien de ce que vous avez envoyé n’a été perdu ; réessayez dans un instant.',
    'error.retryModal':
      'Vos réponses n’ont pas pu être enregistrées pour l’instant. Rien n’a été perdu : appuyez de nouveau sur le bouton pour réessayer.',
    'error.cardInvalid': 'Cette carte n’est plus valide.',
    'error.dataLinkExpired': 'Ce lien de téléchargement a expiré ou n’est pas valide. Redemandez « mes données » au bot.',
  },
  es: {
    'private.title': 'Su solicitud es privada',
    'private.text':
      'No muestro solicitudes en un canal ni en un chat de grupo. Ábrala en una ventana que solo usted ve, o escríbame en nuestro chat personal.',
    'private.textNoWindow':
      'No muestro solicitudes en un canal ni en un chat de grupo. Escríbame en nuestro chat personal: abra la aplicación en la barra izquierda y elija Chat.',
    'private.open': 'Abrir en una ventana',
    'error.invalid': 'Parte de lo enviado no es válido. No se ha cambiado nada.',
    'error.not_found': 'Esto ya no existe. No se ha cambiado nada.',
    'error.conflict': 'Alguien lo cambió en el mismo momento. No se ha perdido nada suyo; revíselo y vuelva a intentarlo.',
    'error.forbidden': 'No tiene permiso para hacer esto. No se ha cambiado nada.',
    'error.busy': 'Estamos muy ocupados en este momento. No se ha perdido nada de lo que envió; vuelva a intentarlo en un momento.',
    'error.retryModal': 'No se pudieron guardar sus respuestas ahora. No se ha perdido nada: pulse el botón de nuevo para reintentar.',
    'error.cardInvalid': 'Esta tarjeta ya no es válida.',
    'error.dataLinkExpired': 'Este enlace de descarga ha caducado o no es válido. Vuelva a pedir «mis datos» al bot.',
  },
});
