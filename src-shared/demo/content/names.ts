function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

/** Customer names. "Whitfield" is left out on purpose: the fixture lead's name must be unique. */
export const FIRST_NAMES = words(`
  James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara
  Richard Susan Joseph Jessica Thomas Sarah Chris Karen Daniel Lisa Matthew Nancy Anthony
  Betty Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle
  Kevin Carol Brian Amanda George Melissa Tim Deborah Ryan Stephanie Jacob Rebecca Gary
  Sharon Nicholas Laura Eric Cynthia Jonathan Amy Justin Angela Brandon Brenda Tyrone Keisha
  DeShawn Latoya Darnell Aaliyah Wei Lin Hiroshi Yuki Anh Minh Raj Anjali Kalani Leilani Kai
  Noelani Dmitri Olga Tomasz Agnieszka Connor Siobhan Jordan Taylor Morgan Casey Riley Avery
  Cody Brittany Dustin Crystal Travis Amber Derek Megan
`);

export const LAST_NAMES = words(`
  Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin
  Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott
  Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner
  Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed
  Bailey Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price
  Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Bell Coleman Butler
  Henderson Barnes Fisher Nguyen Tran Kim Park Chen Wang Patel Shah Nakamura Tanaka Kealoha
  Akana O'Brien McCarthy Kowalczyk Novak Ivanov Washington Jefferson Booker
`);

/** Customers who write in Spanish get these names and the Spanish thread lines. */
export const SPANISH_FIRST_NAMES = words(`
  José María Juan Guadalupe Luis Rosa Carlos Ana Jorge Carmen Miguel Verónica Francisco
  Alejandra Alejandro Lucía Ricardo Gabriela Fernando Marisol
`);

export const SPANISH_LAST_NAMES = words(`
  García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores
  Rivera Gómez Díaz Morales Reyes Cruz Ortiz Castillo Mendoza
`);

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

/** "María José O'Brien" -> "mariajoseobrien": what people type in an email address. */
export function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
