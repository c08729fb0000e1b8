/**
 * The engine's one-word commands as people say them in French and Spanish ("postuler", "estado"),
 * mapped to the English command the conversation engine routes on. Only a whole short message
 * counts, as in English, so questions that contain these words are still answered.
 */
const COMMANDS: Record<string, string> = {
  // French
  postuler: 'apply',
  candidater: 'apply',
  'deposer une candidature': 'apply',
  'ma candidature': 'apply',
  reprendre: 'apply',
  statut: 'status',
  'mon statut': 'status',
  etat: 'status',
  modifier: 'edit',
  'modifier ma candidature': 'edit',
  retirer: 'withdraw',
  'retirer ma candidature': 'withdraw',
  aide: 'help',
  // Spanish
  solicitar: 'apply',
  postular: 'apply',
  postularse: 'apply',
  'presentar solicitud': 'apply',
  'mi solicitud': 'apply',
  continuar: 'apply',
  estado: 'status',
  'mi estado': 'status',
  editar: 'edit',
  modificar: 'edit',
  'modificar mi solicitud': 'edit',
  retirar: 'withdraw',
  'retirar mi solicitud': 'withdraw',
  ayuda: 'help',
};

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.!?¡¿,;:«»"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The English command for a French or Spanish one; the text unchanged otherwise. */
export function commandInEnglish(text: string): string {
  return COMMANDS[fold(text)] ?? text;
}
