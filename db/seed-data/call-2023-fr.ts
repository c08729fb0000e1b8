/**
 * The 2023 call in French: a faithful translation of the English entries (call-2023.ts), in the
 * United Nations' French terminology (ONUDC, Convention contre la criminalité organisée, États
 * parties, statut consultatif auprès de l'ECOSOC). The variants are how French speakers ask.
 */
import { MAX_REPRESENTATIVES } from '../../domain/form/steps-people';
import type { DialogueText, FaqText } from '../../domain/types';

const ANNOUNCED =
  'Annoncé dans l’appel de 2023 ; sa forme, son lieu et les modalités de participation seront précisés dans son propre appel à participation.';
const LATER_NOTE = 'L’appel à participation sera lancé séparément en mars 2023.';

export const dialoguesFr: Record<string, DialogueText> = {
  firearms: {
    name: 'Dialogue constructif sur les armes à feu',
    shortName: 'Armes à feu',
    location: 'Vienne (Autriche) et en ligne',
    description:
      'Fait suite à la clôture du Groupe de travail sur les armes à feu ; porte sur le processus d’examen de la Convention contre la criminalité organisée et de son Protocole relatif aux armes à feu.',
    callNote: null,
  },
  'technical-assistance': {
    name: 'Dialogue constructif sur l’assistance technique',
    shortName: 'Assistance technique',
    location: 'Vienne (Autriche) et en ligne',
    description: 'Fait suite à la clôture du Groupe de travail d’experts gouvernementaux sur l’assistance technique.',
    callNote: null,
  },
  'international-cooperation': {
    name: 'Dialogue constructif sur la coopération internationale',
    shortName: 'Coopération internationale',
    location: 'À annoncer',
    description: ANNOUNCED,
    callNote: LATER_NOTE,
  },
  'trafficking-in-persons': {
    name: 'Dialogue constructif sur la traite des personnes',
    shortName: 'Traite des personnes',
    location: 'À annoncer',
    description: ANNOUNCED,
    callNote: LATER_NOTE,
  },
  'smuggling-of-migrants': {
    name: 'Dialogue constructif sur le trafic illicite de migrants',
    shortName: 'Trafic illicite de migrants',
    location: 'À annoncer',
    description: ANNOUNCED,
    callNote: LATER_NOTE,
  },
};

