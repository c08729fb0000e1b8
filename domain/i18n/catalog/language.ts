import { defineCatalog } from '../define';

/** Choosing the language: the setting on Slack App Home, the Teams card and the playground. */
export const language = defineCatalog({
  en: {
    title: 'Language',
    current: 'I write to you in English. Choose another language here, or write "language: français" or "idioma: español" at any time.',
    action: 'Choose the language',
  },
  fr: {
    title: 'Langue',
    current:
      'Je vous écris en français. Vous pouvez choisir une autre langue ici, ou écrire « language: English » ou « idioma: español » à tout moment.',
    action: 'Choisir la langue',
  },
  es: {
    title: 'Idioma',
    current:
      'Le escribo en español. Puede elegir otro idioma aquí, o escribir «language: English» o «langue : français» en cualquier momento.',
    action: 'Elegir el idioma',
  },
});
