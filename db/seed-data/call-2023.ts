/**
 * The 2023 call for participation (db/seed-data/call-2023.txt) as seed data. Every fact here is
 * quoted in `source`; the secretariat edits these rows in the admin panel afterwards.
 */
import { MAX_REPRESENTATIVES } from '../../domain/form/steps-people';
import type { Dialogue, FaqEntry } from '../../domain/types';
import { dialoguesEs, faqEs } from './call-2023-es';
import { dialoguesFr, faqFr } from './call-2023-fr';
import type { SeedData } from './types';

const CALL_ID = 'cd-2023-firearms-ta';
const SEEDED_AT = '2023-01-04T23:00:00.000Z';
const LATER_CALL =
  'Note: Please note that the Call for Participation for the Constructive Dialogues on International Cooperation (13 September), Trafficking in Persons (4 October) and Smuggling of Migrants (9 October) will be launched separately in March 2023.';
const KEY_DATES = 'Constructive Dialogue on Firearms: 5 May 2023. Constructive Dialogue on Technical Assistance: 31 May 2023.';
const HYBRID =
  'The first two Constructive Dialogues in 2023, on the review process of the UN Convention against Transnational Organized Crime (UNTOC) and the Protocols thereto will take place in a hybrid format following the conclusion of the Working Group on Firearms on 5 May and following the conclusion of the Working Group of Government Experts on Technical Assistance on 31 May in Vienna, Austria and online.';
const DEADLINE = 'Deadline for applications: 12 February 2023 midnight Vienna, Austria time.';
const WHO =
  'Representatives of relevant non-governmental stakeholders, including non-governmental organizations (with and without ECOSOC status), academia and the private sector.';
const COSTS = 'Participants wishing to attend in-person shall bear all related costs.';
const SUPPORT =
  'Please note that UNODC has limited resources to support the participation of grassroots organizations and victim-led / victim-focused organizations which will be considered on a case-by-case basis. Should your organization require support to participate, please complete the section on ‘travel support’ in the registration form.';
const REVIEW = 'All applications will be reviewed and be subject to approval by the States parties to UNTOC and its Protocols.';

// Dates and format of the announced dialogues come with their own call; the call text gives only
// the day, so location stays "To be announced" rather than a guess.
const announced = (id: string, name: string, shortName: string, date: string, sortOrder: number, aliases: string[]): Dialogue => ({
  id,
  name,
  shortName,
  date,
  format: 'hybrid',
  location: 'To be announced',
  aliases,
  description: 'Announced in the 2023 call; its format, location and how to take part will be given in its own call for participation.',
  status: 'announced',
  callNote: 'The call for participation will be launched separately in March 2023.',
  sortOrder,
});

const withTranslations = (d: Dialogue): Dialogue => ({ ...d, translations: { fr: dialoguesFr[d.id], es: dialoguesEs[d.id] } });

const dialogues: Dialogue[] = [
  {
    id: 'firearms',
    name: 'Constructive Dialogue on Firearms',
    shortName: 'Firearms',
    date: '2023-05-05',
    format: 'hybrid',
    location: 'Vienna, Austria, and online',
    description: 'Follows the conclusion of the Working Group on Firearms, on the review process of UNTOC and its Firearms Protocol.',
    status: 'active',
    callNote: null,
    sortOrder: 1,
    aliases: [
      'Firearms Protocol',
      'guns',
      'weapons',
      'small arms',
      'Protocole relatif aux armes à feu',
      'armes',
      'Protocolo sobre Armas de Fuego',
      'armas',
    ],
  },
  {
    id: 'technical-assistance',
    name: 'Constructive Dialogue on Technical Assistance',
    shortName: 'Technical Assistance',
    date: '2023-05-31',
    format: 'hybrid',
    location: 'Vienna, Austria, and online',
    description: 'Follows the conclusion of the Working Group of Government Experts on Technical Assistance.',
    status: 'active',
    callNote: null,
    sortOrder: 2,
    aliases: [
      'TA',
      'AT',
      'capacity building',
      'technical assistance working group',
      'renforcement des capacités',
      'creación de capacidad',
      'fomento de la capacidad',
    ],
  },
  announced(
    'international-cooperation',
    'Constructive Dialogue on International Cooperation',
    'International Cooperation',
    '2023-09-13',
    3,
    [
      'IC',
      'international legal cooperation',
      'extradition',
      'mutual legal assistance',
      'entraide judiciaire',
      'asistencia judicial recíproca',
    ],
  ),
  announced('trafficking-in-persons', 'Constructive Dialogue on Trafficking in Persons', 'Trafficking in Persons', '2023-10-04', 4, [
    'TIP',
    'TIP Protocol',
    'Trafficking in Persons Protocol',
    'human trafficking',
    'trafficking',
    'trafficking in human beings',
    'traite',
    'traite des êtres humains',
    'trata',
    'trata de seres humanos',
  ]),
  announced('smuggling-of-migrants', 'Constructive Dialogue on Smuggling of Migrants', 'Smuggling of Migrants', '2023-10-09', 5, [
    'SOM',
    'Migrants Protocol',
    'Smuggling of Migrants Protocol',
    'migrant smuggling',
    'people smuggling',
    'human smuggling',
    'smuggling',
    'trafic de migrants',
    'tráfico de migrantes',
  ]),
];

