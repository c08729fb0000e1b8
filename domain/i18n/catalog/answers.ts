import { defineCatalog } from '../define';

/**
 * The words of answers to questions and of short replies to small talk. Facts (dates, names,
 * the FAQ itself) come from the catalogue data; these messages only frame them.
 */
export const answers = defineCatalog({
  en: {
    'smalltalk.greeting':
      'Hello! I answer questions about the call for participation in the Constructive Dialogues and can take your application. Ask me, for example, when the deadline is or who can apply.',
    'smalltalk.thanks': 'You’re welcome. Ask me anything else about the call whenever you like.',
    'smalltalk.ack': 'Good. Ask me anything else about the call whenever you like.',
    'smalltalk.howAreYou': 'I’m fine, thank you. How can I help you with the call for participation?',
    'smalltalk.who':
      'I am Dialogue Desk, the assistant for the call for participation in UNODC’s Constructive Dialogues. I answer from the call’s own text and take applications. For anything else, write to the secretariat at {contact}.',
    'smalltalk.human': 'To reach a person, write to the secretariat at {contact}; a member of the team will answer you there.',
    'smalltalk.bye': 'Goodbye, and thank you for your interest in the Constructive Dialogues.',
    'smalltalk.help':
      'Ask me anything about the call for participation: dates, the deadline, who may apply, ECOSOC status, costs, travel support, later dialogues. Type “apply” to start or resume an application, “status” to see yours. Anything else: {contact}.',
    'smalltalk.empty':
      'I did not find a question in that message. Ask me about the call for participation, for example “When is the deadline?”.',
    notTranslated: 'This answer is not yet translated; here it is in English.',
    otherLanguage: 'I can answer in English, French and Spanish; here is the answer in English.',
    unsure:
      'I’m not sure I can answer that from the call for participation, and I don’t want to guess. I have passed your question to the secretariat; you can also write to {contact}.',
    unsureRest: 'I’m not sure about the rest of your question, so I have passed it to the secretariat. You can also write to {contact}.',
    passed: 'I have passed your question to the secretariat; you can also write to {contact}.',
    unknownDialogue:
      'There is no Constructive Dialogue on {topic} in the call for participation. The Constructive Dialogues are on {list}.',
    noApplication: 'You have no application yet.',
    nextTitle: 'What next?',
    comingNext: 'Coming next: {list}.',
    'state.closed': 'The call closed on {day} at {time}.',
    'state.closedApply': 'Applications can no longer be submitted for this call.',
    'state.closedEdit':
      'The deadline has passed, so applications can no longer be edited or withdrawn here. To ask about a change, write to {contact}.',
    'state.closedTravel': 'The call has closed, so travel support can no longer be requested through the application form.',
    'state.openTravel': 'To ask for support, complete the travel support section of the application form before the deadline.',
    'state.upcoming': 'Applications are not open yet: they open on {day}.',
    'state.noCall': 'No call for participation is open for applications right now.',
    'deadline.open': 'The deadline for applications is {day} at {time}.',
    'deadline.local': 'That is {when} where you are.',
    'deadline.place': '{place} time: {when}.',
    'deadline.daysLeft': '{count, plural, one {# day left.} other {# days left.}}',
    'deadline.hoursLeft':
      '{hours, plural, =0 {The call closes in {minutes, plural, one {# minute} other {# minutes}}.} one {The call closes in an hour.} other {The call closes in # hours.}}',
    'time.midnight': 'midnight ({zone})',
    'time.clock': '{clock} ({zone})',
    'dialogue.tba': 'date to be announced',
    'dialogue.line': '{name}: {date} — {format}: {location}. {description}',
    'dialogue.lineAnnounced': '{name}: {date}. {description}',
    'dialogue.bullet': '• {name}: {date} — {format}: {location}',
    'dialogue.bulletAnnounced': '• {name}: {date} ({note})',
    'dialogue.bulletDate': '• {name}: {date}',
    'dialogue.withDate': '{name} ({date})',
    'format.hybrid': 'hybrid',
    'format.in_person': 'in person',
    'format.online': 'online',
    'source.call': 'Call for participation — “{question}”',
    'source.faq': 'FAQ — “{question}”',
    'source.dialogue': 'Dialogue — {name}',
    'source.dialogues': 'Dialogues in the call for participation',
    'action.apply': 'Apply',
    'action.start': 'Start my application',
    'action.status': 'My status',
    'action.notify': 'Notify me: {name}',
    'action.notifyOpens': 'Notify me when the {name} call opens',
  },
  fr: {
    'smalltalk.greeting':
      'Bonjour ! Je réponds aux questions sur l’appel à participation aux dialogues constructifs et je peux recevoir votre candidature. Demandez-moi par exemple quelle est la date limite ou qui peut postuler.',
    'smalltalk.thanks': 'Je vous en prie. N’hésitez pas à me poser d’autres questions sur l’appel.',
    'smalltalk.ack': 'Très bien. N’hésitez pas à me poser d’autres questions sur l’appel.',
    'smalltalk.howAreYou': 'Très bien, merci. Comment puis-je vous aider au sujet de l’appel à participation ?',
    'smalltalk.who':
      'Je suis Dialogue Desk, l’assistant de l’appel à participation aux dialogues constructifs de l’ONUDC. Je réponds à partir du texte de l’appel et je reçois les candidatures. Pour toute autre question, écrivez au secrétariat à {contact}.',
    'smalltalk.human': 'Pour joindre une personne, écrivez au secrétariat à {contact} ; un membre de l’équipe vous répondra.',
    'smalltalk.bye': 'Au revoir, et merci de votre intérêt pour les dialogues constructifs.',
    'smalltalk.help':
      'Posez-moi vos questions sur l’appel à participation : dates, date limite, qui peut postuler, statut ECOSOC, frais, aide au voyage, dialogues ultérieurs. Tapez « apply » pour commencer ou reprendre une candidature, « status » pour voir la vôtre. Pour toute autre question : {contact}.',
    'smalltalk.empty':
      'Je n’ai pas trouvé de question dans ce message. Posez-moi une question sur l’appel à participation, par exemple « Quelle est la date limite ? ».',
    notTranslated: 'Cette réponse n’est pas encore disponible en français ; la voici en anglais.',
    otherLanguage: 'Je réponds en anglais, en français et en espagnol ; voici la réponse en anglais.',
    unsure:
      'Je ne suis pas sûr de pouvoir répondre à cette question à partir de l’appel à participation, et je préfère ne pas deviner. J’ai transmis votre question au secrétariat ; vous pouvez aussi écrire à {contact}.',
    unsureRest:
      'Je ne suis pas sûr de pouvoir répondre au reste de votre question ; je l’ai donc transmis au secrétariat. Vous pouvez aussi écrire à {contact}.',
    passed: 'J’ai transmis votre question au secrétariat ; vous pouvez aussi écrire à {contact}.',
    unknownDialogue:
      'L’appel à participation ne prévoit pas de dialogue constructif sur le thème « {topic} ». Les dialogues constructifs portent sur les thèmes suivants : {list}.',
    noApplication: 'Vous n’avez pas encore de candidature.',
    nextTitle: 'Et ensuite ?',
    comingNext: 'Prochainement : {list}.',
    'state.closed': 'L’appel a été clos le {day} à {time}.',
    'state.closedApply': 'Il n’est plus possible de présenter une candidature au titre de cet appel.',
    'state.closedEdit':
      'La date limite est passée : les candidatures ne peuvent plus être modifiées ni retirées ici. Pour demander une modification, écrivez à {contact}.',
    'state.closedTravel': 'L’appel est clos : il n’est plus possible de demander une aide au voyage au moyen du formulaire de candidature.',
    'state.openTravel':
      'Pour demander une aide, remplissez la section « aide au voyage » du formulaire de candidature avant la date limite.',
    'state.upcoming': 'Les candidatures ne sont pas encore ouvertes : elles ouvriront le {day}.',
    'state.noCall': 'Aucun appel à participation n’est ouvert aux candidatures pour le moment.',
    'deadline.open': 'La date limite de dépôt des candidatures est le {day} à {time}.',
    'deadline.local': 'Soit le {when} chez vous.',
    'deadline.place': 'Heure de {place} : {when}.',
    'deadline.daysLeft': '{count, plural, one {Il reste # jour.} other {Il reste # jours.}}',
    'deadline.hoursLeft':
      '{hours, plural, =0 {L’appel se clôt dans {minutes, plural, one {# minute} other {# minutes}}.} one {L’appel se clôt dans une heure.} other {L’appel se clôt dans # heures.}}',
    'time.midnight': 'minuit ({zone})',
    'time.clock': '{clock} ({zone})',
    'dialogue.tba': 'date à annoncer',
    'dialogue.line': '{name} : {date} — {format} : {location}. {description}',
    'dialogue.lineAnnounced': '{name} : {date}. {description}',
    'dialogue.bullet': '• {name} : {date} — {format} : {location}',
    'dialogue.bulletAnnounced': '• {name} : {date} ({note})',
    'dialogue.bulletDate': '• {name} : {date}',
    'dialogue.withDate': '{name} ({date})',
    'format.hybrid': 'format hybride',
    'format.in_person': 'en présentiel',
    'format.online': 'en ligne',
    'source.call': 'Appel à participation — « {question} »',
    'source.faq': 'FAQ — « {question} »',
    'source.dialogue': 'Dialogue — {name}',
    'source.dialogues': 'Dialogues prévus par l’appel à participation',
    'action.apply': 'Postuler',
    'action.start': 'Commencer ma candidature',
    'action.status': 'Ma candidature',
    'action.notify': 'Me prévenir : {name}',
    'action.notifyOpens': 'Me prévenir de l’ouverture de l’appel : {name}',
  },
  es: {
    'smalltalk.greeting':
      '¡Hola! Respondo preguntas sobre la convocatoria de participación en los diálogos constructivos y puedo recibir su solicitud. Pregúnteme, por ejemplo, cuál es el plazo o quién puede postularse.',
    'smalltalk.thanks': 'De nada. Pregúnteme lo que quiera sobre la convocatoria cuando lo desee.',
    'smalltalk.ack': 'Muy bien. Pregúnteme lo que quiera sobre la convocatoria cuando lo desee.',
    'smalltalk.howAreYou': 'Muy bien, gracias. ¿En qué puedo ayudarle con la convocatoria de participación?',
    'smalltalk.who':
      'Soy Dialogue Desk, el asistente de la convocatoria de participación en los diálogos constructivos de la UNODC. Respondo a partir del texto de la convocatoria y recibo solicitudes. Para cualquier otra consulta, escriba a la secretaría a {contact}.',
    'smalltalk.human': 'Para hablar con una persona, escriba a la secretaría a {contact}; un miembro del equipo le responderá.',
    'smalltalk.bye': 'Adiós, y gracias por su interés en los diálogos constructivos.',
    'smalltalk.help':
      'Pregúnteme lo que quiera sobre la convocatoria de participación: fechas, plazo, quién puede postularse, estatus ante el ECOSOC, gastos, apoyo para el viaje, diálogos posteriores. Escriba «apply» para empezar o retomar una solicitud y «status» para ver la suya. Para cualquier otra consulta: {contact}.',
    'smalltalk.empty':
      'No encontré ninguna pregunta en ese mensaje. Pregúnteme sobre la convocatoria de participación, por ejemplo «¿Cuál es el plazo?».',
    notTranslated: 'Esta respuesta todavía no está disponible en español; aquí la tiene en inglés.',
    otherLanguage: 'Respondo en inglés, francés y español; aquí tiene la respuesta en inglés.',
    unsure:
      'No estoy seguro de poder responder a eso a partir de la convocatoria de participación y prefiero no adivinar. He transmitido su pregunta a la secretaría; también puede escribir a {contact}.',
    unsureRest:
      'No estoy seguro de poder responder al resto de su pregunta, así que la he transmitido a la secretaría. También puede escribir a {contact}.',
    passed: 'He transmitido su pregunta a la secretaría; también puede escribir a {contact}.',
    unknownDialogue:
      'La convocatoria de participación no prevé ningún diálogo constructivo sobre «{topic}». Los diálogos constructivos tratan de: {list}.',
    noApplication: 'Todavía no tiene ninguna solicitud.',
    nextTitle: '¿Y ahora?',
    comingNext: 'Próximamente: {list}.',
    'state.closed': 'La convocatoria se cerró el {day} a las {time}.',
    'state.closedApply': 'Ya no es posible presentar solicitudes en el marco de esta convocatoria.',
    'state.closedEdit':
      'El plazo ha vencido, por lo que las solicitudes ya no pueden modificarse ni retirarse aquí. Para pedir un cambio, escriba a {contact}.',
    'state.closedTravel':
      'La convocatoria está cerrada, por lo que ya no puede solicitarse apoyo para el viaje mediante el formulario de solicitud.',
    'state.openTravel':
      'Para solicitar apoyo, complete la sección «apoyo para el viaje» del formulario de solicitud antes de que venza el plazo.',
    'state.upcoming': 'Las solicitudes aún no están abiertas: se abrirán el {day}.',
    'state.noCall': 'En este momento no hay ninguna convocatoria de participación abierta.',
    'deadline.open': 'El plazo para presentar solicitudes vence el {day} a las {time}.',
    'deadline.local': 'Es decir, el {when} en su zona.',
    'deadline.place': 'Hora de {place}: {when}.',
    'deadline.daysLeft': '{count, plural, one {Queda # día.} other {Quedan # días.}}',
    'deadline.hoursLeft':
      '{hours, plural, =0 {La convocatoria se cierra en {minutes, plural, one {# minuto} other {# minutos}}.} one {La convocatoria se cierra en una hora.} other {La convocatoria se cierra en # horas.}}',
    'time.midnight': 'medianoche ({zone})',
    'time.clock': '{clock} ({zone})',
    'dialogue.tba': 'fecha por anunciar',
    'dialogue.line': '{name}: {date} — {format}: {location}. {description}',
    'dialogue.lineAnnounced': '{name}: {date}. {description}',
    'dialogue.bullet': '• {name}: {date} — {format}: {location}',
    'dialogue.bulletAnnounced': '• {name}: {date} ({note})',
    'dialogue.bulletDate': '• {name}: {date}',
    'dialogue.withDate': '{name} ({date})',
    'format.hybrid': 'formato híbrido',
    'format.in_person': 'presencial',
    'format.online': 'en línea',
    'source.call': 'Convocatoria de participación — «{question}»',
    'source.faq': 'Preguntas frecuentes — «{question}»',
    'source.dialogue': 'Diálogo — {name}',
    'source.dialogues': 'Diálogos previstos en la convocatoria de participación',
    'action.apply': 'Postularme',
    'action.start': 'Empezar mi solicitud',
    'action.status': 'Mi solicitud',
    'action.notify': 'Avisarme: {name}',
    'action.notifyOpens': 'Avisarme cuando se abra la convocatoria: {name}',
  },
});
