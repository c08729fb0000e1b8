/**
 * The 2023 call in Spanish: a faithful translation of the English entries (call-2023.ts), in the
 * United Nations' Spanish terminology (UNODC, Convención contra la Delincuencia Organizada,
 * Estados partes, reconocimiento como entidad consultiva del ECOSOC). The variants are how
 * Spanish speakers ask.
 */
import { MAX_REPRESENTATIVES } from '../../domain/form/steps-people';
import type { DialogueText, FaqText } from '../../domain/types';

const ANNOUNCED =
  'Anunciado en la convocatoria de 2023; su formato, lugar y modalidades de participación se indicarán en su propia convocatoria de participación.';
const LATER_NOTE = 'La convocatoria de participación se publicará por separado en marzo de 2023.';

export const dialoguesEs: Record<string, DialogueText> = {
  firearms: {
    name: 'Diálogo constructivo sobre armas de fuego',
    shortName: 'Armas de fuego',
    location: 'Viena (Austria) y en línea',
    description:
      'Se celebra tras la conclusión del Grupo de Trabajo sobre Armas de Fuego; trata del proceso de examen de la Convención contra la Delincuencia Organizada y su Protocolo sobre Armas de Fuego.',
    callNote: null,
  },
  'technical-assistance': {
    name: 'Diálogo constructivo sobre asistencia técnica',
    shortName: 'Asistencia técnica',
    location: 'Viena (Austria) y en línea',
    description: 'Se celebra tras la conclusión del Grupo de Trabajo de Expertos Gubernamentales sobre Asistencia Técnica.',
    callNote: null,
  },
  'international-cooperation': {
    name: 'Diálogo constructivo sobre cooperación internacional',
    shortName: 'Cooperación internacional',
    location: 'Por anunciar',
    description: ANNOUNCED,
    callNote: LATER_NOTE,
  },
  'trafficking-in-persons': {
    name: 'Diálogo constructivo sobre trata de personas',
    shortName: 'Trata de personas',
    location: 'Por anunciar',
    description: ANNOUNCED,
    callNote: LATER_NOTE,
  },
  'smuggling-of-migrants': {
    name: 'Diálogo constructivo sobre tráfico ilícito de migrantes',
    shortName: 'Tráfico ilícito de migrantes',
    location: 'Por anunciar',
    description: ANNOUNCED,
    callNote: LATER_NOTE,
  },
};

