/**
 * How people talk about a call for participation, per language: the concepts of any call (costs,
 * deadline, eligibility, format...), not the facts or the names of one. Dialogue names, short
 * names and abbreviations are catalogue data (each dialogue's aliases), so a new dialogue needs
 * no change here. Stemming and stopwords come from libraries (see language.ts).
 */
import type { Locale } from './i18n/locales';

/** Question words the stopword lists drop but that separate questions ("who" vs "how"). */
export const QUESTION_WORDS: Record<Locale, string[]> = {
  en: ['who', 'when', 'how', 'where', 'why', 'both', 'after', 'before', 'again', 'more', 'not', 'no', 'until', 'online'],
  fr: ['qui', 'quand', 'comment', 'où', 'pourquoi', 'combien', 'avant', 'après', 'pas', 'sans', 'plus'],
  es: ['quién', 'quiénes', 'cuándo', 'cómo', 'dónde', 'por qué', 'cuánto', 'antes', 'después', 'sin', 'más', 'no', 'hasta'],
};

const list = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * Words a stopword list drops that carry the meaning of a question about a call. The Spanish list
 * is a broad one: it drops "adelante" and "tarde" ("¿se puede postular más adelante?"), "ambos",
 * "próximo", "siguiente", "estado(s)" ("Estados partes", "el estado de mi solicitud"), "lugar", "horas".
 */
export const MEANING_WORDS: Record<Locale, string[]> = {
  en: list('later further once same'),
  fr: list(''),
  es: list(`adelante tarde pronto temprano luego próximo próximos proximo siguiente anterior pasado pasada ambos estado estados
    lugar hora horas día días dia dias fin final trabajo tiempo nueva nuevo primera primer primero segunda segundo último última posible`),
};

/**
 * Words the Snowball stopword lists lack but that, in a chat question, only ask or greet:
 * French and Spanish modal verbs ("peut-on", "debemos"), courtesy, chat shorthand.
 */
export const CHAT_WORDS: Record<Locale, string[]> = {
  en: list(
    'need now yet please pls plz also just want like hi hello hey thanks thank already get kindly really actually whats im dear anyway',
  ),
  fr: list(
    'peut peux pouvons pouvez peuvent puis dois doit devons devez doivent faut veux voudrais voudrions aimerais déjà aussi svp stp merci bonjour salut alors donc ça quoi',
  ),
  es: list('debo debe debemos deben quiero quisiera quisiéramos querría favor hola gracias buenos días entonces pues necesito'),
};

/** Words that open a question (folded), and words that join two questions in one sentence. */
export const SPLIT_WORDS = {
  openers: new Set(
    list(`is are can could do does did when what where who whom which how why will would should may must has have am
    est-ce est qui quand comment ou quel quelle quels quelles pourquoi combien peut puis pouvons pouvez peuvent dois doit faut y
    es son puedo podemos puede pueden que cual cuales cuando como donde quien quienes cuanto hay necesito debo debemos existe se`).concat([
      'est ce',
      'y a',
      'a t',
      'se puede',
    ]),
  ),
  joiners: new Set(list('and also plus et aussi y e tambien')),
};

/**
 * What a dialogue's answer always says besides its date and place: whether and how one can take
 * part (computed from its call). Indexed with each dialogue, so "can I apply for the smuggling
 * dialogue yet?" is about that dialogue, not only about applying.
 */
export const DIALOGUE_ACTIONS: Record<Locale, string> = {
  en: 'apply participate take part register',
  fr: 'postuler candidature participer inscription',
  es: 'postular solicitud participar inscripción',
};

/** Words for a meeting, to notice "the cybercrime dialogue" when no such dialogue exists. */
export const MEETING_WORDS: Record<Locale, string[]> = {
  en: list('dialogue dialogues dialog dialogs meeting meetings conference session forum workshop event'),
  fr: list('dialogue dialogues réunion réunions conférence session forum atelier événement'),
  es: list('diálogo diálogos dialogo dialogos reunión reuniones conferencia sesión foro taller evento'),
};

