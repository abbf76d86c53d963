import type { ThreadLinesText } from './lines';

/** How customers and agents text at a dealership, in English. */
export const LINES_EN: ThreadLinesText = {
  openerIn: [
    'Hi, is the {vehicle} still available?',
    'Hey is the {year} {model} on your website still there? Stock {stock}',
    'Interested in the {model}. Whats the best price you can do?',
    'Do you still have the {color} {model}?',
    'Hi I saw the {vehicle} on Facebook, is it available',
    'What would my payment be on the {model} with {down} down?',
    'Can I come test drive the {model} today?',
    'Looking for a {make} {model}, around {year}. Anything in stock?',
    'hi is the {model} stock {stock} still for sale? how many miles',
    'Good morning, I filled out a form on your site about the {vehicle}. Is it still there?',
    'Hello! Is the {color} {year} {model} sold yet?',
    'Do you guys take trade ins? Looking at the {model}',
  ],
  firstReply: [
    'Hi {first}! This is {agent} with {store}. Yes, the {vehicle} is still available. It has {miles} miles. Would you like to come see it?',
    'Hi {first}, thanks for reaching out! The {model} is here on the lot. When would be a good time to stop by?',
    'Good news, it is still here! {color}, {miles} miles, and it drives great. Are you planning to trade anything in?',
    'Hi {first}, {agent} here from {store}. It is available and listed at {price}. Do you want me to hold it for a test drive?',
    'Hey {first}! Yes we have it. Are you looking to buy in the next week or two?',
  ],
  openerOut: [
    'Hi {first}, this is {agent} with {store}. Thanks for your inquiry on the {vehicle}! It is available. When would be a good time to see it?',
    'Hi {first}! {agent} here from {store}. I got your request about the {model}. Are you hoping to buy in the next couple of weeks?',
    'Hi {first}, thanks for choosing {store}! I have the {color} {model} you asked about. Would you like photos or a price breakdown?',
    'Hello {first}, {agent} from {store}. Your {model} request came through. Is this the best number to text you?',
  ],
  replyToOpenerOut: [
    'Yes this is a good number. Is the price negotiable?',
    'Hi! Yes please send me more info',
    'Yes, sometime this week. How much is it out the door?',
    'Hi {agent}, yes still looking. Does it have heated seats?',
    'Thanks for getting back to me. Is it a one owner?',
    'Can you send me photos of the interior?',
  ],
  topics: [
    {
      opensWith: 'in',
      lines: [
        'I have a {trade} to trade in. What would you give me for it?',
        'We would love to take a look at it! Our appraiser can give you a firm number in about 20 minutes when you stop by. About how many miles are on it?',
        'Around {tradeMiles}',
        'Perfect, that helps. Bring the title or your payoff info if you have it.',
      ],
      needsTrade: true,
    },
    {
      opensWith: 'in',
      lines: [
        'Heres my trade',
        'Thanks! It looks clean. We will have our appraiser look at it when you come in.',
      ],
      photoAt: 0,
      needsTrade: true,
    },
    {
      opensWith: 'in',
      lines: [
        'My credit is not great, can you still get me approved?',
        'We work with a lot of lenders and help people in every credit situation. You can get started here, it only takes a few minutes: {creditApp}',
      ],
    },
    {
      opensWith: 'in',
      lines: [
        'Whats the out the door price?',
        'The {model} is listed at {price}. Tax and fees depend on your county, so I can send you a full breakdown. Do you have a trade?',
      ],
    },
    {
      opensWith: 'in',
      lines: ['Can you send more pictures?', 'Sure! Here are a few more of the {model}.'],
      photoAt: 1,
    },
    {
      opensWith: 'in',
      lines: [
        'Has it been in any accidents?',
        'Clean history report, no accidents. I can email you the full report if you like.',
        'Yes please',
        'Done! Let me know if you have any other questions.',
      ],
    },
    {
      opensWith: 'in',
      lines: [
        'What time are you open Saturday?',
        'We are open 9 to 7 on Saturday. Mornings are usually quieter if you want more time with the car.',
      ],
    },
    {
      opensWith: 'in',
      lines: ['Where are you located?', 'We are at {address}. Here are directions: {directions}'],
    },
    {
      opensWith: 'in',
      lines: [
        'What would payments be with {down} down?',
        'With {down} down you would be around {payment} a month, depending on credit. Want me to have our finance manager run real numbers?',
        'Sure',
      ],
    },
    {
      opensWith: 'out',
      lines: [
        'Here is a $500 voucher you can use on the {model}. Just show it at the desk: {voucher}',
        'Oh nice, thank you!',
      ],
    },
    {
      opensWith: 'in',
      lines: ['Does it have apple carplay?', 'It does! Wireless CarPlay and Android Auto both.'],
    },
    {
      opensWith: 'in',
      lines: [
        'Is there any warranty on it?',
        'Yes, it still has factory coverage, and we offer extended plans too. I can go over the options when you come in.',
      ],
    },
    {
      opensWith: 'out',
      lines: [
        'Hi {first}, just wanted to make sure you got the info on the {model}. Any questions?',
        'Yes got it, thanks. Still thinking about it',
      ],
    },
    {
      opensWith: 'in',
      lines: [
        'Is the price negotiable?',
        'We price our cars to market, but I will always do my best for you. Come see it and we can talk numbers in person.',
      ],
    },
    {
      opensWith: 'in',
      lines: [
        'Can my wife come too? She needs to see it before we decide',
        'Of course! Bring her along, we will have it pulled up front for you both.',
      ],
    },
  ],
  askAppt: [
    'Would {day} at {time} work for a test drive?',
    'I can have it ready for you {day} at {time}. Does that work?',
    'When is a good time to come in? I have {day} at {time} open.',
  ],
  acceptAppt: [
    'Yes that works',
    'Ok sounds good',
    'Can we do {altTime} instead?',
    '{day} works for me',
  ],
  confirmAppt: [
    'You are all set for {day} at {time}. Ask for me at the front desk. {agentFull}, {store}, {address}',
    'Perfect, I have you down for {day} at {time}. The {model} will be pulled up and ready!',
    'Great, see you {day} at {time}! Here are directions: {directions}',
  ],
  seeYou: ['See you then', 'Thanks!', 'Ok thank you', '👍'],
  reminder: [
    'Hi {first}, just a reminder about your appointment today at {time}. See you soon!',
    'Good morning {first}! Looking forward to seeing you at {time} today. The {model} is ready.',
  ],
  reminderReply: ['Thanks, see you then', 'On my way', 'Running about 15 min late', 'Ok'],
  afterShowed: [
    'Thanks for coming in today, {first}! Let me know if you have any questions about the {model}.',
    'It was great meeting you today {first}. I talked to my manager and I think we can get closer on the numbers. Can I call you?',
  ],
  afterShowedReply: [
    'Thanks, I need to talk to my husband first',
    'Will do, thanks for your time',
    'Yes call me after 5',
  ],
  afterNoShow: [
    'Hi {first}, we missed you today! Do you want to reschedule?',
    'Hi {first}, the {model} is still waiting for you. Let me know a better day and time.',
  ],
  cancelIn: [
    'Something came up, I need to cancel for {day}',
    'Hey I cant make it today, sorry',
    'Need to cancel, my work schedule changed',
  ],
  cancelReply: [
    'No problem at all! Just let me know what day works better.',
    'Thanks for letting me know. I will check back with you later this week.',
  ],
  soldOut: [
    'Congratulations on your new {model}, {first}! Thank you for choosing {store}.',
    'Congrats again {first}! Enjoy the {model} and let me know if you need anything at all.',
  ],
  soldReply: ['Thank you! Love it', 'Thanks for all your help!', 'Thank you, it drives great'],
  nudges: [
    'Hi {first}, are you still shopping for a {model}?',
    'Hi {first}, just checking in. The {model} is still here if you want to take a look.',
    'Hi {first}, we just got a few more {make}s in. Want me to send some options?',
  ],
  laterIn: [
    'Not ready yet, maybe next month',
    'Waiting on my tax return, will reach out after',
    'I need to wait until my lease is up in a couple months',
  ],
  laterOut: [
    'No problem at all, I will check back in a few weeks.',
    'Totally understand. I will follow up then, and text me anytime before.',
  ],
  stopIn: ['STOP', 'Stop', 'stop texting me', 'Please remove me from your list', 'UNSUBSCRIBE'],
  stopAuto: ['You have been unsubscribed from {store} messages. Reply START to resubscribe.'],
  comeBack: [
    'Sorry, I sent stop by mistake. I am still interested in the {model}',
    'Hi, I know I said stop but can you text me about the {model} again?',
  ],
  welcomeBack: ['No problem {first}, welcome back! The {model} is still available.'],
  awaitingIn: [
    'Is it still available?',
    'Ok what about the {color} one?',
    'Can you do any better on the price?',
    'What time do you close today?',
    'Can I bring it to my mechanic first?',
    'Do you have any other {model}s?',
    'Hello?',
    'Can you call me?',
    'How long would financing take?',
  ],
  scheduled: [
    'Hi {first}, just following up on the {model}. Are you still interested?',
    'Hi {first}, it has been a few weeks. Are you ready to take another look at the {model}?',
    'Hi {first}, {agent} from {store}. We have new incentives this month. Want the details?',
  ],
  emailGreeting: 'Hi {first},',
  emailSignOff: '{agentFull}\n{store}\n{storePhone}',
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
