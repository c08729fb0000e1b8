/**
 * Places named for a time ("the deadline in Nairobi"): found from the runtime's zone and country
 * data, only where the words say a place, and never when a country has no single clock.
 */
import { describe, expect, it } from 'vitest';
import { placeIn } from '../../domain/knowledge-places';

const at = new Date('2023-02-12T23:00:00Z');
const callWords = new Set(['reunion', 'person', 'time', 'ligne']);
const place = (text: string) => placeIn(text, at, (w) => callWords.has(w));

describe('a place named for a time', () => {
  it('reads zone cities, countries with one clock, and cities by their French or Spanish name', () => {
    expect(place('what time exactly is the deadline for us in Nairobi?')).toEqual({ name: 'Nairobi', zone: 'Africa/Nairobi' });
    expect(place('Deadline in Bogota time please')?.zone).toBe('America/Bogota');
    expect(place("c'est quoi la date limite a l'heure de Dakar ?")?.zone).toBe('Africa/Dakar');
    expect(place('we are based in Kenya')?.zone).toBe('Africa/Nairobi');
    expect(place('nous sommes au Sénégal')?.zone).toBe('Africa/Dakar');
    expect(place('¿A qué hora vence el plazo en Ciudad de México?')).toEqual({ name: 'Ciudad de México', zone: 'America/Mexico_City' });
  });

  it('needs a word that says "place" before it, or "time" after it', () => {
    expect(place('Nairobi office staff')).toBeNull();
    expect(place('trafic de migrants')).toBeNull();
  });

  it('does not read a word of the call as a place, nor a country with several clocks', () => {
    expect(place('à quelle heure est la réunion')).toBeNull();
    expect(place('can we join in person')).toBeNull();
    expect(place('we are in the United States of America')).toBeNull();
  });
});
