import { defineCatalog } from '../define';

/** Words every surface needs: language names (each in its own language) and generic replies. */
export const common = defineCatalog({
  en: {
    'language.en': 'English',
    'language.fr': 'Français',
    'language.es': 'Español',
    'language.changed': 'From now on I will write to you in English.',
    'error.generic': 'Something went wrong on our side. Nothing you sent was lost; please try again.',
  },
  fr: {
    'language.en': 'English',
    'language.fr': 'Français',
    'language.es': 'Español',
    'language.changed': 'Désormais, je vous écrirai en français.',
    'error.generic': 'Un problème est survenu de notre côté. Rien de ce que vous avez envoyé n’a été perdu ; veuillez réessayer.',
  },
  es: {
    'language.en': 'English',
    'language.fr': 'Français',
    'language.es': 'Español',
    'language.changed': 'A partir de ahora le escribiré en español.',
    'error.generic': 'Algo salió mal por nuestra parte. No se ha perdido nada de lo que envió; vuelva a intentarlo.',
  },
});
