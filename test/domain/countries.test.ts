import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryName, findCountry, regionalGroupOf, REGIONAL_GROUPS } from '../../domain/countries';

describe('countries', () => {
  it('lists the 193 member states and the two observer states, once each', () => {
    expect(COUNTRIES).toHaveLength(195);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(195);
    for (const c of COUNTRIES) expect(c.code).toMatch(/^[A-Z]{2}$/);
  });

  it('has the regional groups at their known sizes', () => {
    const count = (g: string) => COUNTRIES.filter((c) => c.group === g).length;
    expect(count('African States')).toBe(54);
    expect(count('Asia-Pacific States')).toBe(54); // 53 members plus Kiribati
    expect(count('Eastern European States')).toBe(23);
    expect(count('Latin American and Caribbean States')).toBe(33);
    expect(count('Western European and other States')).toBe(29);
    expect(count('Other')).toBe(2);
    expect(REGIONAL_GROUPS).toHaveLength(6);
  });

  it('is sorted by name', () => {
    const names = COUNTRIES.map((c) => c.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(names);
  });

  it.each([
    ['US', 'Western European and other States'],
    ['CA', 'Western European and other States'],
    ['AU', 'Western European and other States'],
    ['NZ', 'Western European and other States'],
    ['IL', 'Western European and other States'],
    ['TR', 'Western European and other States'],
    ['KI', 'Asia-Pacific States'],
    ['VA', 'Other'],
    ['PS', 'Other'],
    ['NG', 'African States'],
    ['RU', 'Eastern European States'],
    ['BR', 'Latin American and Caribbean States'],
    ['CY', 'Asia-Pacific States'],
    ['XX', 'Other'],
  ])('%s is in %s', (code, group) => {
    expect(regionalGroupOf(code)).toBe(group);
  });

  it.each([
    ['at', 'AT'],
    ['AUSTRIA', 'AT'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['Russia', 'RU'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['turkiye', 'TR'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ['Ivory Coast', 'CI'],
    ['Bolivia', 'BO'],
    ['Bolivia (Plurinational State of)', 'BO'],
    ['South Korea', 'KR'],
    ['Viet Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['the Gambia', 'GM'],
    ['St Lucia', 'LC'],
    ['Palestine', 'PS'],
    ['  kenya  ', 'KE'],
  ])('finds %s', (input, code) => {
    expect(findCountry(input)?.code).toBe(code);
  });

  it('finds nothing for unknown input', () => {
    expect(findCountry('Atlantis')).toBeUndefined();
    expect(findCountry('')).toBeUndefined();
    expect(findCountry(null)).toBeUndefined();
    expect(findCountry('XX')).toBeUndefined();
  });

  it('names countries and keeps unknown codes', () => {
    expect(countryName('at')).toBe('Austria');
    expect(countryName('TR')).toBe('Türkiye');
    expect(countryName('ZZ')).toBe('ZZ');
  });
});