/** Little words between a meeting word and its topic ("a dialogue on corruption"). */
export const TOPIC_LINKS: Record<Locale, string[]> = {
  en: list('on about for of regarding concerning'),
  fr: list('sur de du des concernant'),
  es: list('sobre de del acerca'),
};

/**
 * [terms the call uses, phrases that mean them]. A phrase in a question adds the terms; the
 * phrase's own words are kept too, since FAQ variants may use them.
 */
export const SYNONYMS: Record<Locale, Array<[string, string]>> = {
  en: [
    [
      'costs travel support',
      'money|funding|fund|funds|finance|financial|financing|grant|grants|sponsor|sponsorship|scholarship|pay|paid|payment|reimburse|reimbursement|flight|flights|airfare|ticket|tickets|hotel|hotels|accommodation|lodging|per diem|dsa|expenses|financial help|financial support|financial assistance|subsidy|visa',
    ],
    ['costs', 'fee|fees|free|price|charge|cost|afford'],
    [
      'academia',
      'university|universities|uni|research|researcher|researchers|academic|academics|scholar|scholars|think tank|institute|professor|students|phd|doctoral|postdoc|lecturer',
    ],
    [
      'private sector',
      'company|companies|business|businesses|corporate|corporation|firm|firms|law firm|industry|enterprise|for profit|consultancy|consulting|consultant|consultants|bank|banks',
    ],
    [
      'ngo non governmental',
      'ngo|ngos|civil society|cso|csos|nonprofit|non profit|charity|association|foundation|foundations|non governmental|network|networks|coalition|coalitions|alliance|umbrella|federation|consortium|trade union|trade unions|labour union|labor union|cooperative|cooperatives|co operative|faith based|religious|church|professional association|professional body|student association|students association|student union|community group|community groups|community organization|community organisation|youth group',
    ],
    [
      'non governmental eligible',
      'government|governments|governmental|ministry|ministries|public authority|public authorities|state agency|state institution|police|national police|law enforcement agency|customs|un agency|un agencies|united nations agency|un entity|un body|intergovernmental|igo|igos',
    ],
    ['apply', 'register|registration|sign up|signup|enrol|enroll|submit|send|candidacy|application form|fill|fill in|fill out|form'],
    ['participate', 'join|attend|attendance|take part|participation|come|be there'],
    [
      'eligible',
      'who is it for|who is this for|who is this call for|who is the call for|for whom|open to|qualify|qualifies|allowed to apply|individual|individually|in my own capacity|personal capacity|independent|eligibility',
    ],
    [
      'deadline',
      'last day|due date|closing date|cut off|cutoff|close|closes|closing|closed|too late|late|last date|final date|expire|expires|due|until when|by when|in time|missed|miss|still open|still accepting|how long|how much time|time left|time remaining',
    ],
    ['ecosoc', 'ecosc|eco soc|economic and social council|consultative status|accredited|accreditation'],
    ['ecosoc status required eligible', 'ecosoc member|member of ecosoc|ecosoc membership|member of the ecosoc'],
    ['without', 'do not have|does not have|not have|no ecosoc|lack|lacking|non ecosoc|not accredited'],
    ['online', 'virtual|virtually|remote|remotely|zoom|webex|teams link|link|meeting link|livestream|stream|internet|connect'],
    ['hybrid person vienna', 'in person|onsite|on site|physically|physical|venue|location|city|place|where is it'],
    ['dialogue', 'meeting|event|session|conference|dialog|forum|workshop'],
    ['date', 'dates|day|days|schedule|held|happen|happening|take place|jan|feb|apr|jun|jul|aug|sept|oct|nov|dec'],
    ['objectives purpose', 'aim|aims|goal|goals|objective|why|point of|outcome expected'],
    ['legal basis mandate', 'legal|basis|resolution|paragraph 53|rules|procedures|legislative|law'],
    [
      'approval selection',
      'who decides|select|selected|pick|picked|choose|chosen|accepted|accept|approve|approved|decide|decides|decision|criteria',
    ],
    ['diversity gender geographical', 'gender|women|balance|regional|geographic|region|regions|quota'],
    ['contact', 'email|e mail|mail|reach|phone|helpdesk|help desk|organizers|organisers|get in touch'],
    [
      'contact technical problem',
      'crash|crashes|crashed|crashing|broken|bug|glitch|not working|does not work|do not work|technical problem|technical issue|technical difficulties|error message|not loading',
    ],
    ['report information', 'reports|last year|previous|2022|outcomes|documents|more information|more info|website|read'],
    ['time zone', 'timezone|tz|cet|utc|gmt|local time|which time|hour'],
    ['edit', 'change|modify|update|correct|fix|mistake|amend|withdraw|cancel|revise'],
    [
      'status received',
      'receive|got|did you get|get my|confirmation|confirm|reference number|news|pending|outcome|heard back|hear back|heard anything|hear anything|heard nothing',
    ],
    ['representatives', 'colleague|colleagues|delegate|delegates|delegation|people from|persons from|staff members'],
    ['multiple', 'both|several|more than one|each dialogue|many dialogues|multiple'],
    ['certain', 'not sure|not certain|do not know|unsure|maybe|wait|not confirmed|tentative|undecided|might not'],
    ['grassroots victim', 'small|grass roots|community based|victim|victims|survivor|survivors|victim led|victim focused'],
    ['later dialogues', 'next call|other dialogues|later|upcoming|future|next'],
  ],
  fr: [
    [
      'frais soutien voyage',
      'argent|financement|financer|financière|financier|bourse|subvention|parrainer|payer|payé|paie|rembourser|remboursement|billet|billets|avion|vol|vols|hôtel|hébergement|logement|per diem|dépenses|aide financière|prise en charge|visa',
    ],
    ['frais coûts', 'gratuit|gratuite|prix|coût|payant|payante|tarif'],
    [
      'milieux universitaires',
      'université|universités|recherche|chercheur|chercheurs|chercheuse|chercheuses|universitaire|académique|institut|professeur|étudiants|think tank|doctorant|doctorante|thèse',
    ],
    [
      'secteur privé',
      'entreprise|entreprises|société|sociétés|compagnie|industrie|privé|privée|cabinet|cabinet d avocats|bureau d études|conseil|société de conseil|consultant|consultants|banque',
    ],
    [
      'organisations non gouvernementales',
      'ong|société civile|association|associations|fondation|fondations|organisation à but non lucratif|réseau|réseaux|coalition|collectif|plateforme|fédération|consortium|syndicat|syndicats|coopérative|coopératives|organisation confessionnelle|confessionnelle|religieuse|église|association professionnelle|ordre professionnel|association étudiante|association d étudiants|groupe communautaire|organisation communautaire|groupe de jeunes',
    ],
    [
      'organisations non gouvernementales participer',
      'gouvernement|gouvernements|gouvernementale|gouvernemental|ministère|ministères|administration publique|autorité publique|police|police nationale|gendarmerie|douane|douanes|agence des nations unies|agence de l onu|organisme des nations unies|intergouvernementale|intergouvernemental',
    ],
    ['candidature', 'postuler|candidater|inscrire|inscription|s inscrire|soumettre|envoyer|formulaire|demande|participer|présenter'],
    ['participer', 'assister|rejoindre|prendre part|participation|venir'],
    [
      'participer',
      'éligible|éligibles|admissible|admissibles|ouvert à|ouverte à|à qui s adresse|pour qui|indépendant|indépendante|à titre individuel|à titre personnel|individuellement',
    ],
    [
      'date limite',
      'délai|échéance|clôture|dernier jour|trop tard|tard|expire|jusqu à quand|fin|à temps|encore temps|raté|manqué|toujours ouvert|encore ouvert|toujours ouverte|encore ouverte',
    ],
    ['ecosoc', 'statut consultatif|conseil économique et social|accréditée|accrédité|accréditation'],
    ['ecosoc statut obligatoire', 'membre de l ecosoc|membres de l ecosoc|membre du ecosoc'],
    ['sans', 'pas de statut|n avons pas|n a pas|non dotée|non accréditée'],
    ['en ligne', 'virtuel|virtuelle|virtuellement|à distance|distance|zoom|internet|visioconférence|lien|connexion'],
    ['hybride présentiel vienne', 'sur place|en personne|présentiel|ville|endroit|physiquement'],
    ['dialogue', 'réunion|événement|session|conférence|forum|atelier'],
    ['date', 'dates|jour|jours|calendrier|quand|a lieu|aura lieu|auront lieu|ont lieu'],
    ['objectifs', 'objectif|but|buts|finalité|pourquoi|raison'],
    ['fondement juridique mandat', 'base juridique|juridique|résolution|paragraphe 53|règles|procédures|mandat'],
    [
      'approbation sélection',
      'qui décide|sélectionner|sélectionné|sélectionnés|choisir|choisi|accepté|acceptée|accepter|approuver|approuvé|décision|critères',
    ],
    ['diversité genre géographique', 'genre|femmes|équilibre|parité|régional|régionale|région|régions|quota'],
    ['contact', 'contacter|courriel|email|e mail|adresse électronique|joindre|téléphone|secrétariat|organisateurs|écrire|écris|adresser'],
    [
      'contact problème technique',
      'ne marche pas|marche pas|ne fonctionne pas|fonctionne pas|bug|bogue|plante|planté|bloqué|bloque|panne|problème technique|message d erreur|ne charge pas',
    ],
    ['rapport informations', 'rapports|année dernière|précédent|2022|documents|plus d informations|site web|lire'],
    ['fuseau horaire', 'heure|heure locale|cet|utc|gmt|minuit'],
    ['modifier', 'changer|corriger|erreur|mettre à jour|retirer|annuler|retrait'],
    ['statut reçu', 'reçu|reçue|recevoir|confirmation|confirmer|numéro de référence|nouvelles|en attente|résultat'],
    ['représentants', 'collègue|collègues|délégué|délégués|délégation|personnes de'],
    ['plusieurs', 'les deux|plus d un|chaque dialogue|multiples'],
    ['certaine', 'pas sûr|pas sûrs|pas certain|pas certains|incertain|incertaine|peut être|attendre|pas confirmée|pas encore'],
    ['base victimes', 'petite|petites|local|locale|communautaire|victime|victimes|survivants|survivantes'],
    ['dialogues ultérieurs', 'prochain appel|autres dialogues|plus tard|à venir|futur|prochain|prochaine'],
  ],
  es: [
    [
      'gastos apoyo viaje',
      'dinero|financiación|financiamiento|financiera|financiero|beca|subvención|patrocinio|pagar|paga|pagan|pago|reembolso|reembolsar|pasaje|pasajes|billete|vuelo|vuelos|avión|hotel|alojamiento|hospedaje|viáticos|per diem|ayuda económica|visado|visa',
    ],
    ['gastos costos', 'gratis|gratuito|gratuita|precio|costo|coste|cuota|tarifa|cuesta'],
    [
      'instituciones académicas',
      'universidad|universidades|universitario|universitaria|investigación|investigador|investigadores|investigadora|académico|académica|académicos|instituto|profesor|estudiantes|doctorado|doctorando|tesis',
    ],
    [
      'sector privado',
      'empresa|empresas|compañía|compañías|negocio|negocios|industria|privado|privada|bufete|bufete de abogados|despacho|consultora|consultoría|consultor|consultores|banco',
    ],
    [
      'organizaciones no gubernamentales',
      'ong|ongs|sociedad civil|asociación|fundación|fundaciones|organización sin fines de lucro|red|redes|coalición|alianza|plataforma|federación|consorcio|colectivo|sindicato|sindicatos|cooperativa|cooperativas|organización religiosa|religiosa|confesional|iglesia|basada en la fe|colegio profesional|asociación profesional|asociación estudiantil|asociación de estudiantes|grupo comunitario|organización comunitaria|centro de pensamiento|grupo de reflexión',
    ],
    [
      'organizaciones no gubernamentales participar',
      'gobierno|gobiernos|gubernamental|ministerio|ministerios|autoridad pública|policía|policía nacional|aduanas|agencia de la onu|agencia de naciones unidas|organismo de las naciones unidas|intergubernamental',
    ],
    [
      'solicitud',
      'postular|postularse|postulación|solicitar|inscribir|inscribirse|inscripción|registrarse|registro|aplicar|enviar|presentar|formulario|candidatura',
    ],
    ['participar', 'asistir|unirse|tomar parte|participación|venir'],
    [
      'participar',
      'elegible|elegibles|admisible|admisibles|para quién|dirigida a|dirigido a|independiente|a título individual|a título personal|individualmente',
    ],
    [
      'plazo',
      'fecha límite|cierre|cierra|último día|demasiado tarde|tarde|vence|vencimiento|hasta cuándo|a tiempo|se me pasó|perdí|sigue abierta|todavía abierta|aún abierta|está abierta|sigue abierto',
    ],
    ['ecosoc', 'estatus consultivo|carácter consultivo|consejo económico y social|acreditada|acreditado|acreditación'],
    ['ecosoc estatus obligatorio', 'miembro del ecosoc|miembros del ecosoc|miembro de ecosoc'],
    ['sin', 'no tenemos|no tiene|no contamos|no acreditada'],
    ['en línea', 'virtual|virtualmente|a distancia|remoto|remota|zoom|internet|videoconferencia|enlace|conexión'],
    ['híbrido presencial viena', 'en persona|presencialmente|sede|lugar|ciudad|físicamente'],
    ['diálogo', 'reunión|evento|sesión|conferencia|foro|taller'],
    ['fecha', 'fechas|día|días|calendario|cuándo|celebra'],
    ['objetivos', 'objetivo|propósito|finalidad|meta|metas|para qué|por qué'],
    ['fundamento jurídico mandato', 'base jurídica|jurídico|resolución|párrafo 53|reglas|procedimientos|mandato|legal'],
    [
      'aprobación selección',
      'quién decide|seleccionar|seleccionados|seleccionadas|elegir|elegidos|aceptados|aceptada|aceptar|aprobar|aprobada|decisión|criterios',
    ],
    ['diversidad género geográfica', 'género|mujeres|equilibrio|paridad|regional|región|regiones|cuota'],
    ['contacto', 'contactar|correo|correo electrónico|email|escribir|teléfono|secretaría|organizadores'],
    [
      'contacto problema técnico',
      'no funciona|no carga|no anda|se cae|se colgó|falla|fallo|se bloquea|bloqueado|problema técnico|mensaje de error',
    ],
    ['informe información', 'informes|año pasado|anterior|2022|documentos|más información|sitio web|leer'],
    ['zona horaria', 'hora|hora local|cet|utc|gmt|medianoche'],
    ['modificar', 'cambiar|corregir|error|actualizar|editar|retirar|cancelar|retiro'],
    ['estado recibida', 'recibida|recibido|recibieron|recibir|confirmación|confirmar|número de referencia|noticias|pendiente|resultado'],
    ['representantes', 'colega|colegas|delegado|delegados|delegación|personas de'],
    ['múltiples', 'ambos|los dos|varios|más de uno|cada diálogo|múltiples'],
    ['segura', 'no estamos seguros|no sabemos|no es seguro|no está confirmada|incierta|quizás|tal vez|esperar|todavía no'],
    ['base víctimas', 'pequeña|pequeñas|local|comunitaria|víctima|víctimas|sobrevivientes|supervivientes'],
    ['diálogos posteriores', 'próxima convocatoria|otros diálogos|más adelante|próximos|futuro|siguiente|próximo'],
  ],
};