export const faqFr: Record<string, FaqText> = {
  deadline: {
    question: 'Quelle est la date limite de dépôt des candidatures ?',
    variants: [
      'Quand est la date limite ?',
      'Quel est le dernier jour pour postuler ?',
      'Jusqu’à quand peut-on s’inscrire ?',
      'Quand les candidatures sont-elles closes ?',
      'Est-il trop tard pour postuler ?',
      'L’appel est-il encore ouvert ?',
      'Combien de jours reste-t-il pour postuler ?',
      'Quel est le délai pour envoyer la candidature ?',
      'Peut-on encore soumettre une candidature ?',
      'Date de clôture des inscriptions',
    ],
    answer:
      'La date limite de dépôt des candidatures est le 12 février 2023 à minuit, heure de Vienne (Autriche). Il ne sera pas possible de postuler plus tard.',
  },
  'dialogue-dates': {
    question: 'Quand les dialogues constructifs ont-ils lieu ?',
    variants: [
      'Quelles sont les dates des dialogues ?',
      'Quand a lieu le dialogue sur les armes à feu ?',
      'Quand a lieu le dialogue sur l’assistance technique ?',
      'À quelle date se tient la réunion ?',
      'Quel jour a lieu l’événement ?',
      'Dates clés des dialogues',
    ],
    answer:
      'Le Dialogue constructif sur les armes à feu aura lieu le 5 mai 2023, après le Groupe de travail sur les armes à feu. Le Dialogue constructif sur l’assistance technique aura lieu le 31 mai 2023, après le Groupe de travail d’experts gouvernementaux sur l’assistance technique.',
  },
  format: {
    question: 'Où se tiennent les dialogues, et peut-on y participer en ligne ?',
    variants: [
      'Est-ce en présentiel ou en ligne ?',
      'Le format est-il hybride ?',
      'Peut-on participer à distance ?',
      'La réunion a-t-elle lieu à Vienne ?',
      'Où se trouve le lieu de la réunion ?',
      'Faut-il se rendre à Vienne ?',
      'Quel est le format de la réunion ?',
      'Y a-t-il un lien de connexion ?',
    ],
    answer: 'Les deux dialogues se tiennent en format hybride : vous pouvez y participer en personne à Vienne (Autriche) ou en ligne.',
  },
  objectives: {
    question: 'Quels sont les objectifs des dialogues constructifs ?',
    variants: [
      'Quel est le but d’un dialogue constructif ?',
      'Pourquoi les dialogues sont-ils organisés ?',
      'À quoi sert le dialogue ?',
      'Que se passe-t-il lors d’un dialogue constructif ?',
      'Quelle est la finalité des dialogues ?',
    ],
    answer:
      'Ils visent à informer les participants de l’évolution et des résultats du processus d’examen ; à recueillir les contributions et suggestions des participants, notamment sur les moyens d’améliorer l’application de la Convention et des Protocoles s’y rapportant ; et à coopérer avec les organisations non gouvernementales pour lutter contre la criminalité transnationale organisée, conformément à l’article 32, paragraphe 3 c), de la Convention.',
  },
  'legal-basis': {
    question: 'Quel est le fondement juridique des dialogues constructifs ?',
    variants: [
      'Quelle résolution prévoit les dialogues ?',
      'Pourquoi le mécanisme d’examen organise-t-il des dialogues avec les parties prenantes ?',
      'Sur quel mandat reposent les dialogues ?',
      'Résolution 9/1, paragraphe 53',
    ],
    answer:
      'Le paragraphe 53 des procédures et règles de fonctionnement du Mécanisme d’examen de l’application de la Convention des Nations Unies contre la criminalité transnationale organisée et des Protocoles s’y rapportant, adoptées par la Conférence des Parties dans sa résolution 9/1, prévoit que des dialogues constructifs avec les parties prenantes concernées se tiennent régulièrement à l’issue des sessions des groupes de travail.',
  },
  'who-can-apply': {
    question: 'Qui peut présenter une candidature ?',
    variants: [
      'Qui peut participer ?',
      'Les universités et les chercheurs peuvent-ils participer ?',
      'Les universitaires peuvent-ils prendre part aux dialogues ?',
      'Le secteur privé peut-il participer ?',
      'La participation est-elle réservée aux ONG ?',
      'Les ONG sans statut ECOSOC peuvent-elles participer ?',
      'Le statut consultatif auprès de l’ECOSOC est-il obligatoire ?',
      'Quelles organisations peuvent postuler ?',
      'Quelles organisations sont éligibles ?',
      'Une entreprise peut-elle postuler ?',
      'La société civile peut-elle participer ?',
    ],
    answer:
      'Les représentants des parties prenantes non gouvernementales concernées peuvent présenter une candidature : organisations non gouvernementales (avec ou sans statut auprès de l’ECOSOC), milieux universitaires et secteur privé.',
  },
  'ecosoc-ngos': {
    question: 'Les ONG avec statut ECOSOC doivent-elles aussi postuler ?',
    variants: [
      'Les ONG dotées du statut consultatif auprès de l’ECOSOC doivent-elles aussi présenter une candidature ?',
      'Nous avons le statut consultatif auprès de l’ECOSOC, devons-nous quand même postuler ?',
      'Les organisations accréditées auprès de l’ECOSOC doivent-elles s’inscrire ?',
      'L’accréditation ECOSOC remplace-t-elle la candidature ?',
      'Les ONG ECOSOC sont-elles inscrites automatiquement ?',
    ],
    answer:
      'Oui. Les ONG dotées du statut consultatif auprès du Conseil économique et social (ECOSOC) sont également tenues de présenter une candidature.',
  },
  costs: {
    question: 'Qui prend en charge les frais de voyage et d’hébergement ?',
    variants: [
      'L’ONUDC paie-t-il le billet d’avion et l’hôtel ?',
      'Les frais de voyage sont-ils couverts ?',
      'La participation est-elle gratuite ?',
      'Y a-t-il des frais d’inscription ?',
      'Devons-nous payer nos propres dépenses ?',
      'Combien coûte la participation ?',
    ],
    answer:
      'Les participants qui assistent en personne prennent à leur charge tous les frais y afférents. L’ONUDC dispose de ressources limitées pour appuyer la participation des organisations de base et des organisations dirigées par des victimes ou axées sur les victimes, examinée au cas par cas.',
  },
  'travel-support': {
    question: 'Existe-t-il un soutien financier pour le voyage ?',
    variants: [
      'Y a-t-il une aide financière pour les petites organisations ?',
      'Peut-on obtenir une bourse de voyage ?',
      'Un financement est-il prévu pour les organisations de base ?',
      'Soutenez-vous les organisations dirigées par des victimes ?',
      'Comment demander une aide au voyage ?',
      'L’ONUDC peut-il financer notre participation ?',
    ],
    answer:
      'L’ONUDC dispose de ressources limitées pour appuyer la participation des organisations de base et des organisations dirigées par des victimes ou axées sur les victimes ; les demandes sont examinées au cas par cas.',
  },
  'apply-even-if-uncertain': {
    question: 'Faut-il postuler si nous ne sommes pas sûrs de pouvoir participer ?',
    variants: [
      'Notre participation n’est pas encore confirmée, faut-il quand même postuler ?',
      'Notre participation est incertaine',
      'Pourra-t-on postuler plus tard ?',
      'Peut-on postuler après la date limite ?',
      'Y aura-t-il une autre occasion de postuler ?',
      'La participation est-elle confirmée quand on postule ?',
    ],
    answer:
      'L’appel recommande de présenter sa candidature au dialogue constructif le plus pertinent pour son domaine d’activité dès réception de l’appel, même si la participation n’est pas encore certaine : il ne sera pas possible de postuler ultérieurement.',
  },
  'more-than-one-dialogue': {
    question: 'Peut-on postuler à plusieurs dialogues ?',
    variants: [
      'Une organisation peut-elle postuler à la fois au dialogue sur les armes à feu et à celui sur l’assistance technique ?',
      'Peut-on participer aux deux dialogues ?',
      'Faut-il une candidature distincte pour chaque dialogue ?',
      'Plusieurs dialogues',
    ],
    answer: 'Oui. Vous pouvez demander à participer à plus d’un dialogue constructif ; choisissez chacun d’eux dans la même candidature.',
  },
  'review-approval': {
    question: 'Qui décide des candidatures retenues ?',
    variants: [
      'Qui approuve les candidatures ?',
      'Comment les participants sont-ils sélectionnés ?',
      'Qui examine ma candidature ?',
      'Serai-je accepté ?',
      'Quels sont les critères de sélection ?',
    ],
    answer:
      'Toutes les candidatures sont examinées et soumises à l’approbation des États parties à la Convention contre la criminalité organisée et aux Protocoles s’y rapportant. Tout est mis en œuvre pour assurer la diversité des participants sur le plan du genre et de la représentation géographique.',
  },
  'after-applying': {
    question: 'Que se passe-t-il après la date limite ?',
    variants: [
      'Que se passe-t-il après ma candidature ?',
      'Quelles sont les prochaines étapes après l’envoi ?',
      'Que se passe-t-il une fois l’appel clos ?',
      'Comment serai-je informé du résultat ?',
      'Comment sommes-nous informés de la décision ?',
      'Comment savoir si nous avons été sélectionnés ?',
      'Quand saurons-nous si nous sommes retenus ?',
      'Quand aurons-nous une réponse ?',
      'Quand les décisions sont-elles communiquées ?',
    ],
    answer:
      'Toutes les candidatures sont examinées et soumises à l’approbation des États parties à la Convention contre la criminalité organisée et aux Protocoles s’y rapportant, en veillant à la diversité des participants sur le plan du genre et de la représentation géographique. Je vous enverrai ici, par un message, la décision pour chaque dialogue auquel vous avez postulé.',
  },
  diversity: {
    question: 'Comment la diversité des participants est-elle assurée ?',
    variants: [
      'Y a-t-il une parité entre les genres ?',
      'Tenez-vous compte de la représentation géographique ou régionale ?',
      'Les femmes sont-elles encouragées à postuler ?',
      'Y a-t-il un quota par région ?',
    ],
    answer:
      'Tout est mis en œuvre pour assurer la diversité des parties prenantes, sur le plan du genre et de la représentation géographique, à chaque dialogue constructif.',
  },
  'later-dialogues': {
    question: 'Et les autres dialogues (traite, trafic de migrants, coopération) ?',
    variants: [
      'Qu’en est-il des dialogues sur la coopération internationale, la traite des personnes et le trafic illicite de migrants ?',
      'Y a-t-il un dialogue constructif sur la traite des personnes ?',
      'Date du dialogue sur le trafic illicite de migrants',
      'Quand la coopération internationale sera-t-elle abordée ?',
      'L’appel pour la traite des personnes est-il ouvert ?',
      'Autres dialogues plus tard dans l’année',
      'Quand le prochain appel sera-t-il lancé ?',
    ],
    answer:
      'Les dialogues constructifs sur la coopération internationale (13 septembre 2023), la traite des personnes (4 octobre 2023) et le trafic illicite de migrants (9 octobre 2023) font l’objet de leur propre appel à participation, lancé séparément en mars 2023. Le présent appel ne les couvre pas.',
  },
  'how-to-apply': {
    question: 'Comment présenter une candidature ?',
    variants: [
      'Où se trouve le formulaire de candidature ?',
      'Comment s’inscrire ?',
      'Je veux postuler',
      'Commencer ma candidature',
      'Comment soumettre une candidature ?',
    ],
    answer:
      'Remplissez le formulaire de candidature : je peux vous guider pas à pas ici. Les candidatures sont closes le 12 février 2023 à minuit, heure de Vienne.',
  },
  representatives: {
    question: 'Combien de représentants une organisation peut-elle envoyer ?',
    variants: [
      'Combien de personnes peuvent représenter notre organisation ?',
      'Plusieurs collègues peuvent-ils venir ?',
      'Le nombre de participants par organisation est-il limité ?',
      'Combien de représentants puis-je indiquer dans le formulaire ?',
    ],
    answer: `L’appel ne fixe pas de nombre. Le formulaire de candidature accepte jusqu’à ${MAX_REPRESENTATIVES} représentants de votre organisation, et le secrétariat confirme la participation.`,
  },
  contact: {
    question: 'Comment contacter les organisateurs ?',
    variants: [
      'Quelle est l’adresse électronique de contact ?',
      'Comment joindre le secrétariat ?',
      'J’ai une autre question',
      'À qui puis-je m’adresser ?',
      'Y a-t-il un numéro de téléphone ou une adresse électronique ?',
      'À qui écrire en cas de problème technique avec le formulaire ?',
    ],
    answer: 'Écrivez à unodc-se4u@un.org.',
  },
  'reports-and-more-information': {
    question: 'Où trouver plus d’informations et les rapports des dialogues de 2022 ?',
    variants: [
      'Les rapports de 2022 sont-ils disponibles ?',
      'Rapport du Dialogue constructif de 2022 sur les armes à feu',
      'Rapport du Dialogue constructif de 2022 sur l’assistance technique',
      'Où en savoir plus sur les dialogues constructifs ?',
      'Résultats ou documents des dialogues précédents',
    ],
    answer:
      'L’appel renvoie à des informations complémentaires sur les dialogues constructifs et aux rapports des dialogues constructifs de 2022 sur les armes à feu et sur l’assistance technique.',
  },
  'deadline-time-zone': {
    question: 'Dans quel fuseau horaire la date limite est-elle fixée ?',
    variants: [
      'Minuit dans quel fuseau horaire ?',
      'La date limite est-elle à l’heure de Vienne ou à l’heure locale ?',
      'La date limite est-elle en heure CET ?',
      'À quelle heure exactement l’appel est-il clos ?',
    ],
    answer: 'À l’heure de Vienne (Autriche) : l’appel est clos à minuit à la fin du 12 février 2023, heure d’Europe centrale (UTC+1).',
  },
  'edit-application': {
    question: 'Puis-je modifier ma candidature après l’avoir envoyée ?',
    variants: [
      'Comment modifier ma candidature ?',
      'J’ai fait une erreur dans ma candidature',
      'Puis-je corriger ma candidature ?',
      'Puis-je retirer ma candidature ?',
      'Puis-je ajouter un autre représentant après l’envoi ?',
    ],
    answer:
      'Jusqu’à la date limite, vous pouvez modifier ou retirer votre candidature ici. Une candidature modifiée est examinée à nouveau.',
  },
  'application-status': {
    question: 'Où en est ma candidature ?',
    variants: [
      'Avez-vous reçu ma candidature ?',
      'Ma candidature a-t-elle été acceptée ?',
      'Quel est mon numéro de référence ?',
      'Vérifier l’état de ma candidature',
      'Ma candidature a-t-elle été approuvée ?',
      'Des nouvelles de ma candidature ?',
    ],
    answer: 'Voici où en est votre candidature.',
  },
};