const faq = (
  id: string,
  topic: FaqEntry['topic'],
  question: string,
  variants: string[],
  answer: string,
  source: string,
  callId: string | null = CALL_ID,
): FaqEntry => ({
  id,
  callId,
  question,
  variants,
  answer,
  source,
  sourceUrl: null,
  topic,
  updatedAt: SEEDED_AT,
  translations: { fr: faqFr[id], es: faqEs[id] },
});

const entries: FaqEntry[] = [
  faq(
    'deadline',
    'deadline',
    'What is the deadline for applications?',
    [
      'When is the deadline?',
      'What is the last day to apply?',
      'What is the closing date for applications?',
      'When do applications close?',
      'Until when can I apply?',
      'Can I still submit an application?',
      'Is the call still open?',
      'By when must I send my application?',
      'What is the due date?',
      'How many days are left to apply?',
      'What is the application deadline?',
      'Is it too late to apply?',
    ],
    'The deadline for applications is 12 February 2023 at midnight Vienna, Austria time. It is not possible to apply later.',
    DEADLINE,
  ),
  faq(
    'dialogue-dates',
    'dialogues',
    'When do the Constructive Dialogues take place?',
    [
      'What are the dates of the dialogues?',
      'When is the firearms dialogue?',
      'When is the technical assistance dialogue?',
      'When does the meeting take place?',
      'What day is the event?',
      'Key dates of the dialogues',
    ],
    'The Constructive Dialogue on Firearms is on 5 May 2023, after the Working Group on Firearms. The Constructive Dialogue on Technical Assistance is on 31 May 2023, after the Working Group of Government Experts on Technical Assistance.',
    `${KEY_DATES} ${HYBRID}`,
  ),
  faq(
    'format',
    null,
    'Where do the dialogues take place, and can I join online?',
    [
      'Is it in person or online?',
      'Is it hybrid?',
      'Can I attend virtually?',
      'Is the meeting held in Vienna?',
      'Where is the venue?',
      'Must participants come to Vienna?',
      'Can I participate remotely?',
      'What is the format of the meeting?',
      'Is there a zoom or web link?',
    ],
    'Both dialogues are hybrid: you can take part in person in Vienna, Austria, or online.',
    HYBRID,
  ),
  faq(
    'objectives',
    null,
    'What are the objectives of the Constructive Dialogues?',
    [
      'What is the purpose of a Constructive Dialogue?',
      'Why are the dialogues held?',
      'What is the aim of the dialogue?',
      'What happens at a constructive dialogue?',
      'What are the goals?',
    ],
    'They brief participants on the developments and outcomes of the review process; collect input and suggestions from participants, including ways to improve implementation of the Convention and its Protocols; and cooperate with non-governmental organizations to combat transnational organized crime, in line with article 32, paragraph 3 (c), of the Convention.',
    'Briefing participants on the developments and outcomes of the review process. Collecting input and suggestions from participants, including their contributions on ways to improve the implementation of the Convention and the Protocols thereto. Cooperating with non-governmental organizations to combat transnational organized crime and to promote and review the implementation of the Convention and Protocols thereto, in accordance with article 32, paragraph 3 (c), of the Convention.',
  ),
  faq(
    'legal-basis',
    null,
    'What is the legal basis for the Constructive Dialogues?',
    [
      'Which resolution mandates the dialogues?',
      'Why does the review mechanism hold dialogues with stakeholders?',
      'What rule or mandate are the dialogues based on?',
      'Resolution 9/1 paragraph 53',
    ],
    'Paragraph 53 of the procedures and rules for the functioning of the Mechanism for the Review of the Implementation of UNTOC and its Protocols, adopted by the Conference of the Parties in resolution 9/1, says Constructive Dialogues with relevant stakeholders should be held as a regular practice after the working group sessions.',
    'The Procedures and rules for the functioning of the Mechanism for the Review of the Implementation of UNTOC and the Protocols thereto, which the Conference of the Parties to UNTOC adopted through Resolution 9/1, set out in paragraph 53 that Constructive Dialogues with relevant stakeholders, including non-governmental organizations, should be convened as a regular practice following the conclusion of the sessions of the working groups and the adoption of the reports.',
  ),
  faq(
    'who-can-apply',
    null,
    'Who can apply?',
    [
      'Who is eligible to participate?',
      'Are universities and researchers eligible?',
      'Can academics take part?',
      'Is the private sector eligible?',
      'Is participation open to NGOs only?',
      'Can NGOs without ECOSOC status participate?',
      'Is ECOSOC status required to take part?',
      'We have no ECOSOC status. May we participate?',
      'Which organisations are eligible?',
      'Can civil society organisations join?',
      'Can a network or coalition of NGOs apply?',
    ],
    'Representatives of relevant non-governmental stakeholders may apply: non-governmental organizations with and without ECOSOC status, academia and the private sector.',
    `${WHO} Other relevant stakeholders, including representatives of the private sector and academia, may also apply to participate.`,
  ),
  faq(
    'ecosoc-ngos',
    null,
    'Do NGOs with ECOSOC status also need to apply?',
    [
      'We have ECOSOC consultative status, do we still have to apply?',
      'Must ECOSOC-accredited organizations register too?',
      'Does ECOSOC accreditation replace the application?',
      'Are ECOSOC NGOs automatically registered?',
    ],
    'Yes. NGOs in consultative status with ECOSOC (the Economic and Social Council) are also required to apply.',
    'Note: NGOs with consultative status with ECOSOC (Economic and Social Council) are also required to apply.',
  ),
  faq(
    'costs',
    null,
    'Who pays for travel and accommodation?',
    [
      'Does UNODC cover airfare and accommodation?',
      'Are travel costs covered?',
      'Is participation free?',
      'Is there a fee?',
      'Do I have to pay my own expenses?',
      'Who covers the costs of attending in person?',
      'How much does it cost to take part?',
    ],
    'Participants attending in person bear all related costs themselves. UNODC has limited resources to support grassroots and victim-led or victim-focused organizations, considered case by case.',
    `${COSTS} ${SUPPORT}`,
  ),
  faq(
    'travel-support',
    'travel-support',
    'Is there travel support or funding?',
    [
      'Is there financial help for small organizations?',
      'Can we get a travel grant?',
      'Is funding available for grassroots groups?',
      'Do you support victim-led organizations?',
      'How do I request travel support?',
      'Can UNODC sponsor our participation?',
    ],
    'UNODC has limited resources to support the participation of grassroots organizations and victim-led or victim-focused organizations, considered case by case.',
    SUPPORT,
  ),
  faq(
    'apply-even-if-uncertain',
    'later',
    'Should we apply if we are not sure we can attend?',
    [
      'Our attendance is not confirmed yet, should we still apply?',
      'Our participation is uncertain',
      'Can we apply later?',
      'Can I apply after the deadline?',
      'Will there be another chance to apply?',
      'Is participation confirmed when I apply?',
    ],
    'The call recommends applying to the most relevant Constructive Dialogue for your area of work on receipt of the call, even if your participation is not yet certain: there will be no possibility to apply at a later stage.',
    'Non-governmental stakeholders are recommended to apply to the most relevant Constructive Dialogue in line with their area of work upon receipt of this call, even if their participation is not yet certain, as there will not be a possibility to apply at a later stage.',
  ),
  faq(
    'more-than-one-dialogue',
    null,
    'Can I apply to more than one dialogue?',
    [
      'Can one organization apply to both the Firearms and the Technical Assistance dialogues?',
      'Can we attend both dialogues?',
      'Can I apply to several dialogues?',
      'Do I need a separate application for each dialogue?',
      'Multiple dialogues',
    ],
    'Yes. You may apply to participate in more than one Constructive Dialogue; choose each one you want in the same application.',
    'Stakeholders may apply to participate in more than one Constructive Dialogue.',
  ),
  faq(
    'review-approval',
    null,
    'Who decides which applications are accepted?',
    [
      'Who approves the applications?',
      'How are participants selected?',
      'Who reviews my application?',
      'Will I be accepted?',
      'What are the selection criteria?',
    ],
    'All applications are reviewed and are subject to approval by the States parties to UNTOC and its Protocols. Efforts are made to ensure diversity of gender and geographical representation.',
    `${REVIEW} Maximum efforts will be made to ensure diversity of gender and geographical representation of stakeholders at each Constructive Dialogue.`,
  ),
  faq(
    'after-applying',
    null,
    'What happens after the deadline?',
    [
      'What happens after I apply?',
      'What are the next steps after submitting?',
      'What happens once the call closes?',
      'What happens to my application after I send it?',
      'How will I be told the result?',
      'How are we notified of the decision?',
      'How do we find out if we were selected?',
      'When will I know?',
      'When will I know if I am accepted?',
      'When will we hear back?',
      'When are decisions communicated?',
    ],
    'All applications are reviewed and are subject to approval by the States parties to UNTOC and its Protocols, with efforts to ensure diversity of gender and geographical representation. I will send you the decision on each dialogue you applied to in a message here.',
    `${REVIEW} Dialogue Desk help: each applicant is told the decision on each dialogue they applied to in a message from the bot.`,
  ),
  faq(
    'diversity',
    null,
    'How is diversity of participants ensured?',
    [
      'Is there gender balance?',
      'Do you consider regional or geographical representation?',
      'Are women encouraged to apply?',
      'Is there a quota per region?',
    ],
    'Maximum efforts are made to ensure diversity of gender and geographical representation of stakeholders at each Constructive Dialogue.',
    'Maximum efforts will be made to ensure diversity of gender and geographical representation of stakeholders at each Constructive Dialogue.',
  ),
  faq(
    'later-dialogues',
    'dialogues',
    'When are the other dialogues (trafficking, smuggling, cooperation)?',
    [
      'What about the dialogues on international cooperation, trafficking in persons and smuggling of migrants?',
      'Is there a Constructive Dialogue on trafficking in persons?',
      'Date of the smuggling of migrants dialogue',
      'When will international cooperation be discussed?',
      'Is the call for trafficking in persons open yet?',
      'Other dialogues later this year',
      'When will the next call open?',
    ],
    'The Constructive Dialogues on International Cooperation (13 September 2023), Trafficking in Persons (4 October 2023) and Smuggling of Migrants (9 October 2023) have their own call for participation, launched separately in March 2023. This call does not cover them.',
    LATER_CALL,
  ),
  faq(
    'how-to-apply',
    'apply',
    'How do I apply?',
    [
      'Where is the application form?',
      'How can I register?',
      'How do I sign up?',
      'I want to apply',
      'Start my application',
      'How do I submit an application?',
    ],
    'Complete the application form: I can take you through it step by step here. Applications close on 12 February 2023 at midnight Vienna time.',
    `Application form: Please complete this form to apply. ${DEADLINE}`,
  ),
  faq(
    'representatives',
    null,
    'How many representatives can an organization send?',
    [
      'How many people can represent our organization?',
      'Can several colleagues attend?',
      'Is there a maximum number of people per organization?',
      'How many representatives can I name in the form?',
    ],
    `The call does not set a number. The application form takes up to ${MAX_REPRESENTATIVES} representatives of your organization, and the secretariat confirms participation.`,
    `Dialogue Desk help: the application form takes up to ${MAX_REPRESENTATIVES} representatives per application; the call for participation does not set a number per organization.`,
  ),
  faq(
    'contact',
    null,
    'How can I contact the organizers?',
    [
      'What is the contact email?',
      'How can I reach the secretariat?',
      'I have another question',
      'Who can I talk to?',
      'Is there a phone number or email address?',
      'Who do I write to about a technical problem with the form?',
    ],
    'Write to unodc-se4u@un.org.',
    'Should you have any questions please contact us at unodc-se4u@un.org.',
  ),
  faq(
    'reports-and-more-information',
    null,
    'Where can I find more information and the reports of the 2022 dialogues?',
    [
      'Are the 2022 reports available?',
      'Report of the 2022 Constructive Dialogue on Firearms',
      'Report of the 2022 Constructive Dialogue on Technical Assistance',
      'Where can I learn more about the Constructive Dialogues?',
      'Previous dialogue outcomes or documents',
    ],
    'The call points to more information on the Constructive Dialogues and to the reports of the 2022 Constructive Dialogues on Firearms and on Technical Assistance.',
    'Please find more information on the Constructive Dialogues here and find the report of the Constructive Dialogue on Firearms 2022 here and the report of the Constructive Dialogue on Technical Assistance 2022 here.',
  ),
  faq(
    'deadline-time-zone',
    'deadline',
    'In which time zone is the deadline?',
    [
      'Which time zone is midnight?',
      'Is the deadline in Vienna time or my local time?',
      'Is the deadline CET?',
      'What time exactly does the call close?',
      'Midnight in which time zone?',
    ],
    'Vienna, Austria time: the call closes at midnight at the end of 12 February 2023, Central European Time (UTC+1).',
    DEADLINE,
  ),
  faq(
    'edit-application',
    'edit',
    'Can I edit my application after submitting it?',
    [
      'How do I edit my application?',
      'I made a mistake in my application',
      'Can I update or correct my submission?',
      'Can I withdraw my application?',
      'Can I add another representative after submitting?',
    ],
    'Until the deadline you can edit or withdraw your application here. An edited application goes back to review.',
    'Dialogue Desk help: applicants can edit or withdraw their application until the deadline; an edited application is reviewed again.',
    null,
  ),
  faq(
    'application-status',
    'status',
    'What is the status of my application?',
    [
      'Has my application been received?',
      'Did you receive my application?',
      'Was my application accepted?',
      'What is my reference number?',
      'Check my application status',
      'Has my application been approved?',
      'Any news about my application?',
    ],
    'Here is where your application stands.',
    'Dialogue Desk help: the status of an application is shown to the person who submitted it.',
    null,
  ),
];

/** The seed used when the database is empty. */
export const call2023: SeedData = {
  dialogues: dialogues.map(withTranslations),
  calls: [
    {
      id: CALL_ID,
      title: 'Constructive Dialogues on Firearms and Technical Assistance 2023',
      referencePrefix: 'CD-2023',
      dialogueIds: ['firearms', 'technical-assistance'],
      // The page is dated 5 January 2023; the deadline is the end of 12 February in Vienna.
      opensAt: '2023-01-04T23:00:00.000Z',
      closesAt: '2023-02-12T23:00:00.000Z',
      zone: 'Europe/Vienna',
      archived: false,
      // "All applications will be reviewed and be subject to approval by the States parties."
      approvalBody: 'states_parties',
      translations: {
        fr: { title: 'Dialogues constructifs sur les armes à feu et l’assistance technique 2023' },
        es: { title: 'Diálogos constructivos sobre armas de fuego y asistencia técnica 2023' },
      },
    },
  ],
  faq: entries,
  // The call says "here" without addresses, so links stay empty until the secretariat adds them.
  settings: {
    contact_email: 'unodc-se4u@un.org',
    'links.more_information': null,
    'links.report_firearms_2022': null,
    'links.report_technical_assistance_2022': null,
  },
};