/** Little words before a place named for a time: "in Nairobi", "à Dakar", "hora de Bogotá". */
export const PLACE_LINKS: string[] = list('in at from for à a au aux en de depuis pour desde para');

/** Words after a place named for a time: "Bogota time", "Nairobi local time". */
export const PLACE_TIME_WORDS: string[] = list('time local');

/**
 * Cities people name in French or Spanish, or by a name no time zone carries ("New Delhi"), with
 * their IANA zone. Zone cities ("Nairobi", "Bogota") and countries with one offset need no entry.
 */
export const PLACE_NAMES: Record<string, string> = {
  'new delhi': 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  'nueva delhi': 'Asia/Kolkata',
  'new york city': 'America/New_York',
  'nueva york': 'America/New_York',
  washington: 'America/New_York',
  'ciudad de mexico': 'America/Mexico_City',
  'mexico city': 'America/Mexico_City',
  'mexico df': 'America/Mexico_City',
  'le caire': 'Africa/Cairo',
  'el cairo': 'Africa/Cairo',
  londres: 'Europe/London',
  geneva: 'Europe/Zurich',
  geneve: 'Europe/Zurich',
  ginebra: 'Europe/Zurich',
  abuja: 'Africa/Lagos',
  pekin: 'Asia/Shanghai',
  beijing: 'Asia/Shanghai',
  'sao paulo': 'America/Sao_Paulo',
  brasilia: 'America/Sao_Paulo',
  'rio de janeiro': 'America/Sao_Paulo',
  'los angeles': 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  ottawa: 'America/Toronto',
  canberra: 'Australia/Sydney',
  islamabad: 'Asia/Karachi',
  'la paz': 'America/La_Paz',
  quito: 'America/Guayaquil',
  'ciudad de guatemala': 'America/Guatemala',
  'guatemala city': 'America/Guatemala',
  'san jose': 'America/Costa_Rica',
  tegucigalpa: 'America/Tegucigalpa',
  'san salvador': 'America/El_Salvador',
  'santo domingo': 'America/Santo_Domingo',
  'la havane': 'America/Havana',
  'la habana': 'America/Havana',
  yaounde: 'Africa/Douala',
  pretoria: 'Africa/Johannesburg',
  'le cap': 'Africa/Johannesburg',
  'cape town': 'Africa/Johannesburg',
  rabat: 'Africa/Casablanca',
  ankara: 'Europe/Istanbul',
  'addis abeba': 'Africa/Addis_Ababa',
  'addis ababa': 'Africa/Addis_Ababa',
};