export const faqEs: Record<string, FaqText> = {
  deadline: {
    question: '¿Cuál es el plazo para presentar solicitudes?',
    variants: [
      '¿Cuándo vence el plazo?',
      '¿Cuál es la fecha límite?',
      '¿Cuál es el último día para postularse?',
      '¿Hasta cuándo puedo inscribirme?',
      '¿Cuándo se cierra la convocatoria?',
      '¿Es demasiado tarde para postular?',
      '¿Sigue abierta la convocatoria?',
      '¿Cuántos días quedan para solicitar?',
      '¿Todavía puedo enviar una solicitud?',
      'Fecha de cierre de las inscripciones',
    ],
    answer:
      'El plazo para presentar solicitudes vence el 12 de febrero de 2023 a medianoche, hora de Viena (Austria). No será posible presentar solicitudes más adelante.',
  },
  'dialogue-dates': {
    question: '¿Cuándo se celebran los diálogos constructivos?',
    variants: [
      '¿Cuáles son las fechas de los diálogos?',
      '¿Cuándo es el diálogo sobre armas de fuego?',
      '¿Cuándo es el diálogo sobre asistencia técnica?',
      '¿En qué fecha es la reunión?',
      '¿Qué día es el evento?',
      'Fechas clave de los diálogos',
    ],
    answer:
      'El Diálogo constructivo sobre armas de fuego se celebrará el 5 de mayo de 2023, tras el Grupo de Trabajo sobre Armas de Fuego. El Diálogo constructivo sobre asistencia técnica se celebrará el 31 de mayo de 2023, tras el Grupo de Trabajo de Expertos Gubernamentales sobre Asistencia Técnica.',
  },
  format: {
    question: '¿Dónde se celebran los diálogos y puedo participar en línea?',
    variants: [
      '¿Es presencial o en línea?',
      '¿Es un formato híbrido?',
      '¿Se puede participar a distancia?',
      '¿La reunión es en Viena?',
      '¿Dónde es la sede?',
      '¿Hay que viajar a Viena?',
      '¿Cuál es el formato de la reunión?',
      '¿Hay un enlace para conectarse?',
    ],
    answer:
      'Los diálogos sobre armas de fuego y sobre asistencia técnica tienen formato híbrido: puede participar en persona en Viena (Austria) o en línea.',
  },
  objectives: {
    question: '¿Cuáles son los objetivos de los diálogos constructivos?',
    variants: [
      '¿Cuál es el propósito de un diálogo constructivo?',
      '¿Por qué se celebran los diálogos?',
      '¿Para qué sirve el diálogo?',
      '¿Qué ocurre en un diálogo constructivo?',
      '¿Cuáles son las metas?',
    ],
    answer:
      'Su finalidad es informar a los participantes sobre la evolución y los resultados del proceso de examen; recabar aportaciones y sugerencias de los participantes, incluso sobre formas de mejorar la aplicación de la Convención y sus Protocolos; y cooperar con las organizaciones no gubernamentales para combatir la delincuencia organizada transnacional, de conformidad con el artículo 32, párrafo 3 c), de la Convención.',
  },
  'legal-basis': {
    question: '¿Cuál es el fundamento jurídico de los diálogos constructivos?',
    variants: [
      '¿Qué resolución establece los diálogos?',
      '¿Por qué el mecanismo de examen celebra diálogos con las partes interesadas?',
      '¿En qué mandato se basan los diálogos?',
      'Resolución 9/1, párrafo 53',
    ],
    answer:
      'El párrafo 53 de los procedimientos y normas para el funcionamiento del Mecanismo de Examen de la Aplicación de la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y sus Protocolos, aprobados por la Conferencia de las Partes en su resolución 9/1, establece que se celebren periódicamente diálogos constructivos con las partes interesadas pertinentes tras la conclusión de los períodos de sesiones de los grupos de trabajo.',
  },
  'who-can-apply': {
    question: '¿Quién puede presentar una solicitud?',
    variants: [
      '¿Quién puede participar?',
      '¿Pueden participar las universidades y los investigadores?',
      '¿Pueden participar los académicos?',
      '¿Puede participar el sector privado?',
      '¿La participación está reservada a las ONG?',
      '¿Pueden participar las ONG sin reconocimiento del ECOSOC?',
      '¿Es obligatorio tener carácter consultivo ante el ECOSOC?',
      '¿Qué organizaciones pueden postularse?',
      '¿Qué organizaciones son elegibles?',
      '¿Puede postularse una empresa?',
      '¿Puede participar la sociedad civil?',
      '¿Puede postular una red o coalición de ONG?',
    ],
    answer:
      'Pueden presentar solicitudes los representantes de las partes interesadas no gubernamentales pertinentes: organizaciones no gubernamentales (con o sin estatus ante el ECOSOC), instituciones académicas y el sector privado.',
  },
  'ecosoc-ngos': {
    question: '¿Las ONG con estatus ECOSOC también deben presentar solicitud?',
    variants: [
      '¿Las ONG reconocidas como entidades consultivas por el ECOSOC también deben presentar una solicitud?',
      'Tenemos carácter consultivo ante el ECOSOC, ¿igual debemos postularnos?',
      '¿Las organizaciones acreditadas ante el ECOSOC deben inscribirse?',
      '¿La acreditación ante el ECOSOC sustituye la solicitud?',
      '¿Las ONG del ECOSOC quedan inscritas automáticamente?',
    ],
    answer:
      'Sí. Las ONG reconocidas como entidades consultivas por el Consejo Económico y Social (ECOSOC) también deben presentar una solicitud.',
  },
  costs: {
    question: '¿Quién paga el viaje y el alojamiento?',
    variants: [
      '¿La UNODC cubre el pasaje aéreo y el alojamiento?',
      '¿Se cubren los gastos de viaje?',
      '¿La participación es gratuita?',
      '¿Hay que pagar una cuota?',
      '¿Debemos pagar nuestros propios gastos?',
      '¿Cuánto cuesta participar?',
    ],
    answer:
      'Los participantes que asistan en persona sufragarán todos los gastos conexos. La UNODC dispone de recursos limitados para apoyar la participación de organizaciones de base y de organizaciones dirigidas por víctimas o centradas en las víctimas, que se examinará caso por caso.',
  },
  'travel-support': {
    question: '¿Hay apoyo o financiación para el viaje?',
    variants: [
      '¿Hay ayuda económica para organizaciones pequeñas?',
      '¿Podemos obtener una beca de viaje?',
      '¿Hay financiación para organizaciones de base?',
      '¿Apoyan a organizaciones dirigidas por víctimas?',
      '¿Cómo solicito apoyo para el viaje?',
      '¿Puede la UNODC financiar nuestra participación?',
    ],
    answer:
      'La UNODC dispone de recursos limitados para apoyar la participación de organizaciones de base y de organizaciones dirigidas por víctimas o centradas en las víctimas; las solicitudes se examinan caso por caso.',
  },
  'apply-even-if-uncertain': {
    question: '¿Debemos postularnos aunque no estemos seguros de poder asistir?',
    variants: [
      'Nuestra asistencia aún no está confirmada, ¿debemos postularnos igualmente?',
      'Nuestra participación es incierta',
      '¿Podemos postularnos más adelante?',
      '¿Puedo postularme después del plazo?',
      '¿Habrá otra oportunidad para postularse?',
      '¿La participación queda confirmada al postularse?',
    ],
    answer:
      'La convocatoria recomienda presentar la solicitud al diálogo constructivo más pertinente para su ámbito de trabajo en cuanto se reciba la convocatoria, aunque la participación no sea todavía segura: no será posible presentar solicitudes más adelante.',
  },
  'more-than-one-dialogue': {
    question: '¿Puedo postularme a más de un diálogo?',
    variants: [
      '¿Puede una organización postularse a los diálogos sobre armas de fuego y sobre asistencia técnica?',
      '¿Podemos asistir a ambos diálogos?',
      '¿Necesito una solicitud distinta para cada diálogo?',
      'Múltiples diálogos',
    ],
    answer: 'Sí. Puede solicitar participar en más de un diálogo constructivo; elija cada uno de ellos en la misma solicitud.',
  },
  'review-approval': {
    question: '¿Quién decide qué solicitudes se aceptan?',
    variants: [
      '¿Quién aprueba las solicitudes?',
      '¿Cómo se selecciona a los participantes?',
      '¿Quién examina mi solicitud?',
      '¿Me aceptarán?',
      '¿Cuáles son los criterios de selección?',
    ],
    answer:
      'Todas las solicitudes se examinan y quedan sujetas a la aprobación de los Estados partes en la Convención contra la Delincuencia Organizada y sus Protocolos. Se hará todo lo posible por asegurar la diversidad de género y la representación geográfica.',
  },
  'after-applying': {
    question: '¿Qué pasa después de la fecha límite?',
    variants: [
      '¿Qué pasa después de enviar mi solicitud?',
      '¿Cuáles son los próximos pasos?',
      '¿Qué ocurre cuando se cierra la convocatoria?',
      '¿Cómo me informarán del resultado?',
      '¿Cómo nos comunican la decisión?',
      '¿Qué sucede con la solicitud una vez enviada?',
      '¿Cuándo sabremos si fuimos seleccionados?',
      '¿Cuándo tendremos una respuesta?',
      '¿Cuándo se comunican las decisiones?',
    ],
    answer:
      'Todas las solicitudes se examinan y quedan sujetas a la aprobación de los Estados partes en la Convención contra la Delincuencia Organizada y sus Protocolos, procurando asegurar la diversidad de género y la representación geográfica. Le enviaré aquí, en un mensaje, la decisión sobre cada diálogo al que se haya postulado.',
  },
  diversity: {
    question: '¿Cómo se asegura la diversidad de los participantes?',
    variants: [
      '¿Hay equilibrio de género?',
      '¿Se tiene en cuenta la representación geográfica o regional?',
      '¿Se alienta a las mujeres a postularse?',
      '¿Hay una cuota por región?',
    ],
    answer:
      'Se hará todo lo posible por asegurar la diversidad de género y la representación geográfica de las partes interesadas en cada diálogo constructivo.',
  },
  'later-dialogues': {
    question: '¿Y los otros diálogos (trata, tráfico de migrantes, cooperación)?',
    variants: [
      '¿Qué pasa con los diálogos sobre cooperación internacional, trata de personas y tráfico ilícito de migrantes?',
      '¿Hay un diálogo constructivo sobre trata de personas?',
      'Fecha del diálogo sobre tráfico ilícito de migrantes',
      '¿Cuándo se tratará la cooperación internacional?',
      '¿Ya está abierta la convocatoria sobre trata de personas?',
      'Otros diálogos más adelante este año',
      '¿Cuándo se abrirá la próxima convocatoria?',
    ],
    answer:
      'Los diálogos constructivos sobre cooperación internacional (13 de septiembre de 2023), trata de personas (4 de octubre de 2023) y tráfico ilícito de migrantes (9 de octubre de 2023) tienen su propia convocatoria de participación, que se publicará por separado en marzo de 2023. Esta convocatoria no los incluye.',
  },
  'how-to-apply': {
    question: '¿Cómo presento una solicitud?',
    variants: [
      '¿Dónde está el formulario de solicitud?',
      '¿Cómo me inscribo?',
      '¿Cómo me registro?',
      'Quiero postularme',
      'Empezar mi solicitud',
      '¿Cómo envío una solicitud?',
    ],
    answer:
      'Complete el formulario de solicitud: puedo guiarle paso a paso aquí. El plazo vence el 12 de febrero de 2023 a medianoche, hora de Viena.',
  },
  representatives: {
    question: '¿Cuántos representantes puede enviar una organización?',
    variants: [
      '¿Cuántas personas pueden representarnos?',
      '¿Pueden venir varios colegas?',
      '¿Hay un número máximo de personas por entidad?',
      '¿Cuántos representantes puedo indicar en el formulario?',
    ],
    answer: `La convocatoria no fija un número. El formulario de solicitud admite hasta ${MAX_REPRESENTATIVES} representantes de su organización, y la secretaría confirma la participación.`,
  },
  contact: {
    question: '¿Cómo puedo contactar a los organizadores?',
    variants: [
      '¿Cuál es el correo electrónico de contacto?',
      '¿Cómo me comunico con la secretaría?',
      'Tengo otra pregunta',
      '¿Con quién puedo hablar?',
      '¿Hay un número de teléfono o una dirección de correo?',
      '¿A quién escribo si tengo un problema técnico con el formulario?',
    ],
    answer: 'Escriba a unodc-se4u@un.org.',
  },
  'reports-and-more-information': {
    question: '¿Dónde encuentro más información y los informes de los diálogos de 2022?',
    variants: [
      '¿Están disponibles los informes de 2022?',
      'Informe del Diálogo constructivo de 2022 sobre armas de fuego',
      'Informe del Diálogo constructivo de 2022 sobre asistencia técnica',
      '¿Dónde puedo saber más sobre los diálogos constructivos?',
      'Resultados o documentos de diálogos anteriores',
    ],
    answer:
      'La convocatoria remite a más información sobre los diálogos constructivos y a los informes de los diálogos constructivos de 2022 sobre armas de fuego y sobre asistencia técnica.',
  },
  'deadline-time-zone': {
    question: '¿En qué zona horaria vence el plazo?',
    variants: [
      '¿Medianoche en qué zona horaria?',
      '¿El plazo es en hora de Viena o en mi hora local?',
      '¿El plazo es en hora CET?',
      '¿A qué hora exactamente se cierra la convocatoria?',
    ],
    answer:
      'En hora de Viena (Austria): la convocatoria se cierra a medianoche al final del 12 de febrero de 2023, hora de Europa Central (UTC+1).',
  },
  'edit-application': {
    question: '¿Puedo modificar mi solicitud después de enviarla?',
    variants: [
      '¿Cómo modifico mi solicitud?',
      'Cometí un error en mi solicitud',
      '¿Puedo corregir mi solicitud?',
      '¿Puedo retirar mi solicitud?',
      '¿Puedo añadir otro representante después de enviarla?',
    ],
    answer: 'Hasta el vencimiento del plazo puede modificar o retirar su solicitud aquí. Una solicitud modificada vuelve a examinarse.',
  },
  'application-status': {
    question: '¿En qué estado está mi solicitud?',
    variants: [
      '¿Recibieron mi solicitud?',
      '¿Aceptaron mi solicitud?',
      '¿Cuál es mi número de referencia?',
      'Consultar el estado de mi solicitud',
      '¿Aprobaron mi solicitud?',
      '¿Hay novedades sobre mi solicitud?',
    ],
    answer: 'Este es el estado de su solicitud.',
  },
};
