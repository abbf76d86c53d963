import type { ThreadLinesText } from './lines';

/** The same beats in Spanish, for customers who write in Spanish (label "Spanish"). */
export const LINES_ES: ThreadLinesText = {
  openerIn: [
    'Hola, ¿todavía tienen el {vehicle}?',
    'Buenas tardes, me interesa la {model}. ¿Cuál es el mejor precio?',
    '¿Aceptan carros a cuenta? Quiero ver el {model}',
    'Hola, ¿puedo ir a manejar el {model} hoy?',
  ],
  firstReply: [
    '¡Hola {first}! Soy {agent} de {store}. Sí, el {vehicle} está disponible. ¿Cuándo le gustaría verlo?',
    'Hola {first}, gracias por escribirnos. El {model} está aquí en el lote, con {miles} millas. ¿Tiene algún carro para dar a cuenta?',
  ],
  openerOut: [
    'Hola {first}, soy {agent} de {store}. Gracias por su interés en el {vehicle}. ¿Cuándo puede venir a verlo?',
    '¡Hola {first}! Recibimos su solicitud sobre el {model}. ¿Prefiere que le escribamos en español?',
  ],
  replyToOpenerOut: ['Sí, en español por favor. ¿Cuánto cuesta?', 'Hola, sí. ¿Tiene garantía?'],
  topics: [
    {
      opensWith: 'in',
      lines: [
        'Tengo un {trade} para dar a cuenta. ¿Cuánto me darían?',
        'Con gusto lo revisamos. Nuestro tasador le da un precio en unos 20 minutos cuando venga. ¿Cuántas millas tiene?',
        'Como {tradeMiles}',
        'Perfecto, gracias. Traiga el título si lo tiene.',
      ],
      needsTrade: true,
    },
    {
      opensWith: 'in',
      lines: [
        'Mi crédito no es muy bueno, ¿me pueden ayudar?',
        'Claro que sí, trabajamos con muchos bancos y ayudamos en toda situación de crédito. Puede empezar aquí: {creditApp}',
      ],
    },
    {
      opensWith: 'in',
      lines: [
        '¿Cuánto sería el pago mensual con {down} de enganche?',
        'Con {down} de enganche serían unos {payment} al mes, según su crédito. ¿Quiere que el gerente de finanzas le haga números?',
        'Sí, por favor',
      ],
    },
    {
      opensWith: 'in',
      lines: [
        '¿Dónde están ubicados?',
        'Estamos en {address}. Aquí tiene las direcciones: {directions}',
      ],
    },
    {
      opensWith: 'in',
      lines: ['¿Me puede mandar más fotos?', '¡Claro! Aquí tiene unas fotos del {model}.'],
      photoAt: 1,
    },
  ],
  askAppt: ['¿Le funciona el {day} a las {time} para una prueba de manejo?'],
  acceptAppt: ['Sí, está bien', 'Ok, perfecto', '¿Puede ser a las {altTime}?'],
  confirmAppt: [
    'Listo, lo espero el {day} a las {time}. Pregunte por mí en la recepción. {agentFull}, {store}',
  ],
  seeYou: ['Gracias, nos vemos', 'Ok gracias'],
  reminder: ['Hola {first}, le recuerdo su cita de hoy a las {time}. ¡Lo esperamos!'],
  reminderReply: ['Gracias, ahí estaré', 'Voy en camino'],
  afterShowed: [
    'Gracias por visitarnos hoy, {first}. Cualquier pregunta sobre el {model}, aquí estoy.',
  ],
  afterShowedReply: ['Gracias, lo voy a pensar', 'Gracias por todo'],
  afterNoShow: ['Hola {first}, no lo vimos hoy. ¿Quiere cambiar la cita?'],
  cancelIn: ['No voy a poder ir, tengo que cancelar', 'Se me complicó, cancelo la cita del {day}'],
  cancelReply: ['No se preocupe. Avíseme qué día le queda mejor.'],
  soldOut: ['¡Felicidades por su {model} nuevo, {first}! Gracias por escoger {store}.'],
  soldReply: ['¡Muchas gracias!', 'Gracias por su ayuda'],
  nudges: [
    'Hola {first}, ¿todavía está buscando un {model}?',
    'Hola {first}, el {model} sigue aquí si quiere verlo.',
  ],
  laterIn: ['Todavía no, tal vez el próximo mes', 'Estoy esperando mi reembolso de impuestos'],
  laterOut: ['No hay problema, le escribo en unas semanas.'],
  stopIn: ['ALTO', 'Alto', 'Ya no me escriban por favor', 'STOP'],
  stopAuto: ['You have been unsubscribed from {store} messages. Reply START to resubscribe.'],
  comeBack: ['Perdón, mandé ALTO por error. Sigo interesado en el {model}'],
  welcomeBack: ['No hay problema {first}, ¡bienvenido de nuevo! El {model} sigue disponible.'],
  awaitingIn: [
    '¿Todavía está disponible?',
    '¿Me puede llamar?',
    '¿Hasta qué hora están abiertos hoy?',
    '¿Lo pueden dejar más barato?',
  ],
  scheduled: ['Hola {first}, ¿sigue interesado en el {model}? Tenemos nuevas ofertas este mes.'],
  emailGreeting: 'Hola {first}:',
  emailSignOff: '{agentFull}\n{store}\n{storePhone}',
  weekdays: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
};