/**
 * Subjects a call for participation leaves to the secretariat: the languages and interpretation
 * of a meeting, what to wear, how many take part in all, and the press. A question about one of
 * them is answered only by an entry that speaks of it, so "Will the dialogue be held in English
 * only?" is passed on rather than answered with the dialogue dates. The secretariat adding such
 * an entry is enough for it to be answered.
 */
export const OUTSIDE_CALL: Record<Locale, string> = {
  en: [
    'language|languages|english only|only in english|in english only|interpretation|interpreter|interpreters|interpreting|translation|translated|sign language',
    'dress|dress code|attire|clothing|clothes|wear',
    'in total|total number|overall number|altogether|how many participants will|how many participants are expected|how many people are expected',
    'journalist|journalists|reporter|reporters|press|media|newspaper',
  ].join('|'),
  fr: [
    'langue|langues|uniquement en anglais|seulement en anglais|interprétation|interprète|interprètes|traduction|traduit|traduits|traduites|langue des signes',
    'code vestimentaire|tenue vestimentaire|tenue|vêtements|s habiller',
    'au total|en tout|nombre total|combien de participants seront|combien de participants sont attendus',
    'journaliste|journalistes|presse|média|médias',
  ].join('|'),
  es: [
    'idioma|idiomas|lengua|solo en inglés|solamente en inglés|únicamente en inglés|interpretación|intérprete|intérpretes|traducción|traducido|traducida|traducidos|lengua de señas',
    'código de vestimenta|vestimenta|ropa|vestir|atuendo',
    'en total|número total|cuántos participantes habrá|cuántos participantes serán',
    'periodista|periodistas|prensa|medios de comunicación|reportero|reportera',
  ].join('|'),
};
